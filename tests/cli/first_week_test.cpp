// A guided first week (seed 003's 7-day plan): day 7 of a goal is review day for today,
// done and review, and review gives the seed's verdict that day.
#include <doctest/doctest.h>

#include <string>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

RunOptions at(const std::string& now) { return RunOptions{.env = {{"MICROSTEP_NOW", now}}}; }

/// A daily goal started Monday the 16th, done on the listed days of that week.
void journal(const TempJournal& j, const std::vector<int>& days) {
  j.write("microstep.yaml", "week_starts: monday\n");
  j.write("goals/write.yaml", "id: write\nstep: Write one chapter\nstarted: 2026-11-16\n");
  std::string log;
  for (int d : days) {
    std::string day = "2026-11-" + std::to_string(d);
    log += day + "\t" + day + "T08:00:00+00:00\tdone\twrite\t\t\n";
  }
  j.write("checkins.log", log);
}

}  // namespace

TEST_CASE("first week: day 7 is review day in today and done") {
  TempJournal j;
  journal(j, {16, 17, 18, 20});
  RunResult today = j.run({"today"}, at("2026-11-22T07:00:00Z"));
  CHECK(today.out.find("      Day 7 of this step: review day (see: microstep review)\n") !=
        std::string::npos);
  CHECK(j.run({"today"}, at("2026-11-21T07:00:00Z")).out.find("review day") == std::string::npos);
  CHECK(j.run({"today"}, at("2026-11-23T07:00:00Z")).out.find("review day") == std::string::npos);
  RunResult done = j.run({"done", "write"}, at("2026-11-22T08:00:00Z"));
  // 16, 17, 18, 20 and now 22: 5 of 7.
  CHECK(done.out.find("Review day (day 7): on track: 5 of the last 7 scheduled days done.\n") != std::string::npos);
}

TEST_CASE("first week: review on day 7 gives the seed's verdict") {
  SUBCASE("5 of 7: on track") {
    TempJournal j;
    journal(j, {16, 17, 18, 20, 22});
    RunResult r = j.run({"--today", "2026-11-22", "review"});
    CHECK(r.out.find("write: Write one chapter\n  First week: 5 of 7 scheduled days done\n") !=
          std::string::npos);
    CHECK(r.out.find("  on track: 5 of the last 7 scheduled days done\n") != std::string::npos);
  }
  SUBCASE("fewer: make it smaller, with the smaller step") {
    TempJournal j;
    journal(j, {16, 18, 20});
    RunResult r = j.run({"--today", "2026-11-22", "review"});
    // 3 of 6, today still open: even with today it is 4 of 7, below 5.
    CHECK(r.out.find("  First week: 3 of 6 scheduled days done, today still open\n") !=
          std::string::npos);
    CHECK(r.out.find("  below 5 of 7: 3 of 6 scheduled days done so far\n  Make it smaller: \"Write one page\"") !=
          std::string::npos);
    Json json = parse_json(j.run({"--json", "--today", "2026-11-22", "review"}).out);
    CHECK(json["goals"][0]["first_week"]["done"].as_number() == 3);
    CHECK(json["goals"][0]["suggestion"]["kind"].as_string() == "smaller");
  }
  SUBCASE("4 of 6 with today open: the verdict waits for today") {
    TempJournal j;
    journal(j, {16, 17, 18, 20});
    RunResult r = j.run({"--today", "2026-11-22", "review"});
    CHECK(r.out.find("  too early to judge: 4 of 6 scheduled days done so far\n") != std::string::npos);
  }
}

}  // namespace microstep::test
