// `microstep check` (every problem in the journal, file:line each) and `microstep edit ID`
// (the goal file in $EDITOR, validated before it replaces the old one), end to end. The
// editor is a small shell script, so nothing interactive runs.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

/// The problems of `check --json`, each written as the text form writes it: "file:line: problem".
std::vector<std::string> problem_lines(const Json& doc) {
  std::vector<std::string> lines;
  for (size_t i = 0; i < doc["problems"].size(); ++i) {
    const Json& p = doc["problems"][i];
    lines.push_back(p["file"].as_string() + ":" + std::to_string(static_cast<long>(p["line"].as_number())) + ": " +
                    p["problem"].as_string());
  }
  return lines;
}

RunResult check(const TempJournal& j, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"--today", "2026-11-22"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back("check");
  return j.run(args);
}

std::string event(const std::string& day, const std::string& goal) {
  return day + "\t" + day + "T08:00:00+00:00\tdone\t" + goal + "\t\t\n";
}

/// Runs `edit` with EDITOR set to `sh SCRIPT`, the script holding `body` ($1 is the file).
RunResult edit_with(const TempJournal& j, const std::string& body, std::vector<std::string> args,
                    std::vector<std::pair<std::string, std::string>> env = {}) {
  j.write("editor.sh", body);
  env.push_back({"EDITOR", "sh " + j.file("editor.sh")});
  env.push_back({"VISUAL", kUnset});
  args.insert(args.begin(), "edit");
  return j.run(args, RunOptions{.env = env});
}

/// Files in goals/ other than the goal files themselves (temporary copies, backups).
std::vector<std::string> stray_files(const TempJournal& j, const std::vector<std::string>& expected) {
  std::vector<std::string> stray;
  for (const auto& entry : std::filesystem::directory_iterator(j.file("goals"))) {
    std::string name = entry.path().filename().string();
    bool known = false;
    for (const auto& e : expected) known = known || e == name;
    if (!known) stray.push_back(name);
  }
  return stray;
}

}  // namespace

TEST_CASE("check: the example journal is clean, exit 0") {
  TempJournal j;
  copy_examples(j);
  size_t lines = 0;
  for (const auto& l : lines_of(j.read("checkins.log"))) lines += l.empty() || l[0] == '#' ? 0 : 1;
  RunResult r = check(j);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "journal OK: 4 goals, " + std::to_string(lines) + " check-ins\n");
  CHECK(r.err.empty());

  RunResult json = check(j, {"--json"});
  CHECK(json.exit_code == 0);
  Json doc = parse_json(json.out);
  CHECK(doc["clean"].as_bool());
  CHECK(doc["goals"].as_number() == 4);
  CHECK(doc["checkins"].as_number() == static_cast<double>(lines));
  CHECK(doc["problems"].size() == 0);
}

