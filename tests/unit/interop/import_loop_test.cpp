/// Tests of core/interop/import_loop: Loop Habit Tracker's CSV export into an import plan.
#include "core/interop/import_loop.hpp"

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

namespace {

const char* kHabits2 =
    "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,"
    "Target Type,Target Value,Archived?\n"
    "001,Meditate,YES_NO,Did you meditate?,A calm mind,1,1,#FF8F00,,,,false\n"
    "002,Wake up early,YES_NO,,,2,3,#00897B,,,,false\n"
    "003,Water,NUMERICAL,,,1,1,#039BE5,glasses,AT_LEAST,8.0,false\n"
    "004,Old,YES_NO,,,1,7,#039BE5,,,,true\n"
    "005,Sugar,NUMERICAL,,,1,1,#039BE5,spoons,AT_MOST,2.0,false\n";

}  // namespace

TEST_CASE("loop: the folder name of a habit, as Loop's exporter writes it") {
  CHECK(loop_habit_folder(1, "Meditate") == "001 Meditate");
  CHECK(loop_habit_folder(12, "Wake up early!") == "012 Wake up early");
  CHECK(loop_habit_folder(3, "Café, au lait") == "003 Caf au lait");
  CHECK(loop_habit_folder(4, "日本") == "004");
  CHECK(loop_habit_folder(5, std::string(150, 'a')).size() == 4 + 100);
}

TEST_CASE("loop 2.x: habits, schedules, notes, amounts and what cannot carry over") {
  LoopFiles files;
  files.habits = kHabits2;
  files.habit_checkmarks["001 Meditate"] =
      "Date,Value,Notes\n"
      "2026-11-10,YES_MANUAL,\n"
      "2026-11-09,YES_MANUAL,\"Ten minutes, eyes closed\"\n"
      "2026-11-08,SKIP,Travelling\n"
      "2026-11-07,YES_AUTO,\n"
      "2026-11-06,NO,Overslept\n"
      "2026-11-05,UNKNOWN,\n"
      "2026-11-04,YES_MANUAL,\n"
      "2026-11-03,MAYBE,\n";
  files.habit_checkmarks["003 Water"] =
      "Date,Value,Notes\n"
      "2026-11-10,8000,\n"
      "2026-11-09,2500,Hot day\n"
      "2026-11-08,NO,\n";
  files.checkmarks =
      "Date,Meditate,Wake up early,Water,Old,Sugar,\n"
      "2026-11-10,YES_MANUAL,YES_MANUAL,8000,UNKNOWN,UNKNOWN,\n"
      "2026-11-09,YES_MANUAL,YES_AUTO,2500,YES_MANUAL,UNKNOWN,\n"
      "2026-11-08,SKIP,SKIP,NO,UNKNOWN,UNKNOWN,\n"
      "2026-11-07,YES_AUTO,YES_MANUAL,UNKNOWN,UNKNOWN,UNKNOWN,\n";
  ImportPlan plan = import_loop_files(files, day("2026-11-20"));
  REQUIRE(plan.goals.size() == 5);

  const Goal& meditate = plan.goals[0];
  CHECK(meditate.id == "meditate");
  CHECK(meditate.step == "Meditate");
  CHECK(meditate.goal == "A calm mind");
  CHECK(meditate.schedule_text == "daily");
  CHECK(meditate.started == day("2026-11-04"));
  auto m = events_of(plan, "meditate");
  REQUIRE(m.size() == 4);  // YES_AUTO, NO and UNKNOWN are not check-ins
  CHECK(m[0].day == day("2026-11-04"));
  CHECK(m[1].kind == EventKind::skip);
  CHECK(m[1].note == "Travelling");
  CHECK(m[2].note == "Ten minutes, eyes closed");
  CHECK(m[3].day == day("2026-11-10"));
  CHECK(m[3].written == import_moment(day("2026-11-10")));

  // No folder: the column of the combined Checkmarks.csv.
  const Goal* wake = find_goal(plan, "wake-up-early");
  REQUIRE(wake);
  CHECK(wake->schedule_text == "2 in 3 days");
  CHECK(wake->started == day("2026-11-07"));
  CHECK(events_of(plan, "wake-up-early").size() == 3);

  const Goal* water = find_goal(plan, "water");
  REQUIRE(water);
  CHECK(water->unit == "glasses");
  CHECK(water->minimum == 8);
  CHECK(water->started == day("2026-11-08"));  // an explicit NO counts as a known day
  auto w = events_of(plan, "water");
  REQUIRE(w.size() == 2);
  CHECK(w[0].amount == 2.5);  // stored times 1000 by Loop
  CHECK(w[0].note == "Hot day");
  CHECK(w[1].amount == 8);

  const Goal* old = find_goal(plan, "old");
  REQUIRE(old);
  CHECK(old->status == GoalStatus::archived);
  CHECK(old->schedule_text == "1 in 7 days");

  const Goal* sugar = find_goal(plan, "sugar");
  REQUIRE(sugar);
  CHECK(sugar->started == day("2026-11-20"));  // nothing checked yet: today
  CHECK_FALSE(sugar->minimum);

  // Loop's windows roll, and so do microstep's K in N days: no approximation.
  CHECK_FALSE(mentions(plan.approximations, "Wake up early"));
  CHECK(mentions(plan.approximations, "Habits.csv:4: Water: 1 day below the daily target of 8"));
  CHECK(mentions(plan.not_carried, "Habits.csv: habit colors"));
  CHECK(mentions(plan.not_carried, "Habits.csv:2: Meditate: the question 'Did you meditate?'"));
  CHECK(mentions(plan.not_carried, "Habits.csv:6: Sugar: the upper limit (at most 2 spoons)"));
  CHECK(mentions(plan.not_carried, "001 Meditate/Checkmarks.csv:6: the note 'Overslept'"));
  CHECK(mentions(plan.not_carried, "001 Meditate/Checkmarks.csv:9: the value 'MAYBE'"));
}

