// `-` names standard input for import csv and json (a pipe from export, or from another tool);
// loop and harsh read a folder, which standard input cannot hold, so `-` is refused for them.
#include <doctest/doctest.h>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

RunOptions pinned_with(std::string stdin_text = "") {
  return {.stdin_text = std::move(stdin_text), .env = {{"MICROSTEP_TODAY", "2026-11-22"}}};
}

RunResult ok(const TempJournal& j, const std::vector<std::string>& args,
             const RunOptions& options) {
  RunResult r = j.run(args, options);
  INFO("microstep " << args[0] << ": " << r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

}  // namespace

TEST_CASE(
    "import csv - and import json - read standard input: export | import gives the same stats") {
  TempJournal a;
  copy_examples(a);
  const std::string stats = ok(a, {"--json", "stats"}, pinned_with()).out;
  for (const std::string format : {"csv", "json"}) {
    CAPTURE(format);
    const std::string exported = ok(a, {"export", "--format", format}, pinned_with()).out;
    TempJournal b;
    ok(b, {"init"}, pinned_with());
    RunResult imported = ok(b, {"import", format, "-"}, pinned_with(exported));
    CHECK(imported.out ==
          "Imported from a microstep " + format +
              " export (standard input):\n"
              "  4 goals added: floss, guitar, run, write-novel\n"
              "  68 check-ins added, 0 were already in the log\n");  // the 68 lines of its log
    CHECK(ok(b, {"--json", "stats"}, pinned_with()).out == stats);
    // Again, as JSON: the path is what was given.
    Json again = parse_json(ok(b, {"--json", "import", format, "-"}, pinned_with(exported)).out);
    CHECK(again["path"].as_string() == "-");
    CHECK(again["events_added"].as_number() == 0);
    CHECK(again["goals_unchanged"].size() == 4);
  }
}

TEST_CASE("import from standard input: bad data names it, nothing is written") {
  TempJournal j;
  ok(j, {"init"}, pinned_with());
  RunResult bad =
      j.run({"import", "csv", "-"},
            pinned_with("#microstep-export,1\n#goal,id,step,started\ngoal,a,A,yesterday\n"));
  CHECK(bad.exit_code == 3);
  CHECK(bad.err == "microstep: standard input:3: started 'yesterday' is not a date (YYYY-MM-DD)\n");
  RunResult binary = j.run({"import", "json", "-"}, pinned_with("\xff\xfe{}"));
  CHECK(binary.exit_code == 3);
  CHECK(binary.err == "microstep: standard input: not UTF-8 text\n");
  RunResult empty = j.run({"import", "json", "-"}, pinned_with(""));
  CHECK(empty.exit_code == 3);
  CHECK(j.read("checkins.log") == "");
  CHECK_FALSE(j.exists("goals/a.yaml"));
}

TEST_CASE("import loop - and import harsh - are refused: both read a folder") {
  TempJournal j;
  ok(j, {"init"}, pinned_with());
  RunResult loop = j.run({"import", "loop", "-"}, pinned_with("Position,Name\n"));
  CHECK(loop.exit_code == 2);
  CHECK(loop.err ==
        "microstep: import loop reads a folder (Loop's export, unzipped: Habits.csv and a folder "
        "per habit), which standard input cannot hold; give its path\n");
  RunResult harsh = j.run({"import", "harsh", "-"}, pinned_with("Meditated: 1\n"));
  CHECK(harsh.exit_code == 2);
  CHECK(harsh.err ==
        "microstep: import harsh reads a folder (harsh's habits and log files), which standard "
        "input cannot hold; give its path\n");
  CHECK(j.read("checkins.log") == "");
}

TEST_CASE("a file named - is read as ./-") {
  TempJournal a;
  copy_examples(a);
  TempJournal b;
  ok(b, {"init"}, pinned_with());
  b.write("-", ok(a, {"export"}, pinned_with()).out);
  RunResult r = ok(b, {"import", "csv", "./-"}, pinned_with("not read"));
  CHECK(r.out.starts_with("Imported from a microstep csv export (./-):\n  4 goals added"));
}

}  // namespace microstep::test
