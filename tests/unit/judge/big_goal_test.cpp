/// Tests of core/judge/big_goal: goals grouped by their big goal, and the big goal's own numbers.
#include "core/judge/big_goal.hpp"
#include "unit/builders.hpp"

#include <doctest/doctest.h>

namespace microstep {

using test::day;
using test::goal_with;
using test::marks_of;

TEST_CASE("big goal: goals grouped by their goal: text, the goals without one last") {
  Goal a = goal_with("2026-11-16"), b = goal_with("2026-11-16"), c = goal_with("2026-11-16"), d = goal_with("2026-11-16");
  a.goal = "Write a novel";
  b.goal = "";
  c.goal = "Get fit";
  d.goal = "Write a novel";
  auto groups = group_by_goal({&a, &b, &c, &d});
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].text == "Write a novel");
  CHECK(groups[0].members == std::vector<size_t>{0, 3});
  CHECK(groups[1].text == "Get fit");
  CHECK(groups[2].text.empty());
  CHECK(groups[2].members == std::vector<size_t>{1});
}

TEST_CASE("big goal: a day moved it when one of its steps was done") {
  Goal open = goal_with("2026-11-16"), write = goal_with("2026-11-16", "mon,wed,fri");
  DayMarks o = marks_of({{"2026-11-16", EventKind::done}, {"2026-11-18", EventKind::done}, {"2026-11-19", EventKind::skip},
                         {"2026-11-20", EventKind::done}});
  DayMarks w = marks_of({{"2026-11-17", EventKind::done}, {"2026-11-20", EventKind::done}});
  SUBCASE("on the 21st, nothing yet today") {
    Chain co(open, o, day("2026-11-21"), 0), cw(write, w, day("2026-11-21"), 0);
    BigGoalStats s = judge_big_goal({&co, &cw});
    // 16 moved, 17 moved (write, not asked: still done), 18 moved, 19 open skipped and write
    // not asked: neither, 20 moved; 21 open: neither.
    CHECK(s.moved_days == 4);
    CHECK(*s.rate_7 == 1);
    CHECK(s.current_run == 4);
    CHECK_FALSE(s.moved_today);
  }
  SUBCASE("a day that asked and did not move ends the run") {
    Chain co(open, o, day("2026-11-23"), 0), cw(write, w, day("2026-11-23"), 0);
    BigGoalStats s = judge_big_goal({&co, &cw});
    // The 21st and 22nd: open missed, write not asked: asked, not moved. The last 7 days
    // (17th to 23rd): moved on the 17th, 18th and 20th, asked on the 21st and 22nd: 3 of 5.
    CHECK(s.current_run == 0);
    CHECK(*s.rate_7 == doctest::Approx(3.0 / 5));
  }
}

}  // namespace microstep