TEST_CASE("check: every kind of problem, each with its file and line, exit 3") {
  TempJournal j;
  copy_examples(j);
  const std::string log = j.read("checkins.log");
  const size_t n = lines_of(log).size();
  j.write("goals/run-again.yaml", j.read("goals/run.yaml"));  // declares id: run a second time
  j.write("goals/floss.yaml", "id: floss\n<<<<<<< HEAD\nstep: Floss one tooth\n=======\nstep: Floss two\n"
                              ">>>>>>> laptop\nstarted: 2026-10-26\n");
  j.write("goals/guitar.yaml", "id: guitar\r\nstep: Play one scale\r\nstarted: 2026-10-26\r\n");
  j.write("checkins.log", log + "not a check-in\n" + event("2026-12-01", "run") + event("2026-10-01", "run") +
                              event("2026-11-03", "knitting") + "<<<<<<< HEAD\n" +
                              "2026-11-04\t2026-11-04T08:00:00+00:00\tdone\trun\t\t\r\n");
  auto at = [&](size_t k) { return "checkins.log:" + std::to_string(n + k) + ": "; };
  const std::vector<std::string> expected{
      "goals/floss.yaml:2: git conflict marker left by a failed merge; keep the lines you want and delete the "
      "marker lines",
      "goals/floss.yaml:4: git conflict marker left by a failed merge; keep the lines you want and delete the "
      "marker lines",
      "goals/floss.yaml:6: git conflict marker left by a failed merge; keep the lines you want and delete the "
      "marker lines",
      "goals/guitar.yaml:1: line ends in CRLF, accepted but reported (3 lines in all; convert with: sed -i "
      "'s/\\r$//' goals/guitar.yaml)",
      "goals/run-again.yaml:1: id 'run' does not match the file name (expected id: run-again)",
      "goals/run-again.yaml:1: id 'run' is also declared in goals/run.yaml",
      "goals/run.yaml:1: id 'run' is also declared in goals/run-again.yaml",
      at(1) + "expected 6 or 7 tab-separated fields (day, written, event, goal, amount, note[, truth]), found 1",
      at(2) + "day 2026-12-01 is in the future (today is 2026-11-22)",
      at(3) + "day 2026-10-01 is before goal 'run' started (2026-10-26)",
      at(4) + "unknown goal 'knitting': there is no goals/knitting.yaml",
      at(5) + "git conflict marker left by a failed merge; keep the lines of both sides and delete the marker "
              "lines",
      at(6) + "line ends in CRLF, accepted but reported (1 line in all; convert with: sed -i 's/\\r$//' "
              "checkins.log)",
  };
  RunResult r = check(j);
  CHECK(r.exit_code == 3);
  CHECK(lines_of(r.out) == expected);
  CHECK(r.err == "microstep: 13 problems found (microstep never rewrites the log itself: fix or remove the "
                 "lines; goal files with `microstep edit ID`)\n");

  RunResult json = check(j, {"--json"});
  CHECK(json.exit_code == 3);
  Json doc = parse_json(json.out);
  CHECK_FALSE(doc["clean"].as_bool());
  CHECK(doc["goals"].as_number() == 3);  // guitar, run, write-novel
  CHECK(problem_lines(doc) == expected);
}

TEST_CASE("check: a log large enough to be read in parts gives the same lines and counts") {
  // Over 4 MiB, the log is scanned in parts, one per core: the line numbers, the first line
  // naming an unknown goal and the count of its lines must not depend on where a part starts.
  TempJournal j;
  copy_examples(j);
  std::string log = j.read("checkins.log");
  const size_t n = lines_of(log).size();
  const std::string filler = event("2026-11-10", "run");  // 56 bytes
  constexpr size_t kFiller = 100000;                       // 5.6 MB
  log += event("2026-11-11", "ghost");                     // line n + 1
  for (size_t i = 0; i < kFiller; ++i) log += filler;
  log += event("2026-11-12", "ghost") + event("2026-12-24", "run");  // lines n + 2 + kFiller, n + 3 + kFiller
  j.write("checkins.log", log);
  auto at = [&](size_t k) { return "checkins.log:" + std::to_string(n + k) + ": "; };
  const std::vector<std::string> expected{
      at(1) + "unknown goal 'ghost': there is no goals/ghost.yaml (2 lines name it; this is the first)",
      at(kFiller + 3) + "day 2026-12-24 is in the future (today is 2026-11-22)",
  };
  RunResult r = check(j, {"--json"});
  CHECK(r.exit_code == 3);
  Json doc = parse_json(r.out);
  CHECK(doc["checkins"].as_number() == static_cast<double>(n + kFiller + 3));
  CHECK(problem_lines(doc) == expected);
}

TEST_CASE("check: a bad microstep.yaml is reported, and so is everything after it") {
  TempJournal j;
  copy_examples(j);
  j.write("microstep.yaml", "day_starts_at: \"04:00\"\nweek_starts: someday\n");
  j.write("goals/run.yaml", "id: run\nstep: x\n");
  RunResult r = check(j);
  CHECK(r.exit_code == 3);
  CHECK(lines_of(r.out) == std::vector<std::string>{
      "microstep.yaml:2: week_starts must be a weekday such as monday or sunday",
      "goals/run.yaml:1: missing started: (the first day, YYYY-MM-DD)"});
}

