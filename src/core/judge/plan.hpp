#pragma once
/// A guided first step (seed 003's 7-day plan, day 1; seed 000's question "What would be the
/// smallest sign that things were moving in the right direction?"): from a big goal and the
/// person's smallest sign of progress to a micro-step that passes the ridiculous test.
#include <optional>
#include <string>

#include "core/judge/coach_rules.hpp"
#include "core/judge/shrink.hpp"

namespace microstep {

/// The micro-step to propose: the person's sign ("I run 5 km" read as "Run 5 km") when it
/// already passes the ridiculous test, else the sign made smaller until it does, else the big
/// goal made smaller; nullopt when nothing small comes from either (the person then gives
/// their own).
std::optional<ShrunkStep> propose_first_step(const std::string& sign, const std::string& goal, const CoachRules& rules);

}  // namespace microstep
