// The coaching rules a binary finds: those built into it wherever it is copied, the installed
// PREFIX/share/microstep/rules.yaml beside its PREFIX/bin when there is one, and a journal's
// own rules.yaml on top of either.
#include <doctest/doctest.h>

#include <filesystem>

#include "cli/harness.hpp"

namespace microstep::test {

namespace {

/// A daily goal "Write one chapter" since 2026-11-01, missed on 3 of the last 7 days: the
/// 7-day rule says make it smaller, and the default ladder says "one page".
void chapter_goal(const TempJournal& j) {
  j.write("microstep.yaml", "week_starts: monday\n");
  j.write("goals/g.yaml", "id: g\nstep: Write one chapter\nschedule: daily\nstarted: 2026-11-01\n");
  std::string log;
  for (int d = 1; d <= 21; ++d) {
    if (d == 15 || d == 17 || d == 19) continue;
    std::string day = "2026-11-" + std::string(d < 10 ? "0" : "") + std::to_string(d);
    log += day + "\t" + day + "T08:00:00+00:00\tdone\tg\t\t\n";
  }
  j.write("checkins.log", log);
}

/// Copies the binary to PREFIX/bin/microstep under the journal; returns its path.
std::string copy_binary(const TempJournal& j, const std::string& prefix) {
  std::filesystem::create_directories(j.file(prefix + "/bin"));
  std::string copy = j.file(prefix + "/bin/microstep");
  std::filesystem::copy_file(MICROSTEP_BINARY, copy);
  return copy;
}

const std::vector<std::string> kSuggest{"--today", "2026-11-21", "suggest"};

}  // namespace

TEST_CASE("rules: a binary copied anywhere coaches with the rules built into it") {
  TempJournal j;
  chapter_goal(j);
  RunResult built = j.run(kSuggest);
  REQUIRE(built.exit_code == 0);
  CHECK(built.out.find("Make it smaller: \"Write one page\"") != std::string::npos);
  std::string copy = copy_binary(j, "elsewhere");
  RunResult copied = j.run_program(copy, kSuggest);
  CHECK(copied.exit_code == 0);
  CHECK(copied.out == built.out);
  RunResult stats = j.run_program(copy, {"--today", "2026-11-21", "stats"});
  CHECK(stats.exit_code == 0);
  CHECK(stats.out == j.run({"--today", "2026-11-21", "stats"}).out);
}

TEST_CASE("rules: an installed rules.yaml replaces the built-in rules - a journal's own extends it") {
  TempJournal j;
  chapter_goal(j);
  std::string copy = copy_binary(j, "prefix");
  j.write("prefix/share/microstep/rules.yaml", "ladders:\n  - [chapter, scene]\n");
  RunResult installed = j.run_program(copy, kSuggest);
  CHECK(installed.exit_code == 0);
  CHECK(installed.out.find("Make it smaller: \"Write one scene\"") != std::string::npos);

  j.write("rules.yaml", "ladders:\n  - [chapter, paragraph]\n");
  RunResult own = j.run_program(copy, kSuggest);
  CHECK(own.exit_code == 0);
  CHECK(own.out.find("Make it smaller: \"Write one paragraph\"") != std::string::npos);

  j.write("prefix/share/microstep/rules.yaml", "ladders: [\n");
  RunResult bad = j.run_program(copy, kSuggest);
  CHECK(bad.exit_code == 3);
  CHECK(bad.err.find(j.file("prefix/share/microstep/rules.yaml") + ":") != std::string::npos);
}

}  // namespace microstep::test
