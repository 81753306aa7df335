/// Tests of core/interop/import_csv: a csv export read back, columns found by name, and every
/// problem named by line.
#include "core/interop/import_csv.hpp"

#include <doctest/doctest.h>

#include <string>

#include "unit/builders.hpp"
#include "unit/data_error.hpp"

namespace microstep {

using test::day;

namespace {

/// The message of the data Failure reading `csv` throws.
std::string error_of(const std::string& csv) {
  return test::data_error_of([&] { parse_export_csv(csv, "x.csv"); });
}

}  // namespace

TEST_CASE("csv import: columns in another order, unknown columns and record types") {
  std::string csv =
      "#microstep-export,1\n"
      "#goal,step,extra,id,started\n"
      "goal,Floss,whatever,floss,2026-11-01\n"
      "#event,goal,day,event\n"
      "event,floss,2026-11-02,done\n"
      "#future,x\n"
      "future,y\n";
  ImportPlan plan = parse_export_csv(csv, "e.csv");
  REQUIRE(plan.goals.size() == 1);
  CHECK(plan.goals[0].schedule_text == "daily");
  CHECK(plan.goals[0].since == day("2026-11-01"));
  REQUIRE(plan.events.size() == 1);
  CHECK(plan.events[0].written == import_moment(day("2026-11-02")));
  REQUIRE(plan.not_carried.size() == 1);
  CHECK(plan.not_carried[0] == "e.csv:7: a record of unknown type 'future'; ignored");
}

TEST_CASE("csv import: every problem named by its line") {
  CHECK(error_of("Position,Name\n") ==
        "x.csv:1: not a microstep csv export (it starts with #microstep-export,1)");
  CHECK(error_of("#microstep-export,2\n") ==
        "x.csv:1: export version '2' is not one this microstep reads (1)");
  std::string head = "#microstep-export,1\n#goal,id,step,started\n";
  CHECK(error_of(head + "goal,floss,Floss,2026-02-30\n") ==
        "x.csv:3: started '2026-02-30' is not a date (YYYY-MM-DD)");
  CHECK(error_of(head + "goal,Bad Id,Floss,2026-02-03\n")
            .starts_with("x.csv:3: goal id 'Bad Id' is not valid: use "));
  CHECK(error_of(head + "goal,a,A,2026-02-03\ngoal,a,A,2026-02-03\n") ==
        "x.csv:4: goal a comes twice");
  CHECK(error_of(head + "event,2026-02-03\n") ==
        "x.csv:3: a event record before its #event header row");
  CHECK(
      error_of(head +
               "goal,a,A,2026-02-03\n#event,day,event,goal,amount\nevent,2026-02-04,done,a,-1\n") ==
      "x.csv:5: amount '-1' is not a number from 0 to 1000000000, such as 3 or 2.5");
  CHECK(error_of(head + "#version,goal,from,step\nversion,nope,2026-01-01,x\n") ==
        "x.csv:4: a version of goal 'nope', which no goal row above names");
  CHECK(error_of(head + "goal,a,A,2026-02-03\n#version,goal,from,step\nversion,a,2026-02-03,x\n") ==
        "x.csv:5: the earlier versions of a must be in order and before its since: 2026-02-03");
}

}  // namespace microstep