TEST_CASE("check: CRLF is reported, while the other commands accept it") {
  TempJournal j;
  copy_examples(j);
  std::string crlf;
  for (const auto& l : lines_of(j.read("checkins.log"))) crlf += l + "\r\n";
  j.write("checkins.log", crlf);
  RunResult stats = j.run({"--today", "2026-11-22", "stats"});
  CHECK(stats.exit_code == 0);
  CHECK(stats.err.empty());
  RunResult r = check(j);
  CHECK(r.exit_code == 3);
  REQUIRE(lines_of(r.out).size() == 1);
  CHECK(r.out.starts_with("checkins.log:1: line ends in CRLF, accepted but reported (" +
                          std::to_string(lines_of(crlf).size()) + " lines in all;"));
}

TEST_CASE("check: every bad line, where the other commands stop listing at 20") {
  TempJournal j;
  copy_examples(j);
  std::string bad;
  for (int i = 0; i < 30; ++i) bad += "garbage " + std::to_string(i) + "\n";
  j.write("checkins.log", bad);
  RunResult r = check(j);
  CHECK(r.exit_code == 3);
  CHECK(lines_of(r.out).size() == 30);
  CHECK(r.out.find("checkins.log:30: expected 6 or 7") != std::string::npos);
  RunResult stats = j.run({"--today", "2026-11-22", "stats"});
  CHECK(stats.exit_code == 3);
  CHECK(stats.err.find("... and 10 more bad lines") != std::string::npos);
}

TEST_CASE("check: a missing journal is exit 4") {
  TempJournal j;
  RunResult r = check(j);
  CHECK(r.exit_code == 4);
  CHECK(r.err.find("create one with: microstep init") != std::string::npos);
}

TEST_CASE("edit: a valid change replaces the goal file, by unique prefix") {
  TempJournal j;
  copy_examples(j);
  std::string before = j.read("goals/write-novel.yaml");
  RunResult r = edit_with(j, "sed -i 's/^step: .*/step: Write two sentences/' \"$1\"\n", {"write"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "Saved goals/write-novel.yaml.\n");
  std::string after = j.read("goals/write-novel.yaml");
  CHECK(after.find("step: Write two sentences\n") != std::string::npos);
  CHECK(after.find("step: Write one sentence") == std::string::npos);
  CHECK(after.size() + std::string("Write one sentence").size() ==
        before.size() + std::string("Write two sentences").size());  // nothing else changed
  CHECK(stray_files(j, {"floss.yaml", "guitar.yaml", "run.yaml", "write-novel.yaml"}).empty());
  CHECK(check(j).exit_code == 0);
}

TEST_CASE("edit: the editor gets the file as its argument, through the shell, VISUAL first") {
  TempJournal j;
  copy_examples(j);
  // The copy is hidden in goals/ and ends in .yaml (for the editor's syntax highlighting).
  j.write("visual.sh", "case \"$1\" in */goals/.run.edit-*.yaml) sed -i 's/^minutes: 2/minutes: 1/' \"$1\";; esac\n");
  j.write("editor.sh", "exit 0\n");  // EDITOR: not used while VISUAL is set
  RunResult r = j.run({"--json", "edit", "run"},
            RunOptions{.env = {{"VISUAL", "sh " + j.file("visual.sh")}, {"EDITOR", "sh " + j.file("editor.sh")}}});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  Json doc = parse_json(r.out);
  CHECK(doc["id"].as_string() == "run");
  CHECK(doc["file"].as_string() == "goals/run.yaml");
  CHECK(doc["changed"].as_bool());
  CHECK(j.read("goals/run.yaml").find("minutes: 1\n") != std::string::npos);
}

TEST_CASE("edit: an unchanged file says so and writes nothing") {
  TempJournal j;
  copy_examples(j);
  std::string before = j.read("goals/floss.yaml");
  RunResult r = edit_with(j, "true\n", {"floss"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "goals/floss.yaml unchanged.\n");
  CHECK(j.read("goals/floss.yaml") == before);
  CHECK_FALSE(j.exists("goals/floss.yaml.rejected"));
}

TEST_CASE("edit: an invalid result keeps the person's text in a backup and the old file in place") {
  TempJournal j;
  copy_examples(j);
  std::string before = j.read("goals/run.yaml");
  SUBCASE("a field that does not parse") {
    RunResult r = edit_with(j, "sed -i 's/^status: .*/status: sleeping/' \"$1\"\n", {"run"});
    CHECK(r.exit_code == 3);
    CHECK(r.out.empty());
    CHECK(r.err == "microstep: the edited goal is not valid:\n"
                   "goals/run.yaml.rejected:7: status 'sleeping' is not active, paused, done or archived\n"
                   "your text is kept in " + j.file("goals/run.yaml.rejected") + "; the goal file " +
                   j.file("goals/run.yaml") + " is unchanged\n");
    CHECK(j.read("goals/run.yaml") == before);
    CHECK(j.read("goals/run.yaml.rejected").find("status: sleeping\n") != std::string::npos);
  }
  SUBCASE("an id that no longer matches the file name") {
    RunResult r = edit_with(j, "sed -i 's/^id: run/id: jog/' \"$1\"\n", {"run"});
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("goals/run.yaml.rejected:1: id 'jog' does not match the file name (expected id: run)") !=
          std::string::npos);
    CHECK(j.read("goals/run.yaml") == before);
    CHECK(j.read("goals/run.yaml.rejected").starts_with("id: jog\n"));
  }
  SUBCASE("broken YAML") {
    RunResult r = edit_with(j, "printf 'id: run\\nstep: [unclosed\\n' > \"$1\"\n", {"run"});
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("goals/run.yaml.rejected:") != std::string::npos);
    CHECK(j.read("goals/run.yaml") == before);
    CHECK(j.read("goals/run.yaml.rejected") == "id: run\nstep: [unclosed\n");
  }
  CHECK(stray_files(j, {"floss.yaml", "guitar.yaml", "run.yaml", "write-novel.yaml", "run.yaml.rejected"}).empty());
  CHECK(check(j).exit_code == 0);  // the backup is no goal file
}

