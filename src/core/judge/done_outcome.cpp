#include "core/judge/done_outcome.hpp"

namespace microstep {

DoneOutcome done_outcome(const Chain& before, const Chain& after, Day day) {
  DoneOutcome o;
  o.amount = after.marks().amount(day);
  o.minimum = after.version_on(day).minimum;
  if (is_done(before.state(day))) {
    o.kind = DoneOutcome::Kind::already_done;
  } else if (!is_done(after.state(day))) {
    o.kind = DoneOutcome::Kind::below_minimum;
    o.left = o.minimum ? std::max(0.0, *o.minimum - o.amount) : 0;
  }
  return o;
}

}  // namespace microstep
