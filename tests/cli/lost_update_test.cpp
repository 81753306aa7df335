// No lost change, no partial write: commands that change one goal at the same moment, a
// command that fails after it wrote, imports killed half-way, and the temporary files a killed
// write leaves. Each on the real binary, started many times at once.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "cli/harness.hpp"
#include "cli/write_journal.hpp"

namespace microstep::test {

namespace {

/// Starts `microstep ARGS` on journal `j` with the day pinned, in the background; returns its
/// pid. Its stderr goes to the file `err`. With a `gate` (a pipe), it waits until the pipe's
/// write end is closed, so that several start at the same moment.
pid_t start(const TempJournal& j, std::vector<std::string> args, const std::string& err = "/dev/null",
            const int* gate = nullptr) {
  args.insert(args.begin(), MICROSTEP_BINARY);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (gate) {
      ::close(gate[1]);
      char c;
      while (::read(gate[0], &c, 1) > 0) {
      }
    }
    ::setenv("MICROSTEP_DIR", j.path().c_str(), 1);
    ::setenv("HOME", j.file("home").c_str(), 1);
    ::setenv("MICROSTEP_TODAY", "2026-11-22", 1);
    ::setenv("TZ", "UTC", 1);
    int out = ::open("/dev/null", O_WRONLY);
    int error = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0 || error < 0 || ::dup2(out, 1) < 0 || ::dup2(error, 2) < 0) ::_exit(126);
    ::execv(MICROSTEP_BINARY, argv.data());
    ::_exit(127);
  }
  return pid;
}

/// Starts every command at the same moment on the journal `j` (start, with one gate);
/// returns their exit codes in order, and what each wrote to stderr in `errors`.
std::vector<int> run_together(const TempJournal& j, const std::vector<std::vector<std::string>>& commands,
                              std::vector<std::string>& errors) {
  TempJournal logs;
  int gate[2];
  REQUIRE(::pipe(gate) == 0);
  std::vector<pid_t> pids;
  for (size_t i = 0; i < commands.size(); ++i)
    pids.push_back(start(j, commands[i], logs.file("err-" + std::to_string(i)), gate));
  ::close(gate[0]);
  ::close(gate[1]);  // all start now
  std::vector<int> codes;
  errors.clear();
  for (size_t i = 0; i < pids.size(); ++i) {
    int status = 0;
    ::waitpid(pids[i], &status, 0);
    codes.push_back(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    errors.push_back(read_file(logs.file("err-" + std::to_string(i))));
  }
  return codes;
}

/// A harsh export of `habits` daily habits, each with a check-in on 2026-11-20.
void write_harsh(const TempJournal& dir, int habits) {
  std::string list, log;
  for (int i = 0; i < habits; ++i) {
    list += "Habit number " + std::to_string(i) + ": 1\n";
    log += "2026-11-20 : Habit number " + std::to_string(i) + " : y\n";
  }
  dir.write("harsh/habits", list);
  dir.write("harsh/log", log);
}

}  // namespace

TEST_CASE("three writers change three fields of one goal at once for 40 rounds: every change that exits 0 is kept") {
  TempJournal j;
  seed_write_journal(j, "");
  const std::vector<std::string> fields{"goal", "feeling", "unit"};
  constexpr int kRounds = 40;
  int changes = 0, lost = 0, failed = 0;
  std::string first_failure;
  for (int round = 1; round <= kRounds; ++round) {
    std::vector<std::vector<std::string>> commands;
    for (const auto& field : fields)
      commands.push_back({"set", "write", "--" + field, field + "-" + std::to_string(round)});
    std::vector<std::string> errors;
    std::vector<int> codes = run_together(j, commands, errors);
    const std::string text = j.read("goals/write.yaml");
    for (size_t w = 0; w < fields.size(); ++w) {
      if (codes[w] != 0) {
        ++failed;
        if (first_failure.empty()) first_failure = errors[w];
        continue;
      }
      ++changes;
      if (text.find("\n" + fields[w] + ": " + fields[w] + "-" + std::to_string(round) + "\n") == std::string::npos)
        ++lost;
    }
  }
  INFO(changes << " changes exited 0, " << lost << " of them lost; " << failed << " failed, the first with: "
                << first_failure);
  CHECK(lost == 0);
  CHECK(failed == 0);
  CHECK(j.run({"check"}, kPinned).exit_code == 0);
}

