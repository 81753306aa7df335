// import and export, end to end: Loop Habit Tracker and harsh fixtures into empty journals,
// importing twice, csv and json round trips, and the iCalendar export checked line by line.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

const std::string kFixtures = std::string(MICROSTEP_SOURCE_DIR) + "/tests/fixtures";

RunOptions pinned(const std::string& today, const std::string& now = "") {
  RunOptions o;
  o.env = {{"MICROSTEP_TODAY", today}};
  if (!now.empty()) o.env.emplace_back("MICROSTEP_NOW", now);
  return o;
}

/// Runs and requires exit 0, showing stderr otherwise.
RunResult ok(const TempJournal& j, const std::vector<std::string>& args, const RunOptions& options) {
  RunResult r = j.run(args, options);
  INFO("microstep " << args.front() << " stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

/// `stats --json` as a map from goal id to its object.
/// Every goal's stats, archived ones too.
std::map<std::string, Json> stats_by_id(const TempJournal& j, const RunOptions& options) {
  RunResult r = ok(j, {"--json", "stats", "--all"}, options);
  Json all = parse_json(r.out);
  std::map<std::string, Json> by_id;
  for (size_t i = 0; i < all.size(); ++i) by_id[all[i]["id"].as_string()] = all[i];
  return by_id;
}

bool contains(const Json& array, const std::string& part) {
  for (size_t i = 0; i < array.size(); ++i)
    if (array[i].as_string().find(part) != std::string::npos) return true;
  return false;
}

std::vector<std::string> crlf_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\r\n", start);
    REQUIRE_MESSAGE(end != std::string::npos, "a line without CRLF at byte " << start);
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

/// A journal using every field a goal and a check-in can have.
void seed_rich_journal(const TempJournal& j) {
  const std::string examples = std::string(MICROSTEP_SOURCE_DIR) + "/examples/journal";
  j.write("microstep.yaml", read_file(examples + "/microstep.yaml"));
  for (const char* id : {"floss", "guitar", "run", "write-novel"})
    j.write(std::string("goals/") + id + ".yaml", read_file(examples + "/goals/" + id + ".yaml"));
  j.write("goals/stretch.yaml",
          "# Written by hand, with history.\n"
          "id: stretch\n"
          "goal: \"Touch my toes, one day; \\\"really\\\"\"\n"
          "step: Stretch for two breaths\n"
          "after: I get out of bed\n"
          "schedule: 2/week\n"
          "started: 2026-10-20\n"
          "since: 2026-11-10\n"
          "status: active\n"
          "feeling: loose — ünïcödé ✓\n"
          "unit: breaths\n"
          "minimum: 2\n"
          "minutes: 0.5\n"
          "at: \"06:45\"\n"
          "history:\n"
          "  - from: 2026-10-20\n"
          "    step: Stretch for one breath\n"
          "    schedule: daily\n"
          "    minimum: 1\n"
          "  - from: 2026-11-01\n"
          "    step: Stretch, once\n"
          "    schedule: mon,wed,fri\n"
          "    after: I make coffee\n");
  std::string log = read_file(examples + "/checkins.log");
  log +=
      "2026-10-21\t2026-10-21T06:50:00+02:00\tdone\tstretch\t3\tfelt \"good\", really; yes\\nsecond line\tI can\n"
      "2026-10-22\t2026-10-22T06:50:00+02:00\tdone\tstretch\t\t\n"
      "2026-10-22\t2026-10-22T06:51:00+02:00\tundo\tstretch\t\t\n"
      "2026-10-23\t2026-10-23T06:50:00+02:00\tskip\tstretch\t\tsore\\tback\n"
      "2026-10-25\t2026-10-25T06:50:00+02:00\tpause\tstretch\t\ttravel\n"
      "2026-10-29\t2026-10-29T06:50:00+01:00\tresume\tstretch\t\t\n"
      "2026-11-03\t2026-11-03T06:50:00-05:30\tdone\tstretch\t2.25\t\n"
      "2026-11-03\t2026-11-03T19:50:00-05:30\tdone\tstretch\t2.25\t\n"
      "2026-11-12\t2026-11-12T06:50:00+01:00\tdone\tstretch\t4\t\n"
      "2026-11-20\t2026-11-20T06:50:00+01:00\tdone\tstretch\t\t\n";
  j.write("checkins.log", log);
}

}  // namespace

TEST_CASE("import loop: the fixture export into an empty journal - twice adds nothing") {
  TempJournal j;
  RunOptions at = pinned("2026-11-10");
  ok(j, {"init"}, at);
  RunResult first = ok(j, {"import", "loop", kFixtures + "/loop"}, at);
  CHECK(first.out.find("4 goals added: meditate, gym, wake-up-early, water") != std::string::npos);
  CHECK(first.out.find("17 check-ins added") != std::string::npos);
  CHECK(first.out.find("Approximated") != std::string::npos);
  CHECK(first.out.find("Not carried over") != std::string::npos);

  auto stats = stats_by_id(j, at);
  REQUIRE(stats.size() == 4);
  CHECK(stats["meditate"]["schedule"].as_string() == "daily");
  CHECK(stats["meditate"]["done_days"].as_number() == 6);
  CHECK(stats["meditate"]["first_done"].as_string() == "2026-11-03");
  CHECK(stats["meditate"]["last_done"].as_string() == "2026-11-10");
  CHECK(stats["gym"]["schedule"].as_string() == "3 in 7 days");
  CHECK(stats["gym"]["done_days"].as_number() == 4);
  CHECK(stats["wake-up-early"]["schedule"].as_string() == "2 in 3 days");
  CHECK(stats["wake-up-early"]["done_days"].as_number() == 3);
  // "At least 8 glasses": the 9th's 6 glasses are recorded but the day does not count, as
  // Loop judges it too.
  CHECK(stats["water"]["done_days"].as_number() == 2);
  CHECK(stats["water"]["total_amount"].as_number() == 24);
  CHECK(stats["water"]["unit"].as_string() == "glasses");
  CHECK(j.read("goals/meditate.yaml").find("goal: A calm mind") != std::string::npos);
  CHECK(j.read("checkins.log").find("skip\tmeditate\t\tTravelling") != std::string::npos);

  std::string log = j.read("checkins.log");
  std::string stats_before = ok(j, {"--json", "stats"}, at).out;
  RunResult second = ok(j, {"--json", "import", "loop", kFixtures + "/loop/Habits.csv"}, at);
  Json r = parse_json(second.out);
  CHECK(r["events_added"].as_number() == 0);
  CHECK(r["events_present"].as_number() == 17);
  CHECK(r["goals_added"].size() == 0);
  CHECK(r["goals_unchanged"].size() == 4);
  CHECK_FALSE(contains(r["approximations"], "Wake up early"));  // a rolling window, kept exactly
  CHECK(contains(r["not_carried"], "001 Meditate/Checkmarks.csv:6: the note 'Overslept'"));
  CHECK(contains(r["not_carried"], "habit colors"));
  CHECK(j.read("checkins.log") == log);
  CHECK(ok(j, {"--json", "stats"}, at).out == stats_before);
}

TEST_CASE("import harsh: the fixture files into an empty journal - twice adds nothing") {
  TempJournal j;
  RunOptions at = pinned("2026-11-10");
  ok(j, {"init"}, at);
  RunResult first = ok(j, {"--json", "import", "harsh", kFixtures + "/harsh"}, at);
  Json r = parse_json(first.out);
  CHECK(r["goals_added"].size() == 8);
  CHECK(r["events_added"].as_number() == 19);
  CHECK(r["approximations"].size() == 0);  // harsh's windows roll as K in N days do; 0 is tracking
  CHECK(contains(r["not_carried"], "habits:8: the heading 'Dailies'"));
  CHECK(contains(r["not_carried"], "habits:19: Old habit: the end date 2026-11-05"));
  CHECK(contains(r["not_carried"], "log:6: the comment 'Too tired' on a missed day (n) of Gymmed"));
  CHECK(contains(r["not_carried"], "log:20: Meditated on 2026-11-09 is replaced by log:23"));
  CHECK(contains(r["not_carried"], "log:22: 1 entry for 'Yoga', which is not in habits"));

  auto stats = stats_by_id(j, at);
  REQUIRE(stats.size() == 8);
  struct Expected {
    const char* id;
    const char* schedule;
    double done_days;
    double total_amount;
  };
  for (Expected e : {Expected{"meditated", "daily", 7, 16}, Expected{"gymmed", "3 in 7 days", 4, 4},
                     Expected{"called-mom", "1 in 7 days", 1, 1}, Expected{"did-finances", "2 in 30 days", 1, 1},
                     Expected{"ran", "2 in 10 days", 1, 5.2}, Expected{"watered-plants", "1 in 3 days", 1, 1},
                     Expected{"old-habit", "daily", 1, 1}, Expected{"coffee", "tracking", 1, 3}}) {
    CAPTURE(e.id);
    REQUIRE(stats.count(e.id));
    CHECK(stats[e.id]["schedule"].as_string() == e.schedule);
    CHECK(stats[e.id]["done_days"].as_number() == e.done_days);
    CHECK(stats[e.id]["total_amount"].as_number() == doctest::Approx(e.total_amount));
  }
  CHECK(stats["meditated"]["first_done"].as_string() == "2026-11-01");
  CHECK(j.read("goals/old-habit.yaml").find("status: archived") != std::string::npos);
  CHECK(j.read("checkins.log").find("done\tmeditated\t\tchanged my mind: second entry wins") != std::string::npos);

  std::string log = j.read("checkins.log");
  RunResult second = ok(j, {"import", "harsh", kFixtures + "/harsh"}, at);
  CHECK(second.out.find("0 check-ins added, 19 were already in the log") != std::string::npos);
  CHECK(second.out.find("8 goals were already there") != std::string::npos);
  CHECK(j.read("checkins.log") == log);
}

// The README's promise: moving over, the chain does not start again at zero. By hand, today
// Tuesday 2026-11-10: Loop's "Wake up early" (2 times in any 3 days) was checked on the 6th,
// 8th and 10th: the 6th-8th and the 8th-10th hold two each, so the 7th and 9th are not asked
// and nothing is missed: three done days in a row, all of them asked: 100%. "Gym" (3 in any
// 7 days), checked on the 2nd, 4th, 6th and 9th: the 2nd-8th holds 2, 4, 6 and the 4th-10th
// holds 4, 6, 9, so every day is kept: four in a row. Strength, K/N checks a day: 0.14, 0.19.
TEST_CASE("import loop: a rolling goal keeps its history's chain") {
  TempJournal j;
  RunOptions at = pinned("2026-11-10");
  ok(j, {"init"}, at);
  ok(j, {"import", "loop", kFixtures + "/loop"}, at);
  RunResult stats = ok(j, {"stats", "wake-up-early", "gym"}, at);
  CHECK(stats.out.starts_with("wake-up-early: Wake up early (2 in 3 days)\n"
                              "  streak     3-day streak\n"
                              "  longest    3 days, 2026-11-06 to 2026-11-10\n"
                              "  rate       7d 100%  30d 100%  90d 100%  all 100%\n"
                              "  strength   0.14\n"
                              "  total      3 days done, last 2026-11-10 (today)\n"
                              "  too early to judge: 3 of 3 scheduled days done so far\n"));
  CHECK(stats.out.find("gym: Gym (3 in 7 days)\n"
                                 "  streak     4-day streak\n"
                                 "  longest    4 days, 2026-11-02 to 2026-11-09\n"
                                 "  rate       7d 100%  30d 100%  90d 100%  all 100%\n"
                                 "  strength   0.19\n") != std::string::npos);
  Json calendar = parse_json(ok(j, {"--json", "calendar", "wake-up-early", "--weeks", "2"}, at).out);
  std::string states;
  for (size_t i = 0; i < calendar["goals"][0]["days"].size(); ++i)
    states += calendar["goals"][0]["days"][i]["state"].as_string() + " ";
  // From Monday the 2nd; the goal starts on the 6th, its first check-mark.
  CHECK(states == "not_started not_started not_started not_started done unscheduled done unscheduled done ");
  // Nothing is due: the 8th and the 10th keep the 10th.
  CHECK(j.run({"due"}, at).out.find("wake-up-early") == std::string::npos);
}

// By hand, today 2026-11-10: harsh's "Gymmed: 3/7", y on the 1st, 4th, 6th and 8th (n on the
// 3rd): the 1st-7th holds 1, 4, 6 and the 4th-10th 4, 6, 8: four in a row, 100%. "Ran: 2/10",
// y on the 2nd, s on the 9th: the 2nd-11th holds a done and a rest day: kept, one done day.
// "Did finances: 2/30", y on the 7th: its window may still hold two, so the days since are
// not judged yet and today is open. "Coffee: 0" is tracked only.
TEST_CASE("import harsh: K/N habits keep their chain - 0 is tracked only") {
  TempJournal j;
  RunOptions at = pinned("2026-11-10");
  ok(j, {"init"}, at);
  ok(j, {"import", "harsh", kFixtures + "/harsh"}, at);
  CHECK(ok(j, {"stats", "gymmed"}, at).out.starts_with("gymmed: Gymmed (3 in 7 days)\n"
                                                     "  streak     4-day streak\n"
                                                     "  longest    4 days, 2026-11-01 to 2026-11-08\n"
                                                     "  rate       7d 100%  30d 100%  90d 100%  all 100%\n"
                                                     "  strength   0.20\n"));
  CHECK(ok(j, {"stats", "ran"}, at).out.find("  streak     1-day streak\n") != std::string::npos);
  CHECK(ok(j, {"stats", "did-finances"}, at).out.find("  streak     1-day streak, open today\n") !=
        std::string::npos);
  CHECK(ok(j, {"stats", "coffee"}, at).out ==
        "coffee: Coffee (tracking)\n"
        "  total      1 day done, last 2026-11-06 (4 days ago)\n"
        "  tracking only: counted, never scored\n"
        "  No suggestion for a goal tracked only: it is counted, never scored.\n");
  RunResult due = j.run({"due"}, at);
  CHECK(due.out == "did-finances\tDid finances\nmeditated\tMeditated\n");
  CHECK(j.read("goals/coffee.yaml").find("schedule: tracking\n") != std::string::npos);
}

TEST_CASE("import: a dry run writes nothing - new check-ins in the source are added later") {
  TempJournal j;
  RunOptions at = pinned("2026-11-10");
  ok(j, {"init"}, at);
  j.write("harsh/habits", "Meditated: 1\n");
  j.write("harsh/log", "2026-11-01 : Meditated : y\n");
  RunResult dry = ok(j, {"import", "harsh", j.file("harsh"), "--dry-run"}, at);
  CHECK(dry.out.find("Would import") != std::string::npos);
  CHECK_FALSE(j.exists("goals/meditated.yaml"));
  CHECK(j.read("checkins.log").empty());
  ok(j, {"import", "harsh", j.file("harsh")}, at);
  CHECK(lines_of(j.read("checkins.log")).size() == 1);
  j.write("harsh/log", "2026-11-01 : Meditated : y\n2026-11-02 : Meditated : y : again : 0\n");
  RunResult more = ok(j, {"--json", "import", "harsh", j.file("harsh")}, at);
  Json r = parse_json(more.out);
  CHECK(r["events_added"].as_number() == 1);
  CHECK(r["events_present"].as_number() == 1);
  CHECK(lines_of(j.read("checkins.log")).size() == 2);
}

TEST_CASE("import: bad arguments and bad files are refused with the right exit code") {
  TempJournal j;
  RunOptions at = pinned("2026-11-10");
  ok(j, {"init"}, at);
  auto refused = [&](const std::vector<std::string>& args, int code, const std::string& message) {
    RunResult r = j.run(args, at);
    CHECK(r.exit_code == code);
    CHECK_MESSAGE(r.err.find(message) != std::string::npos, "stderr was: " << r.err);
    CHECK(j.read("checkins.log").empty());
    CHECK_FALSE(j.exists("goals/a.yaml"));
  };
  refused({"import", "todoist", "x"}, 2, "");
  refused({"import", "loop"}, 2, "");
  refused({"import", "loop", kFixtures + "/harsh"}, 2, "no Habits.csv");
  refused({"import", "harsh", kFixtures + "/loop"}, 2, "no habits file");
  refused({"import", "csv", j.file("missing.csv")}, 2, "no such file");
  j.write("bad.csv", "#microstep-export,1\n#goal,id,step,started\ngoal,a,A,2026-11-01\ngoal,b,B,yesterday\n");
  refused({"import", "csv", j.file("bad.csv")}, 3, "bad.csv:4: started 'yesterday' is not a date");
  j.write("bad.json", "{\"format\": \"microstep-export\", \"version\": 1,\n \"goals\": [\n {\"id\": \"a\", \"step\": \"A\"}]}");
  refused({"import", "json", j.file("bad.json")}, 3, "bad.json:3: missing started");
  j.write("loop/Habits.csv", "Name,Whatever\nx,y\n");
  refused({"import", "loop", j.file("loop")}, 3, "Habits.csv:1: ");
}

TEST_CASE("import json: a multi-line export names its bad record's line, or its syntax error's") {
  TempJournal j;
  RunOptions at = pinned("2026-11-10");
  ok(j, {"init"}, at);
  // As `jq .` or a person's editor leaves an export: one member a line.
  auto pretty = [](const std::string& last_event) {
    return "{\n"
           "  \"format\": \"microstep-export\",\n"
           "  \"version\": 1,\n"
           "  \"goals\": [\n"
           "    {\n"
           "      \"id\": \"floss\",\n"
           "      \"step\": \"Floss one tooth\",\n"
           "      \"started\": \"2026-11-01\"\n"
           "    }\n"
           "  ],\n"
           "  \"events\": [\n"
           "    {\n"
           "      \"day\": \"2026-11-02\",\n"
           "      \"event\": \"done\",\n"
           "      \"goal\": \"floss\"\n"
           "    },\n"
           "    {\n" +  // line 17
           last_event +
           "\n    }\n"
           "  ]\n"
           "}\n";
  };
  auto refused = [&](const std::string& text, const std::string& message) {
    j.write("edited.json", text);
    RunResult r = j.run({"import", "json", j.file("edited.json")}, at);
    CHECK(r.exit_code == 3);
    CHECK(r.err == "microstep: " + j.file("edited.json") + message + "\n");
    CHECK(j.read("checkins.log").empty());
    CHECK_FALSE(j.exists("goals/floss.yaml"));
  };
  refused(pretty("      \"day\": \"2026-11-03\",\n      \"event\": \"done\",\n      \"goal\": \"floss\",\n"
                 "      \"amount\": -2"),
          ":17: amount '-2' is not a number from 0 to 1000000000, such as 3 or 2.5");
  refused(pretty("      \"day\": \"2026-11-03\",\n      \"event\": \"done\",\n      \"goal\": \"floss\",,"),
          ":20: syntax error while parsing object key - unexpected ','; expected string literal");
  j.write("edited.json", pretty("      \"day\": \"2026-11-03\",\n      \"event\": \"done\",\n      \"goal\": \"floss\""));
  RunResult r = ok(j, {"--json", "import", "json", j.file("edited.json")}, at);
  CHECK(parse_json(r.out)["events_added"].as_number() == 2);
}

TEST_CASE("export csv and json, then import into an empty journal: the same stats") {
  TempJournal a;
  seed_rich_journal(a);
  RunOptions at = pinned("2026-11-22", "2026-11-22T09:00:00+01:00");
  std::string stats_a = ok(a, {"--json", "stats"}, at).out;
  std::string list_a = ok(a, {"--json", "list"}, at).out;
  for (const char* format : {"csv", "json"}) {
    CAPTURE(format);
    std::string exported = ok(a, {"export", "--format", format}, at).out;
    if (std::string(format) == "csv") CHECK(ok(a, {"export"}, at).out == exported);  // csv by default
    RunResult to_file = ok(a, {"export", "--format", format, "-o", std::string("out.") + format}, at);
    CHECK(to_file.out.find("Exported 5 goals and") != std::string::npos);
    CHECK(a.read(std::string("out.") + format) == exported);

    TempJournal b;
    ok(b, {"init"}, at);
    b.write(std::string("in.") + format, exported);
    RunResult imported = ok(b, {"--json", "import", format, b.file(std::string("in.") + format)}, at);
    Json r = parse_json(imported.out);
    CHECK(r["goals_added"].size() == 5);
    CHECK(r["not_carried"].size() == 0);
    CHECK(ok(b, {"--json", "stats"}, at).out == stats_a);
    CHECK(ok(b, {"--json", "list"}, at).out == list_a);
    CHECK(ok(b, {"export", "--format", format}, at).out == exported);
    // Again: nothing added.
    std::string log = b.read("checkins.log");
    Json again = parse_json(ok(b, {"--json", "import", format, b.file(std::string("in.") + format)}, at).out);
    CHECK(again["events_added"].as_number() == 0);
    CHECK(again["goals_unchanged"].size() == 5);
    CHECK(b.read("checkins.log") == log);
  }
}

TEST_CASE("export --since keeps every goal and only the later check-ins") {
  TempJournal a;
  seed_rich_journal(a);
  RunOptions at = pinned("2026-11-22");
  std::string csv = ok(a, {"export", "--since", "2026-11-20"}, at).out;
  auto lines = lines_of(csv);
  size_t goals = 0, events = 0;
  for (const auto& line : lines) {
    if (line.starts_with("goal,")) ++goals;
    if (line.starts_with("event,")) {
      ++events;
      CHECK(line.substr(6, 10) >= "2026-11-20");
    }
  }
  CHECK(goals == 5);
  CHECK(events > 0);
  Json json = parse_json(ok(a, {"export", "--format", "json", "--since", "-2"}, at).out);
  for (size_t i = 0; i < json["events"].size(); ++i) CHECK(json["events"][i]["day"].as_string() >= "2026-11-20");
  CHECK(a.run({"export", "--since", "someday"}, at).exit_code == 2);
  CHECK(a.run({"export", "--format", "xml"}, at).exit_code == 2);
}

TEST_CASE("export leaves out check-ins of goals without a file, and says so") {
  TempJournal a;
  seed_rich_journal(a);
  a.write("checkins.log", a.read("checkins.log") + "2026-11-21\t2026-11-21T08:00:00+00:00\tdone\tghost\t\t\n");
  RunResult r = ok(a, {"export"}, pinned("2026-11-22"));
  CHECK(r.out.find("ghost") == std::string::npos);
  CHECK(r.err.find("1 check-in of unknown goal 'ghost'") != std::string::npos);
}

TEST_CASE("export --format ics: a valid calendar, one recurring event per active goal") {
  TempJournal a;
  seed_rich_journal(a);
  a.write("goals/tricky.yaml",
          "id: tricky\n"
          "goal: \"A goal, with; every \\\\ kind\\nof line and a description long enough to need folding twice over ✓✓✓\"\n"
          "step: \"Write one line, then; rest \\\\ breathe — ünïcödé ✓ and a step that is long enough to be folded\"\n"
          "schedule: every 3 days\n"
          "started: 2026-11-01\n"
          "at: \"21:05\"\n");
  a.write("goals/monthly.yaml", "id: monthly\nstep: Pay the bills\nschedule: 2/month\nstarted: 2026-11-05\n");
  a.write("goals/resting.yaml", "id: resting\nstep: Rest\nschedule: daily\nstarted: 2026-11-01\nstatus: paused\n");
  a.write("goals/finished.yaml", "id: finished\nstep: Done\nschedule: daily\nstarted: 2026-11-01\nstatus: done\n");
  RunOptions at = pinned("2026-11-22", "2026-11-22T09:30:15+01:00");
  std::string ics = ok(a, {"export", "--format", "ics"}, at).out;

  // CRLF everywhere, no line over 75 octets, continuation lines start with one space.
  for (size_t i = 0; i < ics.size(); ++i)
    if (ics[i] == '\n') REQUIRE((i > 0 && ics[i - 1] == '\r'));
  auto physical = crlf_lines(ics);
  bool folded = false;
  std::vector<std::string> lines;
  for (const auto& line : physical) {
    CHECK(line.size() <= 75);
    REQUIRE_FALSE(line.empty());
    if (line[0] == ' ') {
      folded = true;
      lines.back() += line.substr(1);
    } else {
      lines.push_back(line);
    }
  }
  CHECK(folded);
  auto has = [&](const std::string& l) { return std::find(lines.begin(), lines.end(), l) != lines.end(); };
  auto count = [&](const std::string& l) { return std::count(lines.begin(), lines.end(), l); };

  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  CHECK(has("VERSION:2.0"));
  CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return l.starts_with("PRODID:"); }));
  // Active goals: floss, guitar, run, write-novel, stretch, tricky, monthly; not resting or finished.
  CHECK(count("BEGIN:VEVENT") == 7);
  CHECK(count("END:VEVENT") == 7);
  for (const char* id : {"floss", "guitar", "run", "write-novel", "stretch", "tricky", "monthly"})
    CHECK(has(std::string("UID:") + id + "@microstep"));
  CHECK_FALSE(has("UID:resting@microstep"));
  CHECK_FALSE(has("UID:finished@microstep"));
  CHECK(count("DTSTAMP:20261122T083015Z") == 7);

  CHECK(has("RRULE:FREQ=DAILY"));                                 // floss, write-novel
  CHECK(has("RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR"));                 // run; guitar (3/week from Monday)
  CHECK(has("RRULE:FREQ=WEEKLY;BYDAY=TU,FR"));                    // stretch: 2/week since Tuesday 11-10
  CHECK(has("RRULE:FREQ=DAILY;INTERVAL=3"));                      // tricky
  CHECK(has("RRULE:FREQ=MONTHLY;BYMONTHDAY=5,19"));               // monthly
  CHECK(has("DTSTART:20261110T064500"));                          // stretch at 06:45
  CHECK(has("DURATION:PT1M"));                                    // 0.5 minutes, rounded up
  CHECK(has("DTSTART:20261101T210500"));                          // tricky at 21:05
  CHECK(has("DURATION:PT15M"));                                   // no minutes: 15
  CHECK(has("DTSTART;VALUE=DATE:20261101"));                      // floss, all day
  CHECK(has("DTSTART;VALUE=DATE:20261026"));                      // run: a Monday
  CHECK(has("SUMMARY:Write one line\\, then\\; rest \\\\ breathe — ünïcödé ✓ and a step that is long enough to be folded"));
  CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& l) {
    return l.starts_with("DESCRIPTION:I will write one line\\, then\\; rest \\\\ breathe") &&
           l.find("\\nGoal: A goal\\, with\\; every \\\\ kind\\nof line") != std::string::npos;
  }));
  CHECK(has("DESCRIPTION:After I brush my teeth at night\\, I will floss one tooth.\\nGoal: Healthy teeth\\n"
            "Check in: microstep done floss"));
  CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& l) {
    return l.starts_with("DESCRIPTION:After I finish dinner") && l.find("Any 3 days a week count\\;") != std::string::npos;
  }));

  RunResult to_file = ok(a, {"export", "--format", "ics", "-o", "steps.ics"}, at);
  CHECK(to_file.out == "Exported 7 active goals as recurring events to steps.ics\n");
  CHECK(a.read("steps.ics") == ics);
}

}  // namespace microstep::test
