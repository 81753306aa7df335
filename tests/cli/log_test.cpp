// microstep log end to end: order, duplicates, filters, the text and --json forms, errors.
#include <doctest/doctest.h>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

/// Two goals and a log written out of order: a backfill last, and one line twice (as a git
/// union merge leaves it).
void journal_with_log(const TempJournal& j) {
  REQUIRE(j.run({"init"}).exit_code == 0);
  REQUIRE(j.run({"--today", "2026-11-01", "add", "write-novel", "Write one sentence"}).exit_code == 0);
  REQUIRE(j.run({"--today", "2026-11-01", "add", "walk", "Put on my shoes"}).exit_code == 0);
  j.write("checkins.log",
          "2026-11-02\t2026-11-02T07:40:00+01:00\tdone\twrite-novel\t3\tThe lighthouse\\tscene\n"
          "2026-11-03\t2026-11-03T18:00:00+01:00\tskip\twalk\t\tRain\n"
          "2026-11-02\t2026-11-02T07:40:00+01:00\tdone\twrite-novel\t3\tThe lighthouse\\tscene\n"
          "2026-11-03\t2026-11-03T07:40:00+01:00\tdone\twrite-novel\t\t\tI wrote before coffee\n"
          "2026-11-01\t2026-11-04T09:00:00+01:00\tdone\twalk\t12.5\tBackfilled\n");
}

Json json_of(const RunResult& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return parse_json(r.out);
}

}  // namespace

TEST_CASE("log prints every event once, ordered by day and moment written, aligned") {
  TempJournal j;
  journal_with_log(j);
  RunResult r = j.run({"log"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "2026-11-01  done    walk         12.5  Backfilled\n"
        "2026-11-02  done    write-novel     3  The lighthouse\\tscene\n"
        "2026-11-03  done    write-novel        (truth: I wrote before coffee)\n"
        "2026-11-03  skip    walk               Rain\n");
}

TEST_CASE("log --json: day, written, event, goal, amount, note and truth, nulls when none") {
  TempJournal j;
  journal_with_log(j);
  Json all = json_of(j.run({"--json", "log"}));
  REQUIRE(all.size() == 4);
  CHECK(all[0].keys() ==
        std::vector<std::string>{"day", "written", "event", "goal", "amount", "note", "truth"});
  CHECK(all[0]["day"].as_string() == "2026-11-01");
  CHECK(all[0]["written"].as_string() == "2026-11-04T09:00:00+01:00");
  CHECK(all[0]["event"].as_string() == "done");
  CHECK(all[0]["goal"].as_string() == "walk");
  CHECK(all[0]["amount"].as_number() == 12.5);
  CHECK(all[0]["truth"].is_null());
  CHECK(all[1]["note"].as_string() == "The lighthouse\tscene");  // unescaped in JSON
  CHECK(all[2]["amount"].is_null());
  CHECK(all[2]["note"].is_null());
  CHECK(all[2]["truth"].as_string() == "I wrote before coffee");
  CHECK(all[3]["event"].as_string() == "skip");
  CHECK(all[3]["note"].as_string() == "Rain");
}

TEST_CASE("log ID takes a unique prefix - an unknown or ambiguous one is a usage error") {
  TempJournal j;
  journal_with_log(j);
  Json walk = json_of(j.run({"--json", "log", "wa"}));
  REQUIRE(walk.size() == 2);
  CHECK(walk[0]["goal"].as_string() == "walk");
  CHECK(walk[1]["goal"].as_string() == "walk");
  REQUIRE(j.run({"--today", "2026-11-01", "add", "water", "Drink a glass"}).exit_code == 0);
  RunResult ambiguous = j.run({"log", "wa"});
  CHECK(ambiguous.exit_code == 2);
  CHECK(ambiguous.err.find("walk") != std::string::npos);
  CHECK(ambiguous.err.find("water") != std::string::npos);
  CHECK(j.run({"log", "nothing"}).exit_code == 2);
}

TEST_CASE("log --since and --until take DATEs, both ends included") {
  TempJournal j;
  journal_with_log(j);
  SUBCASE("absolute dates") {
    Json range = json_of(j.run({"--json", "log", "--since", "2026-11-02", "--until", "2026-11-02"}));
    REQUIRE(range.size() == 1);
    CHECK(range[0]["day"].as_string() == "2026-11-02");
  }
  SUBCASE("relative dates count from the pinned today") {
    Json since = json_of(j.run({"--today", "2026-11-04", "--json", "log", "--since", "-1"}));
    REQUIRE(since.size() == 2);
    CHECK(since[0]["day"].as_string() == "2026-11-03");
    Json until = json_of(j.run({"--today", "2026-11-02", "--json", "log", "--until", "yesterday"}));
    REQUIRE(until.size() == 1);
    CHECK(until[0]["day"].as_string() == "2026-11-01");
  }
  SUBCASE("nothing in range prints nothing, and [] in JSON") {
    RunResult none = j.run({"log", "--since", "2026-12-01"});
    CHECK(none.exit_code == 0);
    CHECK(none.out.empty());
    CHECK(json_of(j.run({"--json", "log", "--since", "2026-12-01"})).size() == 0);
  }
  SUBCASE("a bad DATE or an empty range is a usage error") {
    RunResult bad = j.run({"log", "--since", "soon"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--since 'soon' is not a date") != std::string::npos);
    RunResult empty = j.run({"log", "--since", "2026-11-03", "--until", "2026-11-02"});
    CHECK(empty.exit_code == 2);
    CHECK(empty.err == "microstep: --since 2026-11-03 is after --until 2026-11-02\n");
  }
}

TEST_CASE("log reports a bad line as file:line, exit 3") {
  TempJournal j;
  journal_with_log(j);
  j.write("checkins.log", j.read("checkins.log") + "2026-11-05\tnot a moment\tdone\twalk\t\t\n");
  RunResult r = j.run({"log"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("checkins.log:6:") != std::string::npos);
}

}  // namespace microstep::test
