#include "core/judge/plan.hpp"

#include "core/judge/ridiculous_test.hpp"

namespace microstep {

namespace {

/// "I run 5 km" -> "Run 5 km": a sign is often said as what the person would do; the step is
/// what to do.
std::string as_step(std::string sign) {
  for (std::string_view lead : {"I would ", "I'd ", "I will ", "I'll ", "I can ", "I could ", "I "}) {
    if (sign.size() > lead.size() && sign.compare(0, lead.size(), lead) == 0) {
      sign.erase(0, lead.size());
      break;
    }
  }
  if (!sign.empty() && sign[0] >= 'a' && sign[0] <= 'z') sign[0] = static_cast<char>(sign[0] - 'a' + 'A');
  return sign;
}

}  // namespace

std::optional<ShrunkStep> propose_first_step(const std::string& said, const std::string& goal, const CoachRules& rules) {
  const std::string sign = as_step(said);
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
