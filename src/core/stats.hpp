#pragma once
/// The numbers about one goal's consistency (microstep-stats(7) defines each one).
#include <optional>
#include <string>
#include <vector>

#include "core/chain.hpp"

namespace microstep {

/// A run of done days (or met periods) with its first and last day.
struct Streak {
  long length = 0;
  std::optional<Day> first, last;
};

/// Where the current streak stands today.
enum class StreakState {
  alive,   ///< today is done, or nothing is asked today and the chain holds
  open,    ///< today is asked for and not done yet; the chain is still whole
  broken,  ///< the last asked-for day (or period) was missed
  none,    ///< nothing to judge yet
};
std::string_view to_string(StreakState state);

struct GoalStats {
  Streak current;
  Streak longest;
  std::string streak_unit;            ///< "day", "week" or "month"
  StreakState state = StreakState::none;
  std::optional<long> broken_days_ago;  ///< with state broken: days since the missed day
  std::optional<double> rate_7, rate_30, rate_90, rate_all;
  double strength = 0;
  long done_days = 0;
  double total_amount = 0;
  std::optional<Day> first_done, last_done;
  std::optional<long> days_since_last_done;
  /// rate_7 >= 5/7, the seeds' 7-day rule; nullopt while there is nothing to judge.
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

Streak current_streak(const Chain& chain);
Streak longest_streak(const Chain& chain);
double habit_strength(const Chain& chain);
GoalStats compute_stats(const Chain& chain);

}  // namespace microstep