TEST_CASE("two writers add the same goal at once for 20 rounds: one wins and the other is told - the file is the winner's") {
  TempJournal j;
  seed_write_journal(j, "");
  int both = 0, neither = 0, wrong = 0;
  for (int round = 1; round <= 20; ++round) {
    const std::string id = "g" + std::to_string(round);
    std::vector<std::string> errors;
    std::vector<int> codes =
        run_together(j, {{"add", id, "Step of A", "--start", "2026-11-01"}, {"add", id, "Step of B", "--start", "2026-11-01"}},
                     errors);
    if (codes[0] == 0 && codes[1] == 0) ++both;
    if (codes[0] != 0 && codes[1] != 0) ++neither;
    if ((codes[0] == 0) == (codes[1] == 0)) continue;
    const size_t loser = codes[0] == 0 ? 1 : 0;
    const std::string winner_step = codes[0] == 0 ? "Step of A" : "Step of B";
    CHECK(codes[loser] == 2);
    CHECK_MESSAGE(errors[loser].find("a goal '" + id + "' already exists") != std::string::npos, errors[loser]);
    if (j.read("goals/" + id + ".yaml").find("step: " + winner_step + "\n") == std::string::npos) ++wrong;
  }
  INFO(both << " rounds where both exited 0, " << neither << " where neither did, " << wrong
            << " where the file is not the winner's");
  CHECK(both == 0);
  CHECK(neither == 0);
  CHECK(wrong == 0);
}

TEST_CASE("set and done at once for 30 rounds: every check-in and every change is kept") {
  TempJournal j;
  seed_write_journal(j, "");
  int lost_changes = 0, failed = 0;
  for (int round = 1; round <= 30; ++round) {
    std::vector<std::string> errors;
    std::vector<int> codes = run_together(j,
                                          {{"set", "write", "--feeling", "f-" + std::to_string(round)},
                                           {"done", "write", "--note", "n-" + std::to_string(round)},
                                           {"set", "write", "--unit", "u-" + std::to_string(round)}},
                                          errors);
    for (int code : codes) failed += code != 0;
    const std::string text = j.read("goals/write.yaml");
    if (codes[0] == 0 && text.find("\nfeeling: f-" + std::to_string(round) + "\n") == std::string::npos) ++lost_changes;
    if (codes[2] == 0 && text.find("\nunit: u-" + std::to_string(round) + "\n") == std::string::npos) ++lost_changes;
  }
  const std::string log = j.read("checkins.log");
  size_t notes = 0;
  for (int round = 1; round <= 30; ++round)
    notes += log.find("\tdone\twrite\t\tn-" + std::to_string(round) + "\n") != std::string::npos;
  CHECK(lost_changes == 0);
  CHECK(failed == 0);
  CHECK(notes == 30);
  CHECK(lines_of(log).size() == 30);
}

TEST_CASE("done on a log with a bad line fails before it appends - a retry adds nothing either") {
  TempJournal j;
  seed_write_journal(j, "");
  const std::string log = "2026-11-20\t2026-11-20T08:00:00+00:00\tdone\twrite\t\t\n"
                          "2026-11-21\tnot a time\tdone\twrite\t\t\n";
  j.write("checkins.log", log);
  for (int attempt = 0; attempt < 2; ++attempt) {
    RunResult r = j.run({"done", "write"}, kPinned);
    CHECK(r.exit_code == 3);
    CHECK_MESSAGE(r.err.find("checkins.log:2: written 'not a time' is not a timestamp") != std::string::npos, r.err);
    CHECK(j.read("checkins.log") == log);
  }
}

TEST_CASE("add on a log with a bad line fails before it writes the goal file") {
  TempJournal j;
  seed_write_journal(j, "");
  const std::string log = "2026-11-21\tnot a time\tdone\twrite\t\t\n";
  j.write("checkins.log", log);
  RunResult r = j.run({"add", "read", "Read one page"}, kPinned);
  CHECK(r.exit_code == 3);
  CHECK_MESSAGE(r.err.find("checkins.log:1: written 'not a time'") != std::string::npos, r.err);
  CHECK_FALSE(j.exists("goals/read.yaml"));
  CHECK(j.read("checkins.log") == log);
}

TEST_CASE("a git commit that fails after the check-in is written: exit 0 with a warning that says so") {
  TempJournal j;
  seed_write_journal(j, "");
  j.write("microstep.yaml", "git:\n  commit: true\n");  // but the journal is no git repository
  RunResult r = j.run({"done", "write"}, RunOptions{.env = {{"MICROSTEP_TODAY", "2026-11-22"},
                                                            {"MICROSTEP_NOW", "2026-11-22T09:00:00+00:00"},
                                                            {"GIT_CEILING_DIRECTORIES", j.path() + "/.."}}});
  CHECK(r.exit_code == 0);
  CHECK_MESSAGE(r.err.find("microstep: warning: written, but not committed to git: git add failed") !=
                    std::string::npos,
                r.err);
  CHECK(lines_of(j.read("checkins.log")).size() == 1);
}

