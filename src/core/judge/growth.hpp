#pragma once
/// Growing a step, and only by as much as the seeds allow: the 30-day rule ("don't consider
/// scaling up until you've maintained your micro-goal consistently for at least 30 days"),
/// the 10% rule ("increase by no more than 10% at a time") and the optional plus.
#include <optional>
#include <string>

#include "core/judge/chain.hpp"
#include "core/judge/coach_rules.hpp"
#include "core/judge/suggestion.hpp"

namespace microstep {

/// Is the 30-day rule met: at least grow_after_days on the step in force at grow_min_rate?
/// `why` receives the numbers either way.
bool ready_to_grow(const Chain& chain, const CoachThresholds& t, std::string& why);

/// The step and minimum after growing by at most 10%, or the optional plus.
Suggestion growth_proposal(const StepVersion& version, const CoachThresholds& t);

/// Why growing the step in force to `step` (nullopt: the proposal) with `minimum` breaks the
/// 30-day rule, the 10% rule or the ridiculous test; nullopt when it keeps them all. A text
/// of one's own must be the same step with its number grown by at most 10% (or the optional
/// plus, "Write 1-2 sentences").
std::optional<std::string> growth_refusal(const Chain& chain, const std::optional<std::string>& step,
                                          std::optional<double> minimum, const CoachRules& rules);

}  // namespace microstep
