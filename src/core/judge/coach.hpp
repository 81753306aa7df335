#pragma once
/// Coaching: "make it smaller", "ready to grow" or "keep going", with the numbers that say why.
/// Every rule comes from the seeds; microstep-stats(7), COACHING, names which.
#include <optional>
#include <string>
#include <vector>

#include "core/judge/coach_rules.hpp"
#include "core/judge/growth.hpp"
#include "core/judge/shrink.hpp"
#include "core/judge/stats.hpp"
#include "core/judge/suggestion.hpp"

namespace microstep {

/// The last `count` judged days of a day schedule (today too, when done), newest first.
/// Rest days, unscheduled days and quota periods are passed over.
std::vector<Day> recent_occurrences(const Chain& chain, int count);

/// Weekdays (0 = Monday) on which misses cluster over the last 28 days, when they do.
std::vector<unsigned> clustered_miss_weekdays(const Chain& chain);

/// Why a goal is still being mastered, so that a new one should wait (seed 003: "start with
/// one micro-goal and master it before adding others"): younger than the 30-day rule's days,
/// or below its rate over 30 days. "write is 12 days old", "read is at 80% over 30 days". A
/// goal tracked only asks for nothing to master.
std::optional<std::string> still_mastering(const Chain& chain, const GoalStats& stats, const CoachThresholds& t);

/// Why the goal is not coached today: "paused" (its status, or a pause still open), "done",
/// "archived" or "tracking only" (the step in force is counted, never scored); nullopt for an
/// active goal.
std::optional<std::string> not_coached(const Chain& chain);

/// The suggestion for the goal today, from the verdict in `stats` and the rules in order:
/// first days, anchor, missed in a row, the 7-day rule, the 30-day rule, keep going. A goal
/// not coached (see not_coached) gets SuggestionKind::none.
Suggestion suggest(const Chain& chain, const GoalStats& stats, const CoachRules& rules);

}  // namespace microstep
