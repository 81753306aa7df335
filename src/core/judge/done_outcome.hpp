#pragma once
/// What one `done` changed on its day: the day now counts, it counted already, or its amount
/// is still below the minimum of the version in force ("minimum: the minimum that counts").
#include <optional>

#include "core/judge/chain.hpp"

namespace microstep {

struct DoneOutcome {
  enum class Kind {
    counted,        ///< the day reached the minimum with this check-in
    already_done,   ///< the day had reached it before: the amount adds, the day counts once
    below_minimum,  ///< recorded, but the day's total is still below the minimum
  };
  Kind kind = Kind::counted;
  double amount = 0;               ///< the day's total after the check-in
  std::optional<double> minimum;   ///< the minimum in force that day
  double left = 0;                 ///< what the day still needs, when below the minimum
};

/// Judges the check-in on `day` from the goal's chain before it and after it.
DoneOutcome done_outcome(const Chain& before, const Chain& after, Day day);

}  // namespace microstep
