// "Make it smaller" end to end: the ridiculous test on add, set --step and grow, a first step
// proposed from a big goal, suggest and shrink with a step that really is small, or an honest
// word when nothing smaller comes from the step's words.
#include <doctest/doctest.h>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

/// The day pinned, on a terminal wide enough that no line wraps: these cases check the words.
RunOptions on(const std::string& day) { return RunOptions{.env = {{"MICROSTEP_TODAY", day}, {"COLUMNS", "200"}}}; }

/// A fresh journal with one goal `g` on `step`, started 2026-11-01, nothing done since.
void untouched(const TempJournal& j, const std::string& step) {
  j.write("microstep.yaml", "week_starts: monday\n");
  j.write("goals/g.yaml", "id: g\nstep: " + step + "\nschedule: daily\nstarted: 2026-11-01\n");
  j.write("checkins.log", "");
}

}  // namespace

TEST_CASE("add: the ridiculous test warns on a distance, a whole job, a big goal, a place, a count") {
  struct Case {
    const char* step;
    const char* warning;
  };
  for (const Case& c : {
           Case{"Run 5 km", "'5 km' is a distance; on a bad day a start is enough; try \"Run for 2 minutes\""},
           Case{"Clean the whole kitchen",
                "'the whole kitchen' is a whole job; try \"Clean one counter in the kitchen\""},
           Case{"Learn Spanish", "'Learn Spanish' is a big goal rather than a step; try \"Learn one new Spanish word\""},
           Case{"Go to the gym", "'Go to the gym' starts with a trip before the step; try \"Do one push-up\""},
           Case{"Drink 8 glasses of water",
                "'8 glasses' is more than a handful for a bad day; try \"Drink one glass of water\""},
       }) {
    CAPTURE(c.step);
    TempJournal j;
    REQUIRE(j.run({"init", j.path()}).exit_code == 0);
    RunResult r = j.run({"add", "g", c.step}, on("2026-11-01"));
    CHECK(r.exit_code == 0);  // added anyway: the person decides
    CHECK(r.err == "microstep: warning: the step may be too big: " + std::string(c.warning) + "\n");
  }
}

TEST_CASE("the issue's ten steps: each suggestion, added as a new goal, draws no warning") {
  for (const char* step : {"Meditate for 20 minutes", "Read a chapter", "Go to the gym", "Call mom", "Run 5 km",
                           "Write 500 words", "Drink 8 glasses of water", "Practice piano for an hour",
                           "Clean the whole kitchen", "Learn Spanish"}) {
    CAPTURE(step);
    TempJournal j;
    untouched(j, step);
    // Nothing done in the first 3 days: make it smaller.
    Json s = parse_json(j.run({"--json", "suggest"}, on("2026-11-04")).out);
    REQUIRE(s[0]["suggestion"]["kind"].as_string() == "smaller");
    const std::string smaller = s[0]["suggestion"]["step"].as_string();
    TempJournal fresh;
    REQUIRE(fresh.run({"init", fresh.path()}).exit_code == 0);
    RunResult added = fresh.run({"add", "h", smaller}, on("2026-11-04"));
    CHECK(added.exit_code == 0);
    CHECK_MESSAGE(added.err.empty(), smaller);
  }
}

TEST_CASE("add without a step: the goal's smallest unit is proposed, and said so") {
  TempJournal j;
  REQUIRE(j.run({"init", j.path()}).exit_code == 0);
  RunResult r = j.run({"add", "spanish", "--goal", "Learn Spanish"}, on("2026-11-01"));
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "Added spanish: I will learn one new Spanish word.\n"
        "  The step comes from your goal. \"Learn Spanish\" is a big goal; its smallest unit is a step you can take "
        "today.\n"
        "  Another step of your own: microstep set spanish --step \"your step\"\n");
  CHECK(j.read("goals/spanish.yaml").find("step: Learn one new Spanish word\n") != std::string::npos);
  // Taking another step the same day replaces it: no history for a step never in force.
  REQUIRE(j.run({"set", "spanish", "--step", "Say one Spanish word aloud"}, on("2026-11-01")).exit_code == 0);
  CHECK(j.read("goals/spanish.yaml").find("history") == std::string::npos);
  SUBCASE("in JSON, step_proposed says whose step it is") {
    Json added = parse_json(j.run({"--json", "add", "novel", "--goal", "Write a novel"}, on("2026-11-01")).out);
    CHECK(added["step"].as_string() == "Write one sentence");
    CHECK(added["step_proposed"].as_bool());
    Json own = parse_json(j.run({"--json", "add", "floss", "Floss one tooth"}, on("2026-11-01")).out);
    CHECK_FALSE(own["step_proposed"].as_bool());
  }
  SUBCASE("no step and no goal, or a goal nothing smaller comes from: a usage error, nothing added") {
    RunResult none = j.run({"add", "x"}, on("2026-11-01"));
    CHECK(none.exit_code == 2);
    CHECK(none.err == "microstep: add needs a STEP, or --goal GOAL to have a first step proposed\n");
    RunResult kind = j.run({"add", "kind", "--goal", "Be kind"}, on("2026-11-01"));
    CHECK(kind.exit_code == 2);
    CHECK(kind.err == "microstep: nothing smaller than \"Be kind\" comes from its words: give the first step "
                      "yourself, microstep add kind \"STEP\" --goal \"Be kind\"\n");
    CHECK_FALSE(j.exists("goals/x.yaml"));
    CHECK_FALSE(j.exists("goals/kind.yaml"));
  }
}

