// main builds only the command a line names, from the names in cli/command_names.hpp: they
// must be exactly the commands `microstep --help` lists, each with its own setup.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "cli/command_names.hpp"
#include "cli/harness.hpp"

namespace microstep::test {

TEST_CASE("command names: the table main chooses from is the list of commands --help prints") {
  RunResult help = run_microstep({"--help"});
  REQUIRE(help.exit_code == 0);
  std::set<std::string> listed;
  bool in_list = false;
  for (const std::string& line : lines_of(help.out)) {
    if (line == "Subcommands:") in_list = true;
    else if (in_list && line.starts_with("  ") && line[2] != ' ') listed.insert(line.substr(2, line.find(' ', 2) - 2));
  }
  std::set<std::string> table;
  for (const auto& names : cli::kCommandNames)
    for (std::string_view name : names)
      if (!name.empty()) table.insert(std::string(name));
  CHECK(listed.size() > 20);
  CHECK(table == listed);

  // Built alone, each name gives its own command (a name paired with another command's setup
  // would be unknown here).
  for (const std::string& name : table) {
    CAPTURE(name);
    RunResult own = run_microstep({name, "--help"});
    CHECK(own.exit_code == 0);
    CHECK(own.out.find("Usage: microstep " + name + " ") != std::string::npos);
  }
}

TEST_CASE("command names: global options and their values before the command, in either form") {
  TempJournal j;
  copy_examples(j);
  RunResult plain = j.run({"--today", "2026-11-22", "today"});
  REQUIRE(plain.exit_code == 0);
  CHECK(j.run({"--today=2026-11-22", "today"}).out == plain.out);
  CHECK(j.run({"--dir", j.path(), "--color", "never", "--today", "2026-11-22", "today"}).out == plain.out);
  CHECK(j.run({"--no-cache", "--today", "2026-11-22", "--json", "today"}).exit_code == 0);
  // A value that is also a command's name is a value: --dir stats is a directory.
  RunResult dir = j.run({"--dir", "stats", "today"});
  CHECK(dir.exit_code == 4);
  CHECK(dir.err.find("no journal at stats") != std::string::npos);
}

TEST_CASE("command names: --version needs no command built - before a command or alone") {
  const std::string version = std::string("microstep ") + MICROSTEP_VERSION + "\n";
  for (const std::vector<std::string>& line : std::vector<std::vector<std::string>>{
           {"--version"}, {"--json", "--version"}, {"--version", "today"}, {"--dir", "x", "--version"}}) {
    RunResult r = run_microstep(line);
    CHECK(r.exit_code == 0);
    CHECK(r.out == version);
  }
}

}  // namespace microstep::test
