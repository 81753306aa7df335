/// Tests of core/chain: the state of each day of one goal, judged by the version in force.
#include "core/chain.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace microstep {

namespace {

Day day(const char* text) { return *parse_iso_day(text); }

Goal goal_with(const char* started, const char* schedule) {
  Goal g;
  g.id = "g";
  g.step = "Write one sentence";
  g.schedule_text = schedule;
  g.schedule = *parse_schedule(schedule);
  g.started = g.since = day(started);
  return g;
}

DayMarks marks_of(const std::vector<std::pair<const char*, EventKind>>& events) {
  CheckinCollector c;
  for (const auto& [on, kind] : events) {
    EventView e;
    e.day = day(on);
    e.written = Moment{date::sys_seconds{e.day} + std::chrono::hours{9}, {}};
    e.kind = kind;
    e.goal = "g";
    c.add(e);
  }
  return DayMarks(std::move(c), 1);
}

/// One letter per day from `from` to `to`: X done, x done unscheduled, - rest, . missed,
/// o open, ' ' unscheduled, _ before the start or after today.
std::string states(const Chain& chain, const char* from, const char* to) {
  std::string out;
  for (Day d = day(from); d <= day(to); d += date::days{1}) {
    switch (chain.state(d)) {
      case DayState::before_start: out += '_'; break;
      case DayState::unscheduled: out += ' '; break;
      case DayState::done: out += 'X'; break;
      case DayState::done_unscheduled: out += 'x'; break;
      case DayState::rest: out += '-'; break;
      case DayState::missed: out += '.'; break;
      case DayState::open: out += 'o'; break;
    }
  }
  return out;
}

constexpr auto done = EventKind::done, skip = EventKind::skip;

}  // namespace

TEST_CASE("chain: a daily goal - done, missed, skipped, open today, nothing before the start or after today") {
  Goal g = goal_with("2026-11-02", "daily");
  DayMarks m = marks_of({{"2026-11-02", done}, {"2026-11-03", done}, {"2026-11-05", skip}, {"2026-11-06", done}});
  Chain chain(g, m, day("2026-11-08"), 0);
  //                                    1     2 3 4 5 6 7 8 9
  CHECK(states(chain, "2026-11-01", "2026-11-09") == "_XX.-X.o_");
}

TEST_CASE("chain: a day list - a done on an unscheduled day is marked as such") {
  Goal g = goal_with("2026-11-02", "mon,wed,fri");  // 2026-11-02 is a Monday
  DayMarks m = marks_of({{"2026-11-02", done}, {"2026-11-03", done}, {"2026-11-06", done}});
  Chain chain(g, m, day("2026-11-09"), 0);
  CHECK(states(chain, "2026-11-02", "2026-11-09") == "Xx. X  o");
  CHECK(chain.scheduled(day("2026-11-04")));
  CHECK_FALSE(chain.scheduled(day("2026-11-05")));
}

TEST_CASE("chain: a 2/week goal - periods met or not - the current one open while unmet") {
  Goal g = goal_with("2026-11-02", "2/week");
  // Week 1 (11-02..08): two dones, met. Week 2 (11-09..15): one done, not met: its empty
  // days are missed. Week 3 (11-16..22), today 11-18: nothing yet, today is open.
  DayMarks m = marks_of({{"2026-11-03", done}, {"2026-11-05", done}, {"2026-11-10", done}});
  Chain chain(g, m, day("2026-11-18"), 0);
  REQUIRE(chain.periods().size() == 3);
  CHECK(chain.periods()[0].met());
  CHECK_FALSE(chain.periods()[1].met());
  CHECK(chain.periods()[1].done == 1);
  CHECK(chain.periods()[2].current);
  CHECK(states(chain, "2026-11-02", "2026-11-08") == " X X   ");
  CHECK(states(chain, "2026-11-09", "2026-11-15") == ".X.....");
  CHECK(states(chain, "2026-11-16", "2026-11-18") == "  o");
}

TEST_CASE("chain: quota periods follow week_starts - skip days lower what a period needs") {
  Goal g = goal_with("2026-11-01", "3/week");  // a Sunday
  DayMarks m = marks_of({{"2026-11-02", skip}, {"2026-11-03", done}, {"2026-11-04", done}});
  // Weeks from Sunday: 11-01..07 needs 3 - 1 skip = 2, and has 2 dones: met.
  Chain sunday(g, m, day("2026-11-10"), 6);
  REQUIRE_FALSE(sunday.periods().empty());
  CHECK(sunday.periods()[0].first == day("2026-11-01"));
  CHECK(sunday.periods()[0].needed == 2);
  CHECK(sunday.periods()[0].met());
  // Weeks from Monday: the first period is the week 10-26..11-01, holding the start alone:
  // one day available, so it needs one, and 11-01 had nothing: not met.
  Chain monday(g, m, day("2026-11-10"), 0);
  CHECK(monday.periods()[0].first == day("2026-10-26"));
  CHECK(monday.periods()[0].needed == 1);
  CHECK_FALSE(monday.periods()[0].met());
}

TEST_CASE("chain: every past day is judged by the version in force that day") {
  // Daily until 11-08, then weekdays from 11-09 (a Monday).
  Goal g = goal_with("2026-11-02", "weekdays");
  StepVersion first;
  first.from = day("2026-11-02");
  first.step = "Write one sentence";
  first.schedule_text = "daily";
  first.schedule = *parse_schedule("daily");
  g.history = {first};
  g.since = day("2026-11-09");
  DayMarks m = marks_of({});
  Chain chain(g, m, day("2026-11-16"), 0);
  // The weekend of 11-07/08 was asked for (daily), the one of 11-14/15 was not (weekdays).
  CHECK(states(chain, "2026-11-07", "2026-11-08") == "..");
  CHECK(states(chain, "2026-11-14", "2026-11-16") == "  o");
  CHECK(chain.version_on(day("2026-11-08")).schedule_text == "daily");
  CHECK(chain.version_on(day("2026-11-09")).schedule_text == "weekdays");
  REQUIRE(chain.versions().size() == 2);
  CHECK(chain.versions().back().schedule_text == "weekdays");
}

TEST_CASE("chain: a goal started today has one open day - one starting later has none") {
  Goal g = goal_with("2026-11-20", "daily");
  DayMarks m = marks_of({});
  CHECK(states(Chain(g, m, day("2026-11-20"), 0), "2026-11-19", "2026-11-21") == "_o_");
  CHECK(states(Chain(g, m, day("2026-11-19"), 0), "2026-11-18", "2026-11-21") == "____");
}

}  // namespace microstep
