#pragma once
/// Coaching: "make it smaller", "ready to grow" or "keep going", with the numbers that say why.
/// Every rule comes from the seeds; microstep-stats(7), COACHING, names which.
#include <optional>
#include <string>
#include <vector>

#include "core/coach_rules.hpp"
#include "core/shrink.hpp"
#include "core/stats.hpp"

namespace microstep {

enum class SuggestionKind { smaller, change_anchor, grow, keep };
std::string_view to_string(SuggestionKind kind);

struct Suggestion {
  SuggestionKind kind = SuggestionKind::keep;
  std::string rule;     ///< the rule that fired: "7-day rule", "30-day rule", ...
  std::string reason;   ///< one sentence with the numbers
  std::optional<std::string> step;     ///< the proposed step (smaller or grown)
  std::optional<double> minimum;       ///< the proposed minimum, when it changes
  std::string shrink_rule;             ///< for smaller: which shrinking rule made the step
  bool optional_plus = false;          ///< grow by "1-2": the minimum stays, more is welcome
  bool already_doing_more = false;     ///< logged amounts exceed the minimum on most days
};

/// The last `count` scheduled occurrences before today (and today, when done), newest first:
/// the days the 7-day rule looks at. Rest days and unscheduled days are passed over.
std::vector<Day> recent_occurrences(const Chain& chain, int count);

/// Weekdays (0 = Monday) on which misses cluster over the last 28 days, when they do.
std::vector<unsigned> clustered_miss_weekdays(const Chain& chain);

/// Is the 30-day rule met: at least grow_after_days on the current step at grow_min_rate?
/// `why` receives the numbers either way.
bool ready_to_grow(const Chain& chain, const CoachThresholds& t, std::string& why);

/// The step and minimum after growing by at most 10%, or the optional plus.
Suggestion growth_proposal(const Goal& goal, const CoachThresholds& t);

Suggestion suggest(const Chain& chain, const GoalStats& stats, const CoachRules& rules);

}  // namespace microstep
