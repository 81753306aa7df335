/// Tests of core/journal/goal_file: reading a goal file, writing a new one, and editing one as text.
#include "core/journal/goal_file.hpp"

#include <doctest/doctest.h>

#include <string>

#include "core/base/error.hpp"
#include "core/base/escape.hpp"
#include "core/model/goal_change.hpp"
#include "unit/builders.hpp"

namespace microstep {

using test::day;

namespace {

const std::string kHandWritten =
    "# The novel: one sentence a day is enough.\n"
    "id: write-novel\n"
    "goal: Write a novel\n"
    "step: Write one sentence   # the smallest I could think of\n"
    "after: I pour my morning coffee\n"
    "schedule: daily\n"
    "started: 2026-10-26\n"
    "status: active\n"
    "feeling: capable\n"
    "unit: sentences\n"
    "minimum: 1\n"
    "mood: hopeful   # a key of my own\n";

/// The message of the Failure parsing `text` gives, with its exit code.
std::pair<ExitCode, std::string> failure_of(const std::string& text) {
  try {
    parse_goal_text(text, "goals/g.yaml");
  } catch (const Failure& failure) {
    return {failure.code(), failure.what()};
  }
  return {ExitCode::ok, ""};
}

}  // namespace

TEST_CASE("goal_file: every field read - schedule parsed - defaults for the optional ones") {
  Goal g = parse_goal_text(kHandWritten, "goals/write-novel.yaml");
  CHECK(g.id == "write-novel");
  CHECK(g.goal == "Write a novel");
  CHECK(g.step == "Write one sentence");
  CHECK(g.after == "I pour my morning coffee");
  CHECK(g.schedule == *parse_schedule("daily"));
  CHECK(g.started == day("2026-10-26"));
  CHECK(g.since == g.started);
  CHECK(g.status == GoalStatus::active);
  CHECK(g.feeling == "capable");
  CHECK(g.unit == "sentences");
  CHECK(g.minimum == 1.0);
  CHECK_FALSE(g.minutes);
  CHECK(g.history.empty());

  Goal minimal = parse_goal_text("id: g\nstep: Floss one tooth\nstarted: 2026-11-01\n", "goals/g.yaml");
  CHECK(minimal.schedule_text == "daily");
  CHECK(minimal.status == GoalStatus::active);
  CHECK(minimal.default_amount() == 1.0);
}

TEST_CASE("goal_file: a rendered new goal reads back as the same goal") {
  Goal g = parse_goal_text(kHandWritten, "goals/write-novel.yaml");
  g.step = "Say \"hello\": then # more";  // needs quoting
  g.after = "  leading spaces";
  g.minutes = 2;
  g.at = "07:30";
  Goal again = parse_goal_text(render_new_goal(g), "goals/write-novel.yaml");
  CHECK(again == g);
}

TEST_CASE("goal_file: a change keeps the comments and keys written by hand - the old version goes to history") {
  Goal old_goal = parse_goal_text(kHandWritten, "goals/write-novel.yaml");
  StepChange change;
  change.step = "Write two sentences";
  Goal new_goal = apply_step_change(old_goal, change, day("2026-11-20"));
  std::string text = rewrite_goal_text(kHandWritten, old_goal, new_goal, "goals/write-novel.yaml");
  CHECK(text.starts_with("# The novel: one sentence a day is enough.\n"));
  CHECK(text.find("mood: hopeful   # a key of my own\n") != std::string::npos);
  CHECK(text.find("Write two sentences") != std::string::npos);
  Goal read_back = parse_goal_text(text, "goals/write-novel.yaml");
  CHECK(read_back == new_goal);
  REQUIRE(read_back.history.size() == 1);
  CHECK(read_back.history[0].step == "Write one sentence");
  CHECK(read_back.history[0].from == day("2026-10-26"));
  CHECK(read_back.since == day("2026-11-20"));
}

TEST_CASE("goal_file: a change before the current version's day is refused") {
  Goal g = parse_goal_text(kHandWritten, "goals/write-novel.yaml");
  StepChange change;
  change.step = "Write two sentences";
  Goal later = apply_step_change(g, change, day("2026-11-20"));
  CHECK_THROWS_AS(apply_step_change(later, change, day("2026-11-19")), Failure);
  // On the current version's own day, it is replaced, not stacked.
  change.step = "Write three sentences";
  Goal same_day = apply_step_change(later, change, day("2026-11-20"));
  CHECK(same_day.history.size() == 1);
  CHECK(same_day.step == "Write three sentences");
}

TEST_CASE("goal_file: bad files are data failures naming the file and the line") {
  auto [code, message] = failure_of("id: g\nstep: Read\nstarted: 2026-11-01\nschedule: 8/week\n");
  CHECK(code == ExitCode::data);
  CHECK(message.starts_with("goals/g.yaml:4: "));
  CHECK(message.find("schedule") != std::string::npos);

  std::tie(code, message) = failure_of("id: g\nstep: Read\nstarted: 2026-02-30\n");
  CHECK(code == ExitCode::data);
  CHECK(message.starts_with("goals/g.yaml:3: "));

  std::tie(code, message) = failure_of("id: g\nstarted: 2026-11-01\n");  // no step
  CHECK(code == ExitCode::data);
  CHECK(message.find("step") != std::string::npos);

  std::tie(code, message) = failure_of("- id: g\n");
  CHECK(code == ExitCode::data);
  CHECK(message.starts_with("goals/g.yaml:1: "));

  std::tie(code, message) = failure_of("");
  CHECK(code == ExitCode::data);

  std::tie(code, message) = failure_of("id: g\nstep: Read\nstarted: 2026-11-01\nstatus: sleeping\n");
  CHECK(code == ExitCode::data);
  CHECK(message.starts_with("goals/g.yaml:4: "));
}

TEST_CASE("goal_file: a text whose escapes read as bytes that are not UTF-8 is refused, naming the line") {
  // yaml-cpp reads "\N" (next line) and "\_" (no-break space) as the single bytes 0x85 and
  // 0xA0: text that could be written to no JSON, and that does not read back once written
  // (fuzz_goal_file found it).
  for (const std::string escaped : {"\\N", "\\_", "\\x85", "\\xff"}) {
    CAPTURE(escaped);
    const std::string text = "id: g\nstarted: 2026-11-01\nstep: \"Say hi" + escaped + "\"\n";
    std::optional<Goal> goal;
    try {
      goal = parse_goal_text(text, "goals/g.yaml");
    } catch (const Failure& f) {
      CHECK(f.code() == ExitCode::data);
      CHECK(std::string(f.what()).starts_with("goals/g.yaml:3: not valid UTF-8 once its escapes are read"));
      continue;
    }
    // Accepted: then it is UTF-8 and reads back as written.
    REQUIRE(goal);
    CHECK(is_valid_utf8(goal->step));
    CHECK(parse_goal_text(render_new_goal(*goal), "goals/g.yaml") == goal);
  }
}

}  // namespace microstep