TEST_CASE("edit: an editor that fails changes nothing, and text it wrote is kept") {
  TempJournal j;
  copy_examples(j);
  std::string before = j.read("goals/run.yaml");
  RunResult quiet = edit_with(j, "exit 3\n", {"run"});
  CHECK(quiet.exit_code == 4);
  CHECK(quiet.err == "microstep: the editor 'sh " + j.file("editor.sh") +
                         "' exited with status 3; goals/run.yaml is unchanged\n");
  CHECK_FALSE(j.exists("goals/run.yaml.rejected"));
  RunResult wrote = edit_with(j, "echo '# half done' >> \"$1\"; exit 1\n", {"run"});
  CHECK(wrote.exit_code == 4);
  CHECK(wrote.err.find("your text is kept in " + j.file("goals/run.yaml.rejected")) != std::string::npos);
  CHECK(j.read("goals/run.yaml.rejected") == before + "# half done\n");
  CHECK(j.read("goals/run.yaml") == before);
}

TEST_CASE("edit: an unknown id is a usage error, and no editor runs") {
  TempJournal j;
  copy_examples(j);
  RunResult r = edit_with(j, "touch " + j.file("ran") + "\n", {"knitting"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no goal 'knitting'") != std::string::npos);
  CHECK_FALSE(j.exists("ran"));
}

TEST_CASE("edit: with git commit on, a saved edit is committed") {
  TempJournal j;
  REQUIRE(j.run({"init", "--git"}).exit_code == 0);
  j.write("microstep.yaml", "git:\n  commit: true\n");
  j.write("goals/run.yaml", read_file(std::string(MICROSTEP_SOURCE_DIR) + "/examples/journal/goals/run.yaml"));
  RunOptions git_env{.env = {{"GIT_AUTHOR_NAME", "t"}, {"GIT_AUTHOR_EMAIL", "t@example.org"},
                             {"GIT_COMMITTER_NAME", "t"}, {"GIT_COMMITTER_EMAIL", "t@example.org"}}};
  REQUIRE(j.run_program("git", {"add", "-A"}, git_env).exit_code == 0);
  REQUIRE(j.run_program("git", {"commit", "-q", "-m", "start"}, git_env).exit_code == 0);
  auto env = git_env.env;
  RunResult r = edit_with(j, "sed -i 's/^minutes: 2/minutes: 1/' \"$1\"\n", {"run"}, env);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  RunResult log = j.run_program("git", {"log", "-1", "--format=%s"});
  CHECK(log.out == "edit run\n");
}

}  // namespace microstep::test
