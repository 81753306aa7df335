// share: the week for an accountability partner (seed 003), with nothing private by default.
#include <doctest/doctest.h>

#include <string>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

std::string line(const std::string& day, const std::string& event, const std::string& goal, const std::string& note = "",
                 const std::string& truth = "") {
  return day + "\t" + day + "T08:00:00+00:00\t" + event + "\t" + goal + "\t\t" + note + (truth.empty() ? "" : "\t" + truth) +
         "\n";
}

void journal(const TempJournal& j) {
  j.write("microstep.yaml", "week_starts: monday\n");
  j.write("goals/write.yaml", "id: write\ngoal: Write a novel\nstep: Write one sentence\nstarted: 2026-11-16\n"
                              "feeling: capable\nafter: I pour my morning coffee\n");
  j.write("goals/run.yaml", "id: run\nstep: Run for 2 minutes\nschedule: 3/week\nstarted: 2026-11-16\n");
  j.write("checkins.log", line("2026-11-16", "done", "write", "the lighthouse scene") + line("2026-11-17", "done", "write") +
                              line("2026-11-18", "done", "write", "", "I like the dialogue") +
                              line("2026-11-16", "done", "run") + line("2026-11-18", "done", "run") +
                              "2026-11-18\t2026-11-18T09:00:00+00:00\tmood\t\t4\tslept badly\n");
}

}  // namespace

TEST_CASE("share: the week per goal and the big goals, nothing private") {
  TempJournal j;
  journal(j);
  RunResult text = j.run({"--today", "2026-11-19", "share"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out ==
        "microstep: the week of 2026-11-16 to 2026-11-22 (so far)\n"
        "\n"
        "run    Run for 2 minutes   3/week: 2 of 3 days so far    no streak yet, open today; too early to judge: "
        "no week judged yet\n"
        "write  Write one sentence  3 of 3 scheduled days so far  3-day streak, open today; too early to judge: 3 of 3 "
        "scheduled days done so far\n"
        "\n"
        "Write a novel: moved on 3 days; 7d 100%  30d 100%; 3 days in a row\n");
  for (const char* secret : {"lighthouse", "dialogue", "slept", "coffee", "capable"}) {
    CAPTURE(secret);
    CHECK(text.out.find(secret) == std::string::npos);
  }
  RunResult md = j.run({"--today", "2026-11-19", "share", "--format", "markdown"});
  CHECK(md.out.find("| goal | step | this week | streak | verdict |\n|---|---|---|---|---|\n"
                    "| run | Run for 2 minutes | 3/week: 2 of 3 days so far |") != std::string::npos);
  CHECK(md.out.find("**Big goals**\n\n- Write a novel: moved on 3 days") != std::string::npos);
  CHECK(md.out.find("lighthouse") == std::string::npos);
  RunResult json = j.run({"--today", "2026-11-19", "share", "--format", "json"});
  Json parsed = parse_json(json.out);
  CHECK(parsed["goals"][1]["id"].as_string() == "write");
  CHECK(parsed["goals"][1]["done"].as_number() == 3);
  CHECK_FALSE(parsed["goals"][1].has("notes"));
  CHECK(parsed["big_goals"][0]["goal"].as_string() == "Write a novel");
  CHECK(j.run({"--json", "--today", "2026-11-19", "share"}).out == json.out);
}

TEST_CASE("share --with-notes adds the week's notes and truths") {
  TempJournal j;
  journal(j);
  RunResult text = j.run({"--today", "2026-11-19", "share", "--with-notes"});
  CHECK(text.out.find("\n       2026-11-16 note: the lighthouse scene\n       2026-11-18 truth: I like the dialogue\n") !=
        std::string::npos);
  RunResult md = j.run({"--today", "2026-11-19", "share", "--format", "markdown", "--with-notes"});
  CHECK(md.out.find("**Notes**\n\n- write, 2026-11-16 note: the lighthouse scene\n") != std::string::npos);
  Json json = parse_json(j.run({"--today", "2026-11-19", "share", "--format", "json", "--with-notes"}).out);
  CHECK(json["goals"][1]["notes"][0]["note"].as_string() == "the lighthouse scene");
  CHECK(json["goals"][1]["notes"][1]["truth"].as_string() == "I like the dialogue");
}

TEST_CASE("share: a past week, and a bad format") {
  TempJournal j;
  journal(j);
  RunResult past = j.run({"--today", "2026-11-25", "share", "--week", "2026-11-16"});
  CHECK(past.out.rfind("microstep: the week of 2026-11-16 to 2026-11-22\n", 0) == 0);
  CHECK(past.out.find("3/week: 2 of 3 days ") != std::string::npos);
  RunResult bad = j.run({"--today", "2026-11-25", "share", "--format", "pdf"});
  CHECK(bad.exit_code == 2);
}

}  // namespace microstep::test
