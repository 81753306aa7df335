/// Tests of core/judge/verdict: the 7-day rule over days, and over a quota's periods.
#include "core/judge/verdict.hpp"
#include "unit/builders.hpp"

#include <doctest/doctest.h>

namespace microstep {

using test::day;
using test::done_except;
using test::goal_with;
using test::marks_of;

TEST_CASE("verdict: the last 7 judged days of a day schedule") {
  Goal g = goal_with("2026-11-01");
  CoachThresholds t;
  SUBCASE("5 of 7: on track") {
    auto m = done_except("2026-11-01", "2026-11-21", {"2026-11-16", "2026-11-19"});
    Verdict v = seven_day_rule(Chain(g, m, day("2026-11-21"), 0), t);
    CHECK(v.kept == 5);
    CHECK(v.judged == 7);
    CHECK(v.on_track == true);
    CHECK(verdict_text(v) == "on track: 5 of the last 7 scheduled days done");
    CHECK(verdict_name(v) == "on_track");
  }
  SUBCASE("4 of 7: below; an open today is not judged, a done today is") {
    auto m = done_except("2026-11-01", "2026-11-21", {"2026-11-16", "2026-11-18", "2026-11-20"});
    Verdict open = seven_day_rule(Chain(g, m, day("2026-11-22"), 0), t);  // the 22nd open
    CHECK(open.kept == 4);
    CHECK(open.on_track == false);
    CHECK(verdict_text(open) == "below 5 of 7: 4 of the last 7 scheduled days done");
    auto done_today = done_except("2026-11-01", "2026-11-22", {"2026-11-16", "2026-11-18", "2026-11-20"});
    CHECK(seven_day_rule(Chain(g, done_today, day("2026-11-22"), 0), t).kept == 4);  // 16..22: 4 of 7
  }
  SUBCASE("rest days are passed over") {
    auto m = marks_of({{"2026-11-01", EventKind::done}, {"2026-11-02", EventKind::skip}, {"2026-11-03", EventKind::done}});
    Verdict v = seven_day_rule(Chain(g, m, day("2026-11-03"), 0), t);
    CHECK(v.judged == 2);
    CHECK_FALSE(v.on_track);
    CHECK(verdict_text(v) == "too early to judge: 2 of 2 scheduled days done so far");
    CHECK(verdict_name(v) == "too_early");
  }
}

TEST_CASE("verdict: the step in force is judged on its own days") {
  // "Write one chapter" missed for a week, then shrunk to "Write one page" from the 15th:
  // done on the 15th and 16th. The page is judged on its two days, not on the chapter's misses.
  Goal g = test::goal_changed_on("2026-11-01", "daily", "2026-11-15", "daily");
  g.history[0].step = "Write one chapter";
  g.step = "Write one page";
  auto m = done_except("2026-11-01", "2026-11-16",
                       {"2026-11-08", "2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13", "2026-11-14"});
  Verdict v = seven_day_rule(Chain(g, m, day("2026-11-16"), 0), CoachThresholds{});
  CHECK(v.judged == 2);
  CHECK(v.kept == 2);
  CHECK_FALSE(v.on_track);
  CHECK(verdict_text(v) == "too early to judge: 2 of 2 scheduled days done so far");
}

TEST_CASE("verdict: a quota goal by its last 4 periods") {
  Goal g = goal_with("2026-11-02", "3/week");
  CoachThresholds t;
  // Weeks of 3, 2, 4 and 3 done days; today Monday the 30th, nothing yet.
  std::vector<std::pair<const char*, EventKind>> dones;
  for (const char* d : {"2026-11-02", "2026-11-03", "2026-11-04", "2026-11-09", "2026-11-10", "2026-11-16",
                        "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-23", "2026-11-24", "2026-11-25"})
    dones.push_back({d, EventKind::done});
  Verdict v = seven_day_rule(Chain(g, marks_of(dones), day("2026-11-30"), 0), t);
  CHECK(v.unit == ChainUnit::week);
  CHECK(v.kept == 3);
  CHECK(v.judged == 4);
  CHECK(v.on_track == true);
  CHECK(verdict_text(v) == "on track: 3/week met in 3 of the last 4 weeks");
  Verdict early = seven_day_rule(Chain(g, marks_of(dones), day("2026-11-20"), 0), t);
  // On the 20th: the first week met, the second not, the third met already (so judged).
  CHECK(verdict_text(early) == "too early to judge: 3/week met in 2 of 3 weeks so far");
}

}  // namespace microstep
