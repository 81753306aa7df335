/// Tests of core/judge/done_outcome: what one done changed on its day.
#include "core/judge/done_outcome.hpp"
#include "unit/builders.hpp"

#include <doctest/doctest.h>

namespace microstep {

using test::amounts_of;
using test::day;
using test::goal_with;

TEST_CASE("done outcome: counted, already done, or below the minimum") {
  Goal g = goal_with("2026-11-20");
  g.minimum = 10;
  auto judge = [&](const std::vector<std::pair<const char*, std::optional<double>>>& before,
                   const std::vector<std::pair<const char*, std::optional<double>>>& after) {
    DayMarks b = amounts_of(before, 10), a = amounts_of(after, 10);
    return done_outcome(Chain(g, b, day("2026-11-22"), 0), Chain(g, a, day("2026-11-22"), 0), day("2026-11-22"));
  };
  DoneOutcome three = judge({}, {{"2026-11-22", 3.0}});
  CHECK(three.kind == DoneOutcome::Kind::below_minimum);
  CHECK(three.amount == 3);
  CHECK(three.left == 7);
  DoneOutcome ten = judge({{"2026-11-22", 3.0}}, {{"2026-11-22", 3.0}, {"2026-11-22", 7.0}});
  CHECK(ten.kind == DoneOutcome::Kind::counted);
  CHECK(ten.amount == 10);
  DoneOutcome again = judge({{"2026-11-22", 10.0}}, {{"2026-11-22", 10.0}, {"2026-11-22", 2.0}});
  CHECK(again.kind == DoneOutcome::Kind::already_done);
  CHECK(again.amount == 12);
  // A done without an amount stands for the minimum.
  CHECK(judge({}, {{"2026-11-22", std::nullopt}}).kind == DoneOutcome::Kind::counted);
}

}  // namespace microstep
