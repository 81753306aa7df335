// plan: a guided first step (seed 003's day 1; seed 000's question), asked on a terminal and
// taken from options without one.
#include <doctest/doctest.h>

#include <string>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

const RunOptions kMonday{.env = {{"MICROSTEP_NOW", "2026-11-16T08:00:00Z"}}};

/// Runs `microstep ARGS` on a pseudo-terminal (script(1)), typing `input`.
RunResult on_terminal(const TempJournal& j, const std::string& args, const std::string& input) {
  std::string command = "'" + std::string(MICROSTEP_BINARY) + "' --dir '" + j.path() + "' " + args;
  RunOptions o = kMonday;
  o.stdin_text = input;
  return j.run_program("script", {"-qec", command, "/dev/null"}, o);
}

}  // namespace

TEST_CASE("plan: every answer as an option, no terminal: the goal is written") {
  TempJournal j;
  REQUIRE(j.run({"init"}).exit_code == 0);
  RunResult r = j.run({"plan", "--goal", "Learn Spanish", "--after", "I pour my morning coffee", "--feeling",
                       "capable"},
                      kMonday);
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "id: learn-spanish\n"
        "goal: Learn Spanish\n"
        "step: Learn one new Spanish word\n"
        "after: I pour my morning coffee\n"
        "schedule: daily\n"
        "started: 2026-11-16\n"
        "status: active\n"
        "feeling: capable\n"
        "\n"
        "After I pour my morning coffee, I will learn one new Spanish word.\n"
        "Added learn-spanish. Do it today; day 7 (2026-11-22) is review day.\n");
  CHECK(j.read("goals/learn-spanish.yaml").find("step: Learn one new Spanish word\n") != std::string::npos);
  SUBCASE("the person's smallest sign, made smaller until it passes the ridiculous test") {
    RunResult sign = j.run({"--json", "plan", "--goal", "Get fit", "--sign", "I run 5 km", "--after", "I get home",
                            "--id", "fit"},
                           kMonday);
    Json json = parse_json(sign.out);
    CHECK(json["id"].as_string() == "fit");
    CHECK(json["step"].as_string() == "Run for 2 minutes");
    CHECK(json["written"].as_bool());
    CHECK(json["review_day"].as_string() == "2026-11-22");
  }
}

TEST_CASE("plan: answers missing and no terminal: exit 2 naming the options, nothing written") {
  TempJournal j;
  REQUIRE(j.run({"init"}).exit_code == 0);
  RunResult r = j.run({"plan", "--feeling", "calm"}, kMonday);
  CHECK(r.exit_code == 2);
  CHECK(r.err == "microstep: plan asks its questions on a terminal; without one, give the answers as options: "
                 "--goal, --after\n");
  CHECK(j.run({"list", "--ids"}).out.empty());
  CHECK(j.run({"plan", "--goal", "Read more", "--after", "I go to bed", "--every", "sometimes"}, kMonday).exit_code == 2);
}

TEST_CASE("plan on a terminal: the questions, the proposal taken, the goal shown, then written") {
  TempJournal j;
  REQUIRE(j.run({"init"}).exit_code == 0);
  // The big goal, no sign (Enter: the step comes from the goal), Enter for the proposal, the
  // anchor, the feeling, Enter for daily, y to write.
  RunResult r = on_terminal(j, "plan", "Write a novel\n\n\nI pour my morning coffee\ncapable\n\ny\n");
  CHECK(r.exit_code == 0);
  // The introduction is one paragraph wrapped at the terminal's width (80 here), at spaces.
  CHECK(r.out.find("A new goal in a few questions: the big goal, the smallest sign of progress, a\r\n"
                   "  step so small it works on a bad day, the habit it follows, the feeling it\r\n"
                   "  gives. Nothing is written until you say so.\r\n") != std::string::npos);
  CHECK(r.out.find("What is the big goal?") != std::string::npos);
  CHECK(r.out.find("What would be the smallest sign that things were moving in the right direction?") != std::string::npos);
  CHECK(r.out.find("A step so small it works on a bad day: \"Write one sentence\"") != std::string::npos);
  CHECK(r.out.find("After I pour my morning coffee, I will write one sentence.") != std::string::npos);
  CHECK(r.out.find("Added write-a-novel.") != std::string::npos);
  std::string file = j.read("goals/write-a-novel.yaml");
  CHECK(file.find("step: Write one sentence\n") != std::string::npos);
  CHECK(file.find("feeling: capable\n") != std::string::npos);
}

TEST_CASE("plan on a terminal: a step of one's own that is too big is answered, and no means nothing written") {
  TempJournal j;
  REQUIRE(j.run({"init"}).exit_code == 0);
  // No sign; instead of the proposal, "Run 5 km": too big, a smaller one is offered; Enter
  // takes it. No feeling, daily, then "n".
  RunResult r = on_terminal(j, "plan --goal 'Get fit' --after 'I get home'", "\nRun 5 km\n\n\n\nn\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("That may be too big for a bad day:") != std::string::npos);
  CHECK(r.out.find("Smaller: \"Run for 2 minutes\".") != std::string::npos);
  CHECK(r.out.find("step: Run for 2 minutes") != std::string::npos);
  CHECK(r.out.find("Nothing written.") != std::string::npos);
  CHECK_FALSE(j.exists("goals/get-fit.yaml"));
}

}  // namespace microstep::test
