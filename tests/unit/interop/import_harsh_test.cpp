/// Tests of core/interop/import_harsh: harsh's habits and log files into an import plan.
#include "core/interop/import_harsh.hpp"

#include <doctest/doctest.h>

#include <string>

#include "core/base/error.hpp"
#include "unit/builders.hpp"
#include "unit/interop/import_plans.hpp"

namespace microstep {

using test::day;
using test::events_of;
using test::find_goal;
using test::fixture;
using test::mentions;

TEST_CASE("harsh frequencies map to schedules, exactly where harsh's README says so") {
  struct Case {
    const char* text;
    const char* schedule;
    bool exact;
  };
  for (Case c : {Case{"1", "daily", true}, Case{"7", "1 in 7 days", true}, Case{"1w", "1 in 7 days", true},
                 Case{"3/7", "3 in 7 days", true}, Case{"3/1w", "3 in 7 days", true},
                 Case{"2/30", "2 in 30 days", true}, Case{"1/31", "1 in 31 days", true}, Case{"7/7", "daily", true},
                 Case{"1/1", "daily", true}, Case{"30", "1 in 30 days", true}, Case{" 5/7 ", "5 in 7 days", true},
                 Case{"3", "1 in 3 days", true}, Case{"14", "1 in 14 days", true}, Case{"2w", "1 in 14 days", true},
                 Case{"2/10", "2 in 10 days", true}, Case{"2/3", "2 in 3 days", true},
                 Case{"13/14", "13 in 14 days", true}, Case{"29/30", "29 in 30 days", true},
                 Case{"52w", "1 in 364 days", true},
                 // Tracking only: counted, never scored.
                 Case{"0", "tracking", true}, Case{"0/7", "tracking", true},
                 // A window over a year: the same share of 365 days.
                 Case{"1000", "1 in 365 days", false}, Case{"2/400", "2 in 365 days", false}}) {
    CAPTURE(c.text);
    auto m = map_harsh_frequency(c.text);
    REQUIRE(m);
    CHECK(to_string(m->schedule) == c.schedule);
    CHECK(m->exact == c.exact);
    CHECK_FALSE(m->meaning.empty());
  }
  for (const char* bad : {"", "x", "daily", "3/0", "8/7", "1/2/3", "-1", "3/x", "w", "1.5"}) {
    CAPTURE(bad);
    CHECK_FALSE(map_harsh_frequency(bad));
  }
}

TEST_CASE("harsh: habits become goals with slug ids, names as steps and the first entry as start") {
  std::string habits =
      "# comment\n"
      "! Dailies\n"
      "Meditated: 1\n"
      "Gymmed: 3/7\n"
      "Watered plants: 3\n"
      "Called Mom: 1w\n";
  std::string log =
      "2026-11-03 : Meditated : y\n"
      "2026-11-01 : Gymmed : y : Leg day : 0\n"
      "2026-11-02 : Meditated : y : ten minutes : 10\n";
  ImportPlan plan = import_harsh_text(habits, log, day("2026-11-10"));
  REQUIRE(plan.goals.size() == 4);
  CHECK(plan.goals[0].id == "meditated");
  CHECK(plan.goals[0].step == "Meditated");
  CHECK(plan.goals[0].schedule_text == "daily");
  CHECK(plan.goals[0].started == day("2026-11-02"));
  CHECK(plan.goals[0].since == day("2026-11-02"));
  CHECK(plan.goals[1].id == "gymmed");
  CHECK(plan.goals[1].schedule_text == "3 in 7 days");
  CHECK(plan.goals[2].id == "watered-plants");
  CHECK(plan.goals[2].schedule_text == "1 in 3 days");
  CHECK(plan.goals[3].id == "called-mom");
  CHECK(plan.goals[3].schedule_text == "1 in 7 days");
  CHECK(plan.goals[3].started == day("2026-11-10"));  // no entry yet: today
  CHECK(plan.approximations.empty());  // harsh's windows roll, and so do these
  CHECK(mentions(plan.not_carried, "habits:2: the heading 'Dailies'"));
}

TEST_CASE("harsh: y is a done, s a skip, n nothing - comments are notes, amounts amounts") {
  std::string habits = "Run: 1\n";
  std::string log =
      "2026-11-01 : Run : y\n"
      "2026-11-02 : Run : y : 5k, felt great : 5.2\n"
      "2026-11-03 : Run : s : Rain : 0\n"
      "2026-11-04 : Run : n : Too tired : 0\n"
      "2026-11-05 : Run : n\n"
      "2026-11-06 : Run : y :  : 0\n"
      "2026-11-07 : Run : y : with a colon: inside : 3\n";
  ImportPlan plan = import_harsh_text(habits, log, day("2026-11-10"));
  auto events = events_of(plan, "run");
  REQUIRE(events.size() == 5);
  CHECK(events[0].day == day("2026-11-01"));
  CHECK(events[0].kind == EventKind::done);
  CHECK_FALSE(events[0].amount);
  CHECK(events[0].note.empty());
  CHECK(events[1].amount == 5.2);
  CHECK(events[1].note == "5k, felt great");
  CHECK(events[2].kind == EventKind::skip);
  CHECK(events[2].note == "Rain");
  CHECK_FALSE(events[2].amount);
  CHECK(events[3].day == day("2026-11-06"));
  CHECK_FALSE(events[3].amount);  // harsh writes 0 for "no amount"
  CHECK(events[4].note == "with a colon: inside");
  CHECK(events[4].amount == 3);
  for (const auto& e : events) CHECK(e.written == import_moment(e.day));
  // The comment of a missed day has nowhere to go: listed, not dropped silently.
  CHECK(mentions(plan.not_carried, "log:4: the comment 'Too tired' on a missed day (n) of Run"));
}

TEST_CASE("harsh: what cannot carry over is listed with its file and line") {
  std::string habits =
      "Run: 1\n"
      "Run: 7\n"
      "Broken line\n"
      "Weird: 3/x\n"
      "Old: 1: 2026-06-15\n";
  std::string log =
      "2026-11-01 : Run : y\n"
      "not a log line\n"
      "2026-13-01 : Run : y\n"
      "2026-11-02 : Run : maybe\n"
      "2026-11-02 : Yoga : y\n"
      "2026-11-03 : Yoga : y\n"
      "2026-11-04 : Run : y : note : -2\n"
      "2026-11-05 : Run : y : a : 1 : extra\n"
      "2026-11-01 : Run : s : changed : 0\n"
      "# a comment line\n";
  ImportPlan plan = import_harsh_text(habits, log, day("2026-11-10"));
  REQUIRE(plan.goals.size() == 2);
  CHECK(plan.goals[1].id == "old");
  CHECK(plan.goals[1].status == GoalStatus::archived);
  CHECK(mentions(plan.not_carried, "habits:2: a second habit named 'Run'"));
  CHECK(mentions(plan.not_carried, "habits:3: 'Broken line' is not a habit line"));
  CHECK(mentions(plan.not_carried, "habits:4: Weird: the frequency '3/x'"));
  CHECK(mentions(plan.not_carried, "habits:5: Old: the end date 2026-06-15 is not kept"));
  CHECK(mentions(plan.not_carried, "log:2: 'not a log line' is not a harsh log line"));
  CHECK(mentions(plan.not_carried, "log:3: '2026-13-01' is not a date"));
  CHECK(mentions(plan.not_carried, "log:4: the outcome 'maybe'"));
  CHECK(mentions(plan.not_carried, "log:5: 2 entries for 'Yoga', which is not in habits"));
  CHECK(mentions(plan.not_carried, "log:7: the amount '-2' of Run"));
  CHECK(mentions(plan.not_carried, "log:8: "));
  CHECK(mentions(plan.not_carried, "log:1: Run on 2026-11-01 is replaced by log:9"));
  auto events = events_of(plan, "run");
  REQUIRE(events.size() == 2);
  CHECK(events[0].kind == EventKind::skip);  // the last line of the day wins, as in harsh
  CHECK(events[0].note == "changed");
  CHECK(events[1].day == day("2026-11-04"));
  CHECK_FALSE(events[1].amount);
  // Messages are in file order, then line order.
  CHECK(plan.not_carried.front().starts_with("habits:"));
  CHECK(plan.not_carried.back().starts_with("log:"));
}

TEST_CASE("harsh: CRLF files and habit names that slug to the same id") {
  ImportPlan plan = import_harsh_text("Read!: 1\r\nread: 1\r\n", "2026-11-01 : Read! : y\r\n", day("2026-11-10"));
  REQUIRE(plan.goals.size() == 2);
  CHECK(plan.goals[0].id == "read");
  CHECK(plan.goals[1].id == "read-2");
  REQUIRE(plan.events.size() == 1);
  CHECK(plan.events[0].goal == "read");
}

TEST_CASE("harsh: the fixture files, read from their directory") {
  ImportPlan plan = import_harsh(fixture("harsh"), day("2026-11-10"));
  REQUIRE(plan.goals.size() == 8);
  CHECK(plan.events.size() == 19);
  const Goal* meditated = find_goal(plan, "meditated");
  REQUIRE(meditated);
  CHECK(meditated->started == day("2026-11-01"));
  CHECK(events_of(plan, "meditated").size() == 8);  // 7 done, 1 skip
  const Goal* coffee = find_goal(plan, "coffee");
  REQUIRE(coffee);
  CHECK(coffee->schedule_text == "tracking");
  CHECK(coffee->schedule == tracking_schedule());
  CHECK(find_goal(plan, "ran")->schedule_text == "2 in 10 days");
  CHECK(plan.approximations.empty());
  CHECK(mentions(plan.not_carried, "'Yoga'"));
  CHECK_THROWS_AS(import_harsh(fixture("no-such-dir"), day("2026-11-10")), Failure);
  CHECK_THROWS_AS(import_harsh(fixture("loop"), day("2026-11-10")), Failure);  // no habits file
}

}  // namespace microstep
