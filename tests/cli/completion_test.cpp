// The shell completions end to end: completions/microstep.bash is sourced by a real bash,
// given COMP_WORDS and COMP_CWORD as bash would set them, and its COMPREPLY is checked.
// The fish script is asked what it offers by a real fish; the zsh one is syntax-checked.
#include <doctest/doctest.h>

#include <set>
#include <sstream>

#include "cli/harness.hpp"

namespace microstep::test {

namespace {

const std::string kSource = MICROSTEP_SOURCE_DIR;
const std::string kBashScript = kSource + "/completions/microstep.bash";

/// Sources the bash script and completes the last of `words` (the first is the program).
/// Returns the candidates, one a line.
std::string complete(const TempJournal& j, const std::vector<std::string>& words,
                     const RunOptions& options = {}) {
  std::vector<std::string> args{
      "-c",
      "source \"$1\" || exit 9; shift; COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
      "_microstep; printf '%s\\n' \"${COMPREPLY[@]}\"",
      "bash", kBashScript};
  args.insert(args.end(), words.begin(), words.end());
  RunResult r = j.run_program("bash", args, options);
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  return r.out == "\n" ? "" : r.out;
}

std::set<std::string> set_of(const std::string& lines) {
  auto v = lines_of(lines);
  return {v.begin(), v.end()};
}

/// A journal copied from examples/journal (goals floss, guitar, run, write-novel).
void example_journal(const TempJournal& j) {
  RunResult r = j.run_program("cp", {"-R", kSource + "/examples/journal/.", j.path()});
  REQUIRE(r.exit_code == 0);
  REQUIRE(j.exists("goals/write-novel.yaml"));
}

}  // namespace

TEST_CASE("bash completes command names from their first letters") {
  TempJournal j;
  CHECK(complete(j, {MICROSTEP_BINARY, "d"}) == "done\ndue\n");
  CHECK(complete(j, {MICROSTEP_BINARY, "l"}) == "list\nlog\n");
  std::set<std::string> all = set_of(complete(j, {MICROSTEP_BINARY, ""}));
  for (const char* coming : {"check", "edit", "log", "chart"}) CHECK(all.count(coming) == 1);
}

TEST_CASE("bash offers every subcommand the binary has") {
  TempJournal j;
  std::set<std::string> offered = set_of(complete(j, {MICROSTEP_BINARY, ""}));
  for (const auto& name : subcommands()) {
    CAPTURE(name);
    CHECK(offered.count(name) == 1);
  }
}

TEST_CASE("bash completes goal ids from the journal: MICROSTEP_DIR or --dir on the line") {
  TempJournal j;
  example_journal(j);
  SUBCASE("MICROSTEP_DIR") {
    CHECK(complete(j, {MICROSTEP_BINARY, "done", ""}) == "floss\nguitar\nrun\nwrite-novel\n");
    CHECK(complete(j, {MICROSTEP_BINARY, "done", "g"}) == "guitar\n");
  }
  SUBCASE("--dir given before the command wins over the environment") {
    TempJournal empty;
    RunOptions elsewhere{.env = {{"MICROSTEP_DIR", empty.path()}}};
    CHECK(complete(j, {MICROSTEP_BINARY, "done", ""}, elsewhere).empty());
    CHECK(complete(j, {MICROSTEP_BINARY, "--dir", j.path(), "done", "w"}, elsewhere) == "write-novel\n");
  }
  SUBCASE("only the first argument of a one-goal command is an id") {
    CHECK(complete(j, {MICROSTEP_BINARY, "done", "floss", ""}).empty());
    CHECK(complete(j, {MICROSTEP_BINARY, "done", "--note", "x", "r"}) == "run\n");
    CHECK(complete(j, {MICROSTEP_BINARY, "stats", "floss", "r"}) == "run\n");
  }
  SUBCASE("no journal: no ids and no error") {
    TempJournal empty;
    RunOptions elsewhere{.env = {{"MICROSTEP_DIR", empty.path() + "/missing"}}};
    CHECK(complete(j, {MICROSTEP_BINARY, "done", ""}, elsewhere).empty());
  }
}

TEST_CASE("bash completes options and their values") {
  TempJournal j;
  CHECK(complete(j, {MICROSTEP_BINARY, "--c"}) == "--color\n");
  CHECK(complete(j, {MICROSTEP_BINARY, "--color", "a"}) == "auto\nalways\n");
  CHECK(complete(j, {MICROSTEP_BINARY, "log", "--s"}) == "--since\n");
  CHECK(complete(j, {MICROSTEP_BINARY, "done", "x", "--date", "y"}) == "yesterday\n");
  CHECK(complete(j, {MICROSTEP_BINARY, "set", "x", "--status", "a"}) == "active\narchived\n");
  CHECK(complete(j, {MICROSTEP_BINARY, "import", "h"}) == "harsh\n");
  std::set<std::string> every = set_of(complete(j, {MICROSTEP_BINARY, "add", "x", "--every", ""}));
  for (const char* schedule : {"daily", "weekdays", "weekends", "weekly", "monthly", "3/week",
                               "mon,wed,fri", "every\\ 2\\ days", "2\\ in\\ 3\\ days", "tracking"}) {
    CAPTURE(schedule);
    CHECK(every.count(schedule) == 1);
  }
  // Inside a quote, the candidate is left as it is.
  CHECK(complete(j, {MICROSTEP_BINARY, "add", "x", "--every", "\"ev"}) == "every 2 days\n");
  CHECK(complete(j, {MICROSTEP_BINARY, "set", "x", "--every", "\"2 "}) == "2 in 3 days\n");
}

TEST_CASE("bash offers every long option of every command's --help") {
  TempJournal j;
  for (const auto& name : subcommands()) {
    std::set<std::string> offered = set_of(complete(j, {MICROSTEP_BINARY, name, "--"}));
    for (const auto& option : long_options(name)) {
      CAPTURE(name);
      CAPTURE(option);
      CHECK(offered.count(option) == 1);
    }
  }
}

TEST_CASE("the zsh completion parses") {
  TempJournal j;
  RunResult r = j.run_program("zsh", {"-n", kSource + "/completions/_microstep"});
  INFO("zsh (Debian package zsh): " << r.err);
  CHECK(r.exit_code == 0);
}

TEST_CASE("fish completes commands and the goal ids of the journal in use") {
  // fish's own `complete -C` asks the loaded script what it offers for a command line.
  TempJournal j;
  example_journal(j);
  const std::string bin_dir = std::string(MICROSTEP_BINARY).substr(0, std::string(MICROSTEP_BINARY).rfind('/'));
  RunOptions options{.env = {{"PATH", bin_dir + ":/usr/bin:/bin"}, {"MICROSTEP_DIR", j.path()}}};
  auto offers = [&](const std::string& line) {
    RunResult r = j.run_program(
        "fish", {"--no-config", "-c", "source $argv[1]; complete -C $argv[2] | cut -f1",
                 kSource + "/completions/microstep.fish", line},
        options);
    INFO("fish (Debian package fish): " << r.err);
    REQUIRE(r.exit_code == 0);
    return set_of(r.out);
  };
  CHECK(offers("microstep d") == std::set<std::string>{"done", "due"});
  CHECK(offers("microstep done ") == std::set<std::string>{"floss", "guitar", "run", "write-novel"});
  CHECK(offers("microstep chart --s").count("--svg") == 1);
}

}  // namespace microstep::test