TEST_CASE("set --step runs the ridiculous test as add does") {
  TempJournal j;
  untouched(j, "Write one sentence");
  RunResult r = j.run({"set", "g", "--step", "Write 500 words"}, on("2026-11-02"));
  CHECK(r.exit_code == 0);
  CHECK(r.err == "microstep: warning: the step may be too big: '500 words' is more than a handful for a bad day; "
                 "try \"Write 50 words\"\n");
  CHECK(j.run({"set", "g", "--step", "Write 50 words"}, on("2026-11-03")).err.empty());
  CHECK(j.run({"set", "g", "--feeling", "capable"}, on("2026-11-03")).err.empty());  // no new step, no test
}

TEST_CASE("grow: a step of one's own meets the ridiculous test - --force grows it and still says why") {
  TempJournal j;
  j.write("microstep.yaml", "week_starts: monday\n");
  j.write("goals/g.yaml", "id: g\nstep: Do 10 squats\nschedule: daily\nstarted: 2026-10-01\nminimum: 10\n");
  std::string log;
  for (int d = 1; d <= 31; ++d) log += "2026-10-" + std::string(d < 10 ? "0" : "") + std::to_string(d) + "\t2026-10-01T08:00:00+00:00\tdone\tg\t\t\n";
  j.write("checkins.log", log);
  RunResult refused = j.run({"grow", "g", "Do 11 squats at the gym"}, on("2026-11-01"));
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("is not 'Do 10 squats' grown by at most 10%") != std::string::npos);
  RunResult forced = j.run({"grow", "g", "Go to the gym", "--force"}, on("2026-11-01"));
  CHECK(forced.exit_code == 0);
  CHECK(forced.err == "microstep: warning: the new step may still be too big: 'Go to the gym' starts with a trip "
                      "before the step\n");
}

TEST_CASE("suggest: the smaller step and why, in words - no internal references") {
  TempJournal j;
  untouched(j, "Clean the whole kitchen");
  RunResult r = j.run({"suggest"}, on("2026-11-04"));
  CHECK(r.out ==
        "g: Clean the whole kitchen\n"
        "  below 5 of 7: 0 of 3 scheduled days done so far\n"
        "  Make it smaller: \"Clean one counter in the kitchen\" (first days: no check-in in the first 3 scheduled "
        "days: the step is still too big to start)\n"
        "  \"the whole kitchen\" is a whole job; one part of it is a step. Take it with: microstep shrink g\n");
  CHECK(r.out.find("seed") == std::string::npos);
  Json json = parse_json(j.run({"--json", "suggest"}, on("2026-11-04")).out);
  CHECK(json[0]["suggestion"]["shrink_rule"].as_string() ==
        "job: \"the whole kitchen\" is a whole job; one part of it is a step.");
  RunResult shrink = j.run({"shrink", "g"}, on("2026-11-04"));
  CHECK(shrink.exit_code == 0);
  CHECK(shrink.out == "Smaller: g is now \"Clean one counter in the kitchen\" from 2026-11-04 (was \"Clean the whole "
                      "kitchen\").\n"
                      "  \"the whole kitchen\" is a whole job; one part of it is a step.\n"
                      "  A step this small works on a bad day. That is the point.\n");
  CHECK(j.read("goals/g.yaml").find("step: Clean one counter in the kitchen\n") != std::string::npos);
}

TEST_CASE("suggest and shrink: nothing smaller found is said honestly, and the person is asked") {
  TempJournal j;
  untouched(j, "Take my vitamins");
  RunResult r = j.run({"suggest"}, on("2026-11-04"));
  CHECK(r.out ==
        "g: Take my vitamins\n"
        "  below 5 of 7: 0 of 3 scheduled days done so far\n"
        "  Make it smaller (first days: no check-in in the first 3 scheduled days: the step is still too big to "
        "start)\n"
        "  Nothing smaller than \"Take my vitamins\" comes from its words: you know best what the smallest part of "
        "it is. Set it with: microstep shrink g \"your smaller step\"\n");
  Json json = parse_json(j.run({"--json", "suggest"}, on("2026-11-04")).out);
  CHECK(json[0]["suggestion"]["step"].is_null());
  RunResult shrink = j.run({"shrink", "g"}, on("2026-11-04"));
  CHECK(shrink.exit_code == 2);
  CHECK(shrink.err == "microstep: nothing smaller than \"Take my vitamins\" comes from its words: give your own "
                      "smaller step, microstep shrink g \"STEP\"\n");
  CHECK(j.read("goals/g.yaml").find("history") == std::string::npos);
  CHECK(j.run({"shrink", "g", "Put the vitamins by the kettle"}, on("2026-11-04")).exit_code == 0);
}

}  // namespace microstep::test
