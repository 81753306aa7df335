// No hang, no silent failure: FIFOs and devices where the journal's files should be, write
// errors on standard output, a reader that goes away, and HOME unset.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/harness.hpp"
#include "cli/write_journal.hpp"

namespace microstep::test {

namespace {

/// Pinned, and killed after 10 seconds: a run that waits on a FIFO fails as a timeout (-1).
const RunOptions kQuick{.env = kPinned.env, .timeout_seconds = 10};

/// Runs each command and checks it is refused at once, exit 3, with `message` on stderr.
void expect_refused(const TempJournal& j, const std::vector<std::vector<std::string>>& commands,
                    const std::string& message) {
  for (const auto& args : commands) {
    CAPTURE(args[0]);
    RunResult r = j.run(args, kQuick);
    CHECK(r.exit_code == 3);
    // check reports a problem on stdout, each line "FILE:LINE: ..."; what stops a command, on stderr.
    const bool said = ("\n" + r.out).find("\n" + message) != std::string::npos ||
                      r.err.find("microstep: " + message) != std::string::npos;
    CHECK_MESSAGE(said, r.out << r.err);
  }
}

/// Commands that read every goal file.
const std::vector<std::vector<std::string>> kCommands{{"list"}, {"stats"}, {"today"}, {"export"}, {"check"}};

}  // namespace

TEST_CASE("a FIFO as a goal file: every command refuses it at once with file:line") {
  TempJournal j;
  seed_write_journal(j, kWriteLine);
  REQUIRE(::mkfifo(j.file("goals/other.yaml").c_str(), 0644) == 0);
  expect_refused(j, kCommands,
                 "goals/other.yaml:1: not a regular file but a FIFO; microstep reads and writes only regular files here");
  CHECK(j.read("checkins.log") == kWriteLine);
}

TEST_CASE("a FIFO as checkins.log or as microstep.yaml: refused at once") {
  TempJournal j;
  seed_write_journal(j, kWriteLine);
  SUBCASE("checkins.log") {
    ::unlink(j.file("checkins.log").c_str());
    REQUIRE(::mkfifo(j.file("checkins.log").c_str(), 0644) == 0);
    expect_refused(j, {{"stats"}, {"today"}, {"done", "write"}, {"check"}, {"log"}},
                   "checkins.log:1: not a regular file but a FIFO");
  }
  SUBCASE("microstep.yaml") {
    ::unlink(j.file("microstep.yaml").c_str());
    REQUIRE(::mkfifo(j.file("microstep.yaml").c_str(), 0644) == 0);
    expect_refused(j, {{"list"}, {"stats"}, {"done", "write"}, {"check"}}, "microstep.yaml:1: not a regular file but a FIFO");
    CHECK(j.read("checkins.log") == kWriteLine);
  }
}

TEST_CASE("a symbolic link inside the journal to a FIFO - or a device in the log's place - is refused the same way") {
  TempJournal j;
  seed_write_journal(j, kWriteLine);
  REQUIRE(::mkfifo(j.file("pipe").c_str(), 0644) == 0);
  REQUIRE(::symlink("../pipe", j.file("goals/other.yaml").c_str()) == 0);
  expect_refused(j, kCommands, "goals/other.yaml:1: not a regular file but a FIFO");
  ::unlink(j.file("goals/other.yaml").c_str());
  if (::geteuid() == 0) {  // a device of our own: /dev/zero reads forever
    ::unlink(j.file("checkins.log").c_str());
    REQUIRE(::mknod(j.file("checkins.log").c_str(), S_IFCHR | 0666, makedev(1, 5)) == 0);
    expect_refused(j, {{"stats"}, {"done", "write"}, {"check"}}, "checkins.log:1: not a regular file but a character device");
  }
}

TEST_CASE("a FIFO in the place of a cache file outside the journal: passed by as no cache") {
  TempJournal j;
  seed_write_journal(j, kWriteLine);
  for (int i = 0; i < 40; ++i)  // the goal cache is used from 32 goal files on
    j.write("goals/g" + std::to_string(i) + ".yaml",
            "id: g" + std::to_string(i) + "\nstep: x\nstarted: 2026-11-01\n");
  REQUIRE(j.run({"list"}, kQuick).exit_code == 0);
  std::vector<std::string> caches;
  for (const auto& entry : std::filesystem::directory_iterator(j.file("home/.cache/microstep")))
    caches.push_back(entry.path().string());
  REQUIRE_FALSE(caches.empty());
  for (const auto& cache : caches) {
    ::unlink(cache.c_str());
    REQUIRE(::mkfifo(cache.c_str(), 0644) == 0);
  }
  RunResult r = j.run({"list"}, kQuick);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
}

TEST_CASE("a failed write to standard output is exit 4 with a message") {
  TempJournal j;
  seed_write_journal(j, kWriteLine);
  for (const std::string command : {"\"$0\" stats >/dev/full", "\"$0\" --json export --format json >/dev/full",
                                     "\"$0\" list >/dev/full", "\"$0\" --help >/dev/full"}) {
    CAPTURE(command);
    RunResult r = j.run_program("sh", {"-c", command, MICROSTEP_BINARY}, kQuick);
    CHECK(r.exit_code == 4);
    CHECK(r.err == "microstep: cannot write to standard output: No space left on device\n");
  }
}

TEST_CASE("standard output closed: exit 4 before anything is written") {
  TempJournal j;
  seed_write_journal(j, kWriteLine);
  RunResult r = j.run_program("sh", {"-c", "\"$0\" done write >&-", MICROSTEP_BINARY}, kQuick);
  CHECK(r.exit_code == 4);
  CHECK(r.err == "microstep: standard output is closed; nothing done\n");
  CHECK(j.read("checkins.log") == kWriteLine);
}

TEST_CASE("standard error or input closed: no journal file takes their place") {
  TempJournal j;
  seed_write_journal(j, kWriteLine);
  // A line of a goal with no file: every read of the log warns about it, on standard error.
  const std::string log = kWriteLine + "2026-11-21\t2026-11-21T08:00:00+00:00\tdone\tgone\t\t\n";
  j.write("checkins.log", log);
  RunResult r = j.run_program("sh", {"-c", "\"$0\" done write 2>&- <&-", MICROSTEP_BINARY}, kQuick);
  CHECK(r.exit_code == 0);
  const std::string now = j.read("checkins.log");
  CHECK(now.find("warning") == std::string::npos);
  CHECK(lines_of(now).size() == 3);
  CHECK(now.starts_with(log));
}

TEST_CASE("a reader that goes away ends microstep quietly: SIGPIPE (141) or, with SIGPIPE ignored, exit 0") {
  TempJournal j;
  seed_write_journal(j, kWriteLine);
  std::string many;
  for (int day = 1; day <= 28; ++day)
    for (int i = 0; i < 200; ++i)
      many += "2026-11-" + std::string(day < 10 ? "0" : "") + std::to_string(day) + "\t2026-11-01T08:00:00+00:00\tdone\twrite\t\t" +
              "a note long enough to fill a pipe quickly\n";
  j.write("checkins.log", many);
  RunResult dfl = j.run_program(
      "sh", {"-c", "{ \"$0\" export; echo \"status=$?\" >&2; } | head -c 10 >/dev/null", MICROSTEP_BINARY}, kQuick);
  CHECK(dfl.err == "status=141\n");
  RunResult ignored = j.run_program(
      "sh", {"-c", "trap '' PIPE; { \"$0\" export; echo \"status=$?\" >&2; } | head -c 10 >/dev/null", MICROSTEP_BINARY},
      kQuick);
  CHECK(ignored.err == "status=0\n");
}

TEST_CASE("HOME unset or relative: no journal in a path relative to the current directory - exit 4 saying so") {
  TempJournal cwd;
  for (const char* home : {kUnset, "relative/home"}) {
    CAPTURE(std::string(home == kUnset ? "unset" : home));
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{{"init"}, {"list"}, {"add", "a", "x"}}) {
      CAPTURE(args[0]);
      RunResult r = run_microstep(args, RunOptions{.env = {{"HOME", home}, {"XDG_DATA_HOME", "relative/data"},
                                                           {"MICROSTEP_DIR", kUnset}},
                                                   .cwd = cwd.path()});
      CHECK(r.exit_code == 4);
      CHECK(r.err ==
            "microstep: where is the journal? HOME is not set to an absolute path, nor XDG_DATA_HOME; give --dir "
            "or set MICROSTEP_DIR\n");
      CHECK_FALSE(cwd.exists(".local"));
      CHECK_FALSE(cwd.exists("relative"));
    }
  }
  // XDG_DATA_HOME alone is enough.
  RunResult r = run_microstep({"init"}, RunOptions{.env = {{"HOME", kUnset}, {"XDG_DATA_HOME", cwd.file("data")}},
                                                   .cwd = cwd.path()});
  CHECK(r.exit_code == 0);
  CHECK(cwd.exists("data/microstep/microstep.yaml"));
}

}  // namespace microstep::test
