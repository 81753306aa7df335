#pragma once
/// Loads goals, streams the log once, and builds each goal's chain and stats (or its standing
/// alone): the common first half of stats, today, suggest, review, due and remind.
#include <deque>
#include <functional>
#include <memory>

#include "cli/context.hpp"
#include "core/judge/big_goal.hpp"
#include "core/judge/coach_rules.hpp"
#include "core/judge/mood.hpp"
#include "core/judge/stats.hpp"

namespace microstep::cli {

/// A goal with its days and its chain judged on today: what every report starts from.
struct JudgedGoal {
  Goal goal;
  DayMarks marks;
  std::unique_ptr<Chain> chain;  ///< refers to goal and marks above
};

/// A goal with the numbers of its whole history (stats, review, suggest, ...).
struct GoalReport : JudgedGoal {
  GoalStats stats;
};

/// A goal with where it stands today, and none of its history's numbers (today, due, remind).
struct GoalStandingReport : JudgedGoal {
  GoalStanding standing;
};

/// Events kept in full from the same pass over the log: those of the reported goals whose
/// day lies in [from, to], in log order.
struct EventsOfDays {
  Day from, to;
  std::vector<Event> events;
};

/// The goals named by `prefixes` (all goals when empty) that pass `keep`, judged on `today`.
/// Reports live in a deque so that the chains' references stay valid. With `events`, the
/// events of its days are read in the same pass. With `rules`, the 7-day rule is judged by
/// their thresholds (commands that coach load them; the others judge by the defaults).
std::deque<GoalReport> load_reports(Context& context, const std::vector<std::string>& prefixes,
                                    const std::function<bool(const Goal&)>& keep = {},
                                    EventsOfDays* events = nullptr, const CoachRules* rules = nullptr,
                                    std::map<Day, int>* moods = nullptr);

/// The goals that pass `keep`, each with where it stands today: the same judgement as
/// load_reports, without the rates, strength and verdict that a prompt does not show.
std::deque<GoalStandingReport> load_standings(Context& context, const std::function<bool(const Goal&)>& keep);

/// Moods compared on days with any of the reports' steps done and on other days (nullopt
/// below the rules' threshold); with `one`, on days with that goal's step done.
std::optional<MoodComparison> mood_comparison(const std::deque<GoalReport>& reports, const std::map<Day, int>& moods,
                                              const CoachRules& rules, const GoalReport* one = nullptr);

/// The reports of one big goal (or of the goals without one: an empty text), with its numbers.
struct ReportGroup {
  std::string text;
  std::vector<size_t> members;  ///< indexes into the reports grouped
  BigGoalStats stats;
};

/// The goals grouped by their `goal:` text (see core/judge/big_goal.hpp).
std::vector<ReportGroup> group_goals(const std::vector<const JudgedGoal*>& goals);

/// The reports grouped by their goals' `goal:` text.
template <class Report>
std::vector<ReportGroup> group_reports(const std::deque<Report>& reports) {
  std::vector<const JudgedGoal*> goals;
  for (const auto& r : reports) goals.push_back(&r);
  return group_goals(goals);
}

/// Active goals (not paused, done or archived) that have started by today.
bool is_active_today(const Goal& goal, Day today);

}  // namespace microstep::cli
