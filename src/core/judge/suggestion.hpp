#pragma once
/// What the coach proposes for one goal: make it smaller, change the anchor, grow, keep going,
/// or nothing (a goal paused, done or archived is not coached).
#include <optional>
#include <string>
#include <string_view>

namespace microstep {

enum class SuggestionKind { smaller, change_anchor, grow, keep, none };
std::string_view to_string(SuggestionKind kind);

struct Suggestion {
  SuggestionKind kind = SuggestionKind::keep;
  std::string rule;     ///< the rule that fired: "7-day rule", "30-day rule", ...
  std::string reason;   ///< one sentence with the numbers
  std::optional<std::string> step;     ///< the proposed step (smaller or grown); none found: nullopt
  std::optional<double> minimum;       ///< the proposed minimum, when it changes
  std::string shrink_rule;             ///< for smaller: which shrinking rules made the step, and why
  std::string shrink_why;              ///< for smaller: the why alone, for the person
  bool optional_plus = false;          ///< grow by "1-2": the minimum stays, more is welcome
  bool already_doing_more = false;     ///< logged amounts exceed the minimum on most days
};

}  // namespace microstep
