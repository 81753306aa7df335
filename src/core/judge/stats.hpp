#pragma once
/// The numbers about one goal's consistency (microstep-stats(7) defines each one).
#include <optional>
#include <string>
#include <vector>

#include "core/judge/chain.hpp"
#include "core/judge/verdict.hpp"

namespace microstep {

/// A run of done days (or met periods) with its first and last day.
struct Streak {
  long length = 0;
  std::optional<Day> first, last;
};

/// Where the chain stands today (microstep-stats(7), STREAKS).
enum class StreakState {
  alive,   ///< today's day or period is kept, or nothing is asked today and the last was kept
  open,    ///< today's day or period is still asked for; the last one judged was kept (or none)
  broken,  ///< the last day or period judged was missed
  none,    ///< nothing judged and nothing asked yet
};
std::string_view to_string(StreakState state);

/// Where a goal stands today: its step, its current streak and the state of its chain. What
/// today, due and remind show, judged without the history's numbers (judge_standing).
struct GoalStanding {
  StepVersion in_force;                 ///< the version of the step in force today
  std::optional<StepVersion> upcoming;  ///< a change that takes effect after today
  Streak current;
  std::string streak_unit;            ///< "day", "week" or "month"
  StreakState state = StreakState::none;
  std::optional<long> broken_days_ago;  ///< with state broken: days since the missed day
  long done_days = 0;
  /// The version in force is tracking only: its done days are counted, and nothing is
  /// scored (no streak, rate, strength or verdict).
  bool tracking = false;
};

/// The standing and the numbers of the goal's whole history.
struct GoalStats : GoalStanding {
  Streak longest;
  std::optional<double> rate_7, rate_30, rate_90, rate_all;
  double strength = 0;
  double total_amount = 0;
  std::optional<Day> first_done, last_done;
  std::optional<long> days_since_last_done;
  /// The seeds' 7-day rule (for quotas: its periods' form); on_track is its answer.
  Verdict verdict;
  std::optional<bool> on_track;
};

/// The completion rate over the last `window` days (0 = since the start), as defined for the
/// goal's schedule; nullopt when no day in the window was eligible.
std::optional<double> completion_rate(const Chain& chain, long window);
/// Like completion_rate, over [from, to] (both clamped to the goal's life).
std::optional<double> completion_rate_between(const Chain& chain, Day from, Day to);

/// One size of the step (a version) with its completion rate: which size actually happened.
struct RungRate {
  StepVersion version;
  Day last;  ///< the day before the next version took effect, or today
  std::optional<double> rate;
};
/// The completion rate on each version of the step, oldest first.
std::vector<RungRate> rung_rates(const Chain& chain);

/// Streaks count the kept occasions (microstep-stats(7), STREAKS) in the unit of today's
/// version; kept occasions of another unit (before a change of schedule) hold the chain
/// without adding to it, a broken one ends it.
Streak current_streak(const Chain& chain);
Streak longest_streak(const Chain& chain);
/// Every streak, oldest first: each run of kept occasions between broken ones.
std::vector<Streak> all_streaks(const Chain& chain);
double habit_strength(const Chain& chain);
/// Where the chain stands today, without the rates, strength and verdict of its history.
GoalStanding judge_standing(const Chain& chain);

/// The standing and everything above, with the 7-day rule judged by `thresholds`. A goal
/// tracked only today gets its totals alone.
GoalStats compute_stats(const Chain& chain, const CoachThresholds& thresholds = {});

}  // namespace microstep
