/// Tests of core/judge/reminders: when a goal may be reminded, and what remind remembers.
#include "core/judge/reminders.hpp"

#include <doctest/doctest.h>

#include "unit/builders.hpp"
#include "core/model/clock.hpp"
#include "core/base/error.hpp"

namespace microstep {

namespace {

using test::day;
using namespace std::chrono_literals;

Moment moment(const char* text) { return *parse_moment(text); }

Goal goal_at(const char* at) {
  Goal g = test::goal_with("2026-11-01");
  g.at = at;
  return g;
}

}  // namespace

TEST_CASE("reminders: a goal's own at:, else the journal's remind_from") {
  Settings settings;
  CHECK(reminder_time(goal_at("07:30"), settings) == 7h + 30min);
  CHECK(reminder_time(goal_at(""), settings) == 9h);
  settings.remind_from = 20h;
  CHECK(reminder_time(goal_at(""), settings) == 20h);
  CHECK_FALSE(reminder_due(goal_at(""), settings, moment("2026-11-02T19:59:00Z")));
  CHECK(reminder_due(goal_at(""), settings, moment("2026-11-02T20:00:00Z")));
  CHECK_THROWS_WITH(reminder_time(goal_at("7.30"), settings), "goals/g.yaml: at '7.30' is not HH:MM");
  SUBCASE("in a journal day that starts at 04:00, 01:30 is late in the day before") {
    settings.day_starts_at = 4h;
    CHECK(reminder_due(goal_at(""), settings, moment("2026-11-03T01:30:00Z")));
    CHECK_FALSE(reminder_due(goal_at(""), settings, moment("2026-11-03T05:00:00Z")));
  }
}

TEST_CASE("reminders: the state lives under an absolute XDG_STATE_HOME or HOME, never a relative path") {
  CHECK(state_home("/x/state", "/home/me") == std::filesystem::path("/x/state"));
  CHECK(state_home(nullptr, "/home/me") == std::filesystem::path("/home/me/.local/state"));
  CHECK(state_home("", "/home/me") == std::filesystem::path("/home/me/.local/state"));
  CHECK(state_home("state", "/home/me") == std::filesystem::path("/home/me/.local/state"));
  CHECK_FALSE(state_home("state", "home"));
  CHECK_FALSE(state_home(nullptr, nullptr));
  CHECK_FALSE(state_home("", ""));
}

TEST_CASE("reminders: what was said reads back, and a line that does not read is left out") {
  std::vector<SaidReminder> said{{day("2026-11-02"), "write", moment("2026-11-02T07:30:00+01:00")},
                                 {day("2026-11-02"), "floss", moment("2026-11-02T09:00:00Z")}};
  std::string text = render_said(said);
  CHECK(text == "2026-11-02\twrite\t2026-11-02T07:30:00+01:00\n2026-11-02\tfloss\t2026-11-02T09:00:00+00:00\n");
  CHECK(parse_said(text) == said);
  CHECK(parse_said("garbage\n2026-11-02\t\t2026-11-02T09:00:00Z\n" + text + "2026-13-01\tx\tnow") == said);
}

TEST_CASE("reminders: once a day, or again after a while") {
  const Day today = day("2026-11-02");
  std::vector<SaidReminder> said{{today, "write", moment("2026-11-02T07:30:00Z")},
                                 {day("2026-11-01"), "floss", moment("2026-11-01T09:00:00Z")}};
  CHECK_FALSE(may_remind(said, "write", today, moment("2026-11-02T22:00:00Z"), std::nullopt));
  CHECK(may_remind(said, "floss", today, moment("2026-11-02T09:00:00Z"), std::nullopt));  // said yesterday
  CHECK(may_remind(said, "run", today, moment("2026-11-02T09:00:00Z"), std::nullopt));
  CHECK_FALSE(may_remind(said, "write", today, moment("2026-11-02T09:29:00Z"), 2h));
  CHECK(may_remind(said, "write", today, moment("2026-11-02T09:30:00Z"), 2h));
  // What is kept: today's, and what was said now.
  CHECK(said_after(said, {"floss"}, today, moment("2026-11-02T09:30:00Z")) ==
        std::vector<SaidReminder>{{today, "write", moment("2026-11-02T07:30:00Z")},
                                  {today, "floss", moment("2026-11-02T09:30:00Z")}});
}

}  // namespace microstep