TEST_CASE("loop 1.x: NumRepetitions and Interval, numeric check-marks, files without a header") {
  LoopFiles files;
  files.habits =
      "Position,Name,Question,Description,NumRepetitions,Interval,Color\n"
      "001,Floss,Did you floss?,,1,1,#FF8F00\n"
      "002,Read,,,3,7,#00897B\n"
      "003,Call mom,,,1,30,#00897B\n";
  files.habit_checkmarks["001 Floss"] =
      "2026-11-03,2\n"
      "2026-11-02,0\n"
      "2026-11-01,3\n";
  files.checkmarks =
      "Date,Floss,Read,Call mom,\n"
      "2026-11-03,2,2,-1,\n"
      "2026-11-02,0,1,-1,\n"
      "2026-11-01,3,0,-1,\n";
  ImportPlan plan = import_loop_files(files, day("2026-11-20"));
  REQUIRE(plan.goals.size() == 3);
  CHECK(plan.goals[0].schedule_text == "daily");
  CHECK(plan.goals[1].schedule_text == "3 in 7 days");
  // Loop's monthly windows last the month they start in: 28 to 31 days, not quite 30.
  CHECK(plan.goals[2].schedule_text == "1 in 30 days");
  REQUIRE(plan.approximations.size() == 1);
  CHECK(plan.approximations[0] ==
        "Habits.csv:4: Call mom: 1/30 (once a month: Loop's windows last the month they start in, 28 to 31 "
        "days) has no exact equivalent; mapped to 1 in 30 days");
  auto floss = events_of(plan, "floss");
  REQUIRE(floss.size() == 2);
  CHECK(floss[0].kind == EventKind::skip);
  CHECK(floss[1].kind == EventKind::done);
  auto read = events_of(plan, "read");
  REQUIRE(read.size() == 1);
  CHECK(read[0].day == day("2026-11-03"));
  // A numeric 0 also meant "no data" in 1.x: it does not move the start back.
  CHECK(plan.goals[1].started == day("2026-11-03"));
  CHECK(plan.goals[2].started == day("2026-11-20"));
}

TEST_CASE("loop: a habit without any check-mark file is imported and the gap listed") {
  LoopFiles files;
  files.habits = kHabits2;
  ImportPlan plan = import_loop_files(files, day("2026-11-20"));
  CHECK(plan.goals.size() == 5);
  CHECK(plan.events.empty());
  CHECK(mentions(plan.not_carried, "Habits.csv:2: Meditate: no check-marks found (no '001 Meditate/Checkmarks.csv'"));
}

TEST_CASE("loop: files that are not Loop's are refused with their file and line") {
  LoopFiles files;
  files.habits = "Name,Frequency\nRun,daily\n";
  try {
    import_loop_files(files, day("2026-11-20"));
    FAIL("expected a failure");
  } catch (const Failure& e) {
    CHECK(e.code() == ExitCode::data);
    CHECK(std::string(e.what()).starts_with("Habits.csv:1: "));
  }
  files.habits = kHabits2;
  files.checkmarks = "Day,Meditate\n";
  CHECK_THROWS_AS(import_loop_files(files, day("2026-11-20")), Failure);
  files.checkmarks.reset();
  files.habit_checkmarks["001 Meditate"] = "Date,Notes\n2026-11-01,x\n";
  CHECK_THROWS_AS(import_loop_files(files, day("2026-11-20")), Failure);
  files.habit_checkmarks["001 Meditate"] = "Date,Value,Notes\n2026-11-01,YES_MANUAL,\"never closed\n";
  CHECK_THROWS_AS(import_loop_files(files, day("2026-11-20")), Failure);
}

TEST_CASE("loop: the fixture export, by directory or by its Habits.csv") {
  for (auto path : {fixture("loop"), fixture("loop") / "Habits.csv"}) {
    CAPTURE(path.string());
    ImportPlan plan = import_loop(path, day("2026-11-10"));
    REQUIRE(plan.goals.size() == 4);
    CHECK(plan.events.size() == 17);
    const Goal* gym = find_goal(plan, "gym");
    REQUIRE(gym);
    CHECK(gym->schedule_text == "3 in 7 days");
    auto g = events_of(plan, "gym");
    REQUIRE(g.size() == 4);
    CHECK(g[2].note == "Legs; \"deadlift\" day");
  }
  CHECK_THROWS_AS(import_loop(fixture("harsh"), day("2026-11-10")), Failure);
  CHECK_THROWS_AS(import_loop(fixture("loop.zip"), day("2026-11-10")), Failure);
}

}  // namespace microstep
