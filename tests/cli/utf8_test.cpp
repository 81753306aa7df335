// Text is UTF-8 everywhere microstep reads or writes it: goal files and settings are checked
// as the log is (file:line, exit 3), arguments that become text in the journal are checked
// (exit 2, nothing written), and every JSON output is valid UTF-8 whatever is on disk.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/harness.hpp"
#include "cli/write_journal.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

/// Is `text` one strict JSON document? (The reader refuses raw bytes that are not UTF-8.)
bool valid_json(const std::string& text) {
  try {
    parse_json(text);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

TEST_CASE("a goal file that is not UTF-8 is refused with its line - by check and by every reader") {
  TempJournal j;
  seed_write_journal(j, "");
  j.write("goals/write.yaml", "id: write\nstep: Write one \xe9t\xe9 sentence\nstarted: 2026-11-01\n");  // Latin-1
  RunResult check = j.run({"check"}, kPinned);
  CHECK(check.exit_code == 3);
  CHECK(check.out == "goals/write.yaml:2: not valid UTF-8 (byte 0xE9 at column 17); save the file as UTF-8\n");
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"list"}, {"--json", "list"}, {"--json", "stats"}, {"--json", "export", "--format", "json"}}) {
    CAPTURE(args.back());
    RunResult r = j.run(args, kPinned);
    CHECK(r.exit_code == 3);
    CHECK(r.err == "microstep: goals/write.yaml:2: not valid UTF-8 (byte 0xE9 at column 17); save the file as UTF-8\n");
    CHECK(r.out.empty());
  }
}

TEST_CASE("settings that are not UTF-8 are refused with their line") {
  TempJournal j;
  seed_write_journal(j, "");
  j.write("microstep.yaml", "celebrations:\n  - \"Bravo \xff!\"\n");
  RunResult r = j.run({"done", "write"}, kPinned);
  CHECK(r.exit_code == 3);
  CHECK(r.err == "microstep: microstep.yaml:2: not valid UTF-8 (byte 0xFF at column 12); save the file as UTF-8\n");
  CHECK(j.read("checkins.log").empty());
}

TEST_CASE("arguments that are not UTF-8 are refused before anything is written") {
  TempJournal j;
  seed_write_journal(j, "");
  const std::string bad = "caf\xe9";
  const std::vector<std::vector<std::string>> commands{
      {"add", "read", bad},
      {"add", "read", "Read one page", "--goal", bad},
      {"add", "read", "Read one page", "--after", bad},
      {"add", "read", "Read one page", "--feeling", bad},
      {"add", "read", "Read one page", "--unit", bad},
      {"set", "write", "--goal", bad},
      {"set", "write", "--step", bad},
      {"set", "write", "--after", bad},
      {"set", "write", "--feeling", bad},
      {"set", "write", "--unit", bad},
      {"shrink", "write", bad},
      {"grow", "write", bad, "--force"},
      {"done", "write", "--note", bad},
      {"skip", "write", "--note", bad},
  };
  for (const auto& args : commands) {
    CAPTURE(args[0]);
    CAPTURE(args[args.size() - 2]);
    RunResult r = j.run(args, kPinned);
    CHECK(r.exit_code == 2);
    CHECK_MESSAGE(r.err.find("valid UTF-8") != std::string::npos, r.err);
    CHECK_FALSE(j.exists("goals/read.yaml"));
    CHECK(j.read("goals/write.yaml") == kWriteGoal);
    CHECK(j.read("checkins.log").empty());
  }
}

TEST_CASE("JSON output is valid UTF-8 whatever the file names hold") {
  TempJournal outer;
  const std::string dir = outer.file("journal-\xff\xfe");
  RunResult init = run_microstep({"--json", "init", dir});
  REQUIRE(init.exit_code == 0);
  CHECK_MESSAGE(valid_json(init.out), init.out);
  CHECK(init.out.find("journal-\xef\xbf\xbd\xef\xbf\xbd\"") != std::string::npos);  // U+FFFD for each byte

  TempJournal j;
  seed_write_journal(j, "");
  RunResult exported = j.run({"--json", "export", "-o", j.file("out-\xc3.csv")}, kPinned);
  REQUIRE(exported.exit_code == 0);
  CHECK_MESSAGE(valid_json(exported.out), exported.out);
}

}  // namespace microstep::test
