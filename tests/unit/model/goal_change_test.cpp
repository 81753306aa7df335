/// Tests of core/model/goal_change: set, shrink and grow change a goal forward only.
#include "core/model/goal_change.hpp"

#include <doctest/doctest.h>

#include <string>

#include "core/base/error.hpp"
#include "unit/builders.hpp"

namespace microstep {

using test::day;

namespace {

Goal novel() {
  Goal g;
  g.id = "write-novel";
  g.goal = "Write a novel";
  g.step = "Write one page";
  g.after = "I pour my morning coffee";
  g.schedule_text = "daily";
  g.schedule = *parse_schedule("daily");
  g.started = g.since = day("2026-10-01");
  g.minimum = 1;
  g.unit = "pages";
  return g;
}

StepChange step_to(const char* step) {
  StepChange c;
  c.step = step;
  return c;
}

/// The message of the Failure `apply` throws, and that it is a usage error; "" if none.
template <typename F>
std::string usage_failure(F apply) {
  try {
    apply();
  } catch (const Failure& f) {
    CHECK(f.code() == ExitCode::usage);
    return f.what();
  }
  return "";
}

}  // namespace

TEST_CASE("goal_change: a later change keeps the earlier version in history") {
  Goal before = novel();
  Goal after = apply_step_change(before, step_to("Write one sentence"), day("2026-11-01"));
  CHECK(after.step == "Write one sentence");
  CHECK(after.since == day("2026-11-01"));
  REQUIRE(after.history.size() == 1);
  CHECK(after.history[0] == before.current());  // from 10-01, one page
  // What the change did not name stays.
  CHECK(after.after == before.after);
  CHECK(after.schedule == before.schedule);
  CHECK(after.minimum == before.minimum);
  CHECK(after.started == before.started);
  CHECK(after.unit == "pages");
  // The past is judged by what was in force then.
  CHECK(after.version_on(day("2026-10-31")).step == "Write one page");
  CHECK(after.version_on(day("2026-11-01")).step == "Write one sentence");
}

TEST_CASE("goal_change: a change on the current version's own day replaces it") {
  Goal g = apply_step_change(novel(), step_to("Write one sentence"), day("2026-11-01"));
  Goal again = apply_step_change(g, step_to("Write one word"), day("2026-11-01"));
  CHECK(again.step == "Write one word");
  CHECK(again.history == g.history);  // still only the one-page version
  CHECK(again.version_on(day("2026-11-01")).step == "Write one word");
}

TEST_CASE("goal_change: three changes make a history oldest first") {
  Goal g = novel();
  g = apply_step_change(g, step_to("Write one paragraph"), day("2026-10-15"));
  g = apply_step_change(g, step_to("Write one sentence"), day("2026-11-01"));
  StepChange weekdays;
  weekdays.schedule_text = "weekdays";
  g = apply_step_change(g, weekdays, day("2026-11-09"));
  REQUIRE(g.history.size() == 3);
  CHECK(g.history[0].from == day("2026-10-01"));
  CHECK(g.history[1].from == day("2026-10-15"));
  CHECK(g.history[2].from == day("2026-11-01"));
  CHECK(g.history[2].step == "Write one sentence");
  CHECK(g.step == "Write one sentence");  // a schedule change keeps the step
  CHECK(g.version_on(day("2026-11-08")).schedule_text == "daily");
  CHECK(g.version_on(day("2026-11-09")).schedule_text == "weekdays");
}

TEST_CASE("goal_change: every field of a change is applied") {
  StepChange c;
  c.step = "Write two sentences";
  c.schedule_text = "3/week";
  c.minimum = 2;
  c.after = "I sit down at my desk";
  CHECK_FALSE(c.empty());
  CHECK(StepChange{}.empty());
  Goal g = apply_step_change(novel(), c, day("2026-11-01"));
  CHECK(g.step == "Write two sentences");
  CHECK(g.schedule_text == "3/week");
  CHECK(g.schedule == *parse_schedule("3/week"));
  CHECK(g.minimum == 2.0);
  CHECK(g.after == "I sit down at my desk");
  CHECK(g.history[0].minimum == 1.0);
  CHECK(g.history[0].after == "I pour my morning coffee");
}

TEST_CASE("goal_change: a day before the current version is refused") {
  Goal g = apply_step_change(novel(), step_to("Write one sentence"), day("2026-11-01"));
  std::string message = usage_failure([&] { apply_step_change(g, step_to("Write one word"), day("2026-10-31")); });
  CHECK(message.find("forward only") != std::string::npos);
  CHECK(message.find("2026-10-31") != std::string::npos);
  CHECK(message.find("2026-11-01") != std::string::npos);
  CHECK(message.find("write-novel") != std::string::npos);
}

TEST_CASE("goal_change: an invalid schedule is refused with the forms that are accepted") {
  StepChange c;
  c.schedule_text = "8/week";
  std::string message = usage_failure([&] { apply_step_change(novel(), c, day("2026-11-01")); });
  CHECK(message.find("'8/week'") != std::string::npos);
  for (const char* form : {"daily", "weekdays", "weekends", "mon,wed,fri", "N/week", "N/month", "weekly",
                           "monthly", "every N days"}) {
    CAPTURE(form);
    CHECK(message.find(form) != std::string::npos);
  }
}

}  // namespace microstep