TEST_CASE("an import killed at any moment leaves all of it or none of it - and imports again once") {
  constexpr int kHabits = 250;
  TempJournal source;
  write_harsh(source, kHabits);
  // How long one import takes here, so that the kills below land all through it.
  std::chrono::steady_clock::duration lifetime;
  {
    TempJournal j;
    seed_write_journal(j, "");
    auto begin = std::chrono::steady_clock::now();
    REQUIRE(j.run({"import", "harsh", source.file("harsh")}, kPinned).exit_code == 0);
    lifetime = std::chrono::steady_clock::now() - begin;
    REQUIRE(lines_of(j.run({"list", "--ids"}, kPinned).out).size() == kHabits + 1);
  }
  constexpr int kRuns = 8;
  int partial = 0, finished = 0;
  std::string partial_counts;
  for (int i = 0; i < kRuns; ++i) {
    TempJournal j;
    seed_write_journal(j, "");
    pid_t pid = start(j, {"import", "harsh", source.file("harsh")});
    std::this_thread::sleep_for(lifetime * (i + 1) / (kRuns + 1));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) ++finished;

    // What any command sees next: every habit with its check-in, or none.
    RunResult ids = j.run({"list", "--ids"}, kPinned);
    REQUIRE(ids.exit_code == 0);
    const size_t goals = lines_of(ids.out).size() - 1;  // less "write"
    const size_t checkins = lines_of(j.read("checkins.log")).size();
    if (!((goals == 0 && checkins == 0) || (goals == kHabits && checkins == kHabits))) {
      ++partial;
      partial_counts += " " + std::to_string(goals) + "/" + std::to_string(checkins);
    }
    // Importing again completes it, and adds nothing twice.
    REQUIRE(j.run({"import", "harsh", source.file("harsh")}, kPinned).exit_code == 0);
    CHECK(lines_of(j.run({"list", "--ids"}, kPinned).out).size() == kHabits + 1);
    CHECK(lines_of(j.read("checkins.log")).size() == kHabits);
    CHECK(j.run({"check"}, kPinned).exit_code == 0);
  }
  INFO(finished << " of " << kRuns << " imports finished before their kill; partial (goals/check-ins):"
                << partial_counts);
  CHECK(partial == 0);
  CHECK(finished < kRuns);  // the kills did land
}

TEST_CASE("a temporary file left by a killed write: check reports it and the next change of the goal removes it") {
  TempJournal j;
  seed_write_journal(j, "");
  j.write("goals/.write.yaml.tmp-AbC123", "id: write\nstep: Write t");  // a rewrite killed half-way
  j.write(".microstep.yaml.tmp-XyZ789", "week_");                       // an init killed half-way
  RunResult check = j.run({"check"}, kPinned);
  CHECK(check.exit_code == 3);
  CHECK(check.out ==
        ".microstep.yaml.tmp-XyZ789:1: a temporary file left by an interrupted write; remove it\n"
        "goals/.write.yaml.tmp-AbC123:1: a temporary file left by an interrupted write; the next change of "
        "goal 'write' removes it (or remove it yourself)\n");
  // Other commands pass it by.
  CHECK(j.run({"list"}, kPinned).exit_code == 0);

  RunResult set = j.run({"set", "write", "--feeling", "calm"}, kPinned);
  CHECK(set.exit_code == 0);
  CHECK_FALSE(j.exists("goals/.write.yaml.tmp-AbC123"));
  j.run_program("rm", {j.file(".microstep.yaml.tmp-XyZ789")});
  CHECK(j.run({"check"}, kPinned).exit_code == 0);
}

TEST_CASE("init writes a .gitignore that keeps temporary files out of git - and adds it to an older journal") {
  TempJournal j;
  RunResult r = j.run({"init"});
  REQUIRE(r.exit_code == 0);
  REQUIRE(j.exists(".gitignore"));
  j.write("goals/write.yaml", kWriteGoal);
  j.write("goals/.write.yaml.tmp-AbC123", "");
  j.write(".microstep.yaml.tmp-XyZ789", "");
  j.write("goals/.write.edit-Qw3rTy.yaml", "");
  j.write("goals/.import.tmp/write.yaml", "");
  REQUIRE(j.run_program("git", {"init", "-q"}).exit_code == 0);
  RunResult ignored = j.run_program("git", {"check-ignore", "goals/.write.yaml.tmp-AbC123", ".microstep.yaml.tmp-XyZ789",
                                            "goals/.write.edit-Qw3rTy.yaml", "goals/.import.tmp/write.yaml"});
  CHECK(ignored.exit_code == 0);
  CHECK(lines_of(ignored.out).size() == 4);
  for (const std::string kept : {"goals/write.yaml", "checkins.log", "microstep.yaml", ".gitignore"})
    CHECK_MESSAGE(j.run_program("git", {"check-ignore", "-q", kept}).exit_code == 1, kept);

  j.run_program("rm", {j.file(".gitignore")});
  RunResult again = j.run({"--json", "init"});
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("\"created\":[\".gitignore\"]") != std::string::npos);
}

}  // namespace microstep::test
