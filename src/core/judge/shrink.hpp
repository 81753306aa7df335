#pragma once
/// "Make it smaller": a concrete smaller step derived from the step's own text, small enough
/// to pass microstep's own ridiculous test.
#include <optional>
#include <string>
#include <vector>

#include "core/judge/coach_rules.hpp"
#include "core/judge/ridiculous_test.hpp"

namespace microstep {

struct ShrunkStep {
  std::string step;  ///< the smaller step; empty when nothing smaller was found
  /// The rules that made it, in order: "ladder", "distance", "count, then number"; or
  /// "nothing smaller".
  std::string rule;
  /// For the person: why this step is the smaller one (it names the idea, never a source), or
  /// an honest word that nothing smaller was found.
  std::string why;
  bool found() const { return !step.empty(); }
};

/// Shrinks the step by the first rule that changes it, in this order: the seeds' table of big
/// goals (skills), a place to go, a whole session, a whole job, a distance, a duration over
/// two minutes, a count over its handful, one of a big unit down its ladder, a number halved,
/// the step before the step. While the result still fails the ridiculous test, the next rule
/// shrinks it again. When no rule can (or the result never passes), nothing is found: the
/// person knows their own smaller step better than a guess.
ShrunkStep shrink_step(const std::string& step, const CoachRules& rules);

/// The ridiculous test's warnings for a new step, each offering the smaller step: "the step
/// may be too big: '5 km' is a distance; on a bad day a start is enough; try \"Run for 2
/// minutes\"" (add, set --step). Empty when the step passes.
std::vector<std::string> too_big_warnings(const std::string& step, std::optional<double> minutes,
                                          const CoachRules& rules);

}  // namespace microstep
