#pragma once
/// The ridiculous test (seed 003: "if it doesn't feel almost silly, make it smaller"): why a
/// step is probably still too big for a bad day.
#include <optional>
#include <string>
#include <vector>

#include "core/judge/coach_rules.hpp"

namespace microstep {

/// Why the step is probably too big, or empty when it passes: more than 2 minutes by the
/// goal's own estimate (`minutes`) or by a duration in its text, a distance, a count over a
/// handful, an open-ended skill, a place to go, a whole session or a whole job with no time
/// to it, or vague wording. Without `count_numbers` the numbers in the text (counts,
/// durations, distances) are left to the 10% rule, as `grow` needs.
std::vector<std::string> ridiculous_test(const std::string& step, std::optional<double> minutes,
                                         const CoachRules& rules, bool count_numbers = true);

}  // namespace microstep
