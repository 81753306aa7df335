#pragma once
/// The seeds' Day-7 reflection of one week: "how many days did you complete your micro-goal?
/// If you completed it 5+ days, you're on track". A quota goal is judged by its quota.
#include <optional>
#include <vector>

#include "core/judge/chain.hpp"
#include "core/judge/coach_rules.hpp"

namespace microstep {

struct WeekReview {
  Day first, last;           ///< the calendar week
  Day to;                    ///< its last day judged: `last`, or today in the current week
  bool so_far = false;       ///< the week holds today: it is not over
  std::vector<DayState> days;  ///< the states of [first, to] (before_start before the goal)
  long done = 0;             ///< days with the minimum reached (asked for or not)
  long scheduled = 0;        ///< days asked for: done, missed, partial, or open today
  long missed = 0, partial = 0, rest = 0;
  bool open_today = false;   ///< today is asked for and not done yet
  /// The days asked for and judged: `scheduled` less today while it is open, the count the
  /// verdict and the week's text give ("5 of 5 so far, today still open", never "5 of 6").
  long judged() const { return scheduled - (open_today ? 1 : 0); }
  std::vector<unsigned> missed_weekdays;  ///< day schedules: of missed and partial days (0 = Monday)
  /// Quota goals: the period that judges the week (the week itself, or for N/month the
  /// month holding `to`).
  std::optional<Period> period;
  ChainUnit unit = ChainUnit::day;  ///< the period's unit (week or month), for quota goals
  std::optional<double> rate;     ///< done of judged days, or the period's counted of needed
  std::optional<bool> on_track;   ///< nullopt: nothing judged yet, a quota still open, or tracking
  bool tracking = false;          ///< tracked only on `to`: its done days counted, not judged
};

/// Reviews the week holding `day` (weeks start on the chain's week_start), as judged today.
WeekReview review_week(const Chain& chain, Day day, const CoachThresholds& thresholds);

/// Seed 003's 7-day plan: the seventh day of a goal (its start + 6) is review day (not for a
/// goal tracked only: nothing is judged).
bool is_review_day(const Chain& chain);

/// The goal's first seven days, reviewed as a week (seed 003, "Day 7: Reflect and Adjust":
/// 5+ days: on track; fewer: make it smaller or adjust the trigger). On review day, today
/// counts once done; while it is open, `open_today` says one more can still count.
WeekReview review_first_week(const Chain& chain, const CoachThresholds& thresholds);

}  // namespace microstep
