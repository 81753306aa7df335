/// Tests of core/model/goal: the status names and the versions of a goal's step over time.
#include "core/model/goal.hpp"
#include "unit/builders.hpp"

#include <doctest/doctest.h>

#include <string>

namespace microstep {

using test::day;

namespace {

StepVersion version(const char* from, const char* step, const char* schedule) {
  StepVersion v;
  v.from = day(from);
  v.step = step;
  v.schedule_text = schedule;
  v.schedule = *parse_schedule(schedule);
  return v;
}

/// Started 2026-10-01 at "Write one page" daily; "Write one paragraph" from 10-15;
/// "Write one sentence" on weekdays since 11-01 (the current version).
Goal shrunk_twice() {
  Goal g;
  g.id = "write-novel";
  g.started = day("2026-10-01");
  g.history = {version("2026-10-01", "Write one page", "daily"),
               version("2026-10-15", "Write one paragraph", "daily")};
  g.since = day("2026-11-01");
  g.step = "Write one sentence";
  g.schedule_text = "weekdays";
  g.schedule = *parse_schedule("weekdays");
  g.after = "I pour my morning coffee";
  g.minimum = 1;
  return g;
}

}  // namespace

TEST_CASE("goal: the four statuses read back from their names") {
  for (GoalStatus s : {GoalStatus::active, GoalStatus::paused, GoalStatus::done, GoalStatus::archived}) {
    CAPTURE(to_string(s));
    CHECK(parse_goal_status(to_string(s)) == s);
  }
  CHECK(to_string(GoalStatus::active) == "active");
  CHECK(to_string(GoalStatus::archived) == "archived");
  for (const char* bad : {"", "Active", "finished", "paused "}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_goal_status(bad));
  }
}

TEST_CASE("goal: the current version carries the fields that can change") {
  Goal g = shrunk_twice();
  StepVersion now = g.current();
  CHECK(now.from == day("2026-11-01"));
  CHECK(now.step == "Write one sentence");
  CHECK(now.schedule_text == "weekdays");
  CHECK(now.schedule == *parse_schedule("weekdays"));
  CHECK(now.minimum == 1.0);
  CHECK(now.after == "I pour my morning coffee");
}

TEST_CASE("goal: the version in force on a day") {
  Goal g = shrunk_twice();
  CHECK(g.version_on(day("2026-10-01")).step == "Write one page");
  CHECK(g.version_on(day("2026-10-14")).step == "Write one page");
  CHECK(g.version_on(day("2026-10-15")).step == "Write one paragraph");
  CHECK(g.version_on(day("2026-10-31")).step == "Write one paragraph");
  CHECK(g.version_on(day("2026-11-01")) == g.current());
  CHECK(g.version_on(day("2027-05-01")) == g.current());
  // Days before the start get the first version.
  CHECK(g.version_on(day("2026-09-01")).step == "Write one page");
  SUBCASE("without history every day gets the current version") {
    Goal plain = shrunk_twice();
    plain.history.clear();
    CHECK(plain.version_on(day("2026-09-01")) == plain.current());
    CHECK(plain.version_on(day("2026-10-20")) == plain.current());
  }
}

TEST_CASE("goal: a done without an amount counts the minimum - or 1") {
  Goal g;
  CHECK(g.default_amount() == 1.0);
  g.minimum = 3;
  CHECK(g.default_amount() == 3.0);
  g.minimum = 0.5;
  CHECK(g.default_amount() == 0.5);
}

TEST_CASE("goal: a new goal is active and daily") {
  Goal g;
  CHECK(g.status == GoalStatus::active);
  CHECK(g.schedule_text == "daily");
  CHECK(g.schedule == *parse_schedule("daily"));
  CHECK(g.history.empty());
}

}  // namespace microstep
