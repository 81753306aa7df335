// The benchmark's journal generator (bench/generate.cpp) writes journals the real binary reads
// without a complaint, says truly how many lines it wrote, and writes the same bytes each time.
#include <doctest/doctest.h>

#include <string>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

/// Runs the generator into `dir` and returns the line count it reports.
long generate(const TempJournal& j, const std::string& dir, const std::string& goals, const std::string& years) {
  RunResult r = j.run_program(MICROSTEP_BENCH_GENERATOR,
                              {"--goals", goals, "--years", years, "--end", "2026-11-22", j.file(dir)});
  INFO("generator stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  // "DIR: G goals, N lines, B bytes"
  auto goals_at = r.out.find(" goals, ");
  auto lines_at = r.out.find(" lines, ");
  REQUIRE(goals_at != std::string::npos);
  REQUIRE(lines_at != std::string::npos);
  return std::stol(r.out.substr(goals_at + 8, lines_at - goals_at - 8));
}

}  // namespace

TEST_CASE("the bench generator writes a journal that stats reads, with the lines it reports") {
  TempJournal j;
  long lines = generate(j, "small", "3", "1");
  CHECK(lines > 300);
  CHECK(static_cast<long>(lines_of(j.read("small/checkins.log")).size()) == lines);

  RunOptions quiet;
  quiet.env = {{"MICROSTEP_DIR", j.file("small")}, {"MICROSTEP_TODAY", "2026-11-22"}};
  RunResult stats = j.run({"--json", "stats"}, quiet);
  INFO("stats stderr: " << stats.err);
  REQUIRE(stats.exit_code == 0);
  CHECK(stats.err.empty());  // not even a warning: every line is good
  Json all = parse_json(stats.out);
  REQUIRE(all.size() == 3);
  double done_days = 0;
  for (size_t i = 0; i < all.size(); ++i) done_days += all[i]["done_days"].as_number();
  CHECK(done_days > 200);
}

TEST_CASE("the bench generator is deterministic and refuses to write over a journal") {
  TempJournal j;
  generate(j, "a", "4", "2");
  generate(j, "b", "4", "2");
  CHECK(j.read("a/checkins.log") == j.read("b/checkins.log"));
  CHECK(j.read("a/goals/floss.yaml") == j.read("b/goals/floss.yaml"));

  RunResult again = j.run_program(MICROSTEP_BENCH_GENERATOR,
                                  {"--goals", "1", "--years", "1", "--end", "2026-11-22", j.file("a")});
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("already holds a journal") != std::string::npos);
}

}  // namespace microstep::test
