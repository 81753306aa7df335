#include "core/plan.hpp"

#include "core/ridiculous_test.hpp"

namespace microstep {

std::optional<ShrunkStep> propose_first_step(const std::string& sign, const std::string& goal, const CoachRules& rules) {
  if (!sign.empty()) {
    if (ridiculous_test(sign, std::nullopt, rules).empty())
      return ShrunkStep{sign, "your own words", "It is already small enough for a bad day."};
    if (ShrunkStep smaller = shrink_step(sign, rules); smaller.found()) return smaller;
  }
  if (!goal.empty())
    if (ShrunkStep smaller = shrink_step(goal, rules); smaller.found()) return smaller;
  return std::nullopt;
}

}  // namespace microstep
