#pragma once
/// "Make it smaller": a concrete smaller step derived from the step's own text.
#include <optional>
#include <string>
#include <vector>

#include "core/coach_rules.hpp"

namespace microstep {

struct ShrunkStep {
  std::string step;  ///< the smaller step
  std::string rule;  ///< which rule fired: replacement, ladder, two-minute rule, number, preparation
  std::string why;   ///< one sentence that explains it, citing the seed idea
};

/// Tries the rules in order: whole-session replacements, the unit ladders, the 2-minute rule,
/// halving a number, then the preparation step; the first that changes the text wins. When
/// nothing applies, the set-up of the step itself is proposed.
ShrunkStep shrink_step(const std::string& step, const CoachRules& rules);

/// Why the step is probably too big (the ridiculous test), or empty when it passes.
/// `minutes` is the goal's own estimate, when it has one. Without `count_numbers`, a large
/// number is not a reason (growing by the 10% rule judges the number).
std::vector<std::string> ridiculous_test(const std::string& step, std::optional<double> minutes,
                                         const CoachRules& rules, bool count_numbers = true);

}  // namespace microstep
