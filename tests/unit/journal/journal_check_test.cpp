#include "core/journal/journal_check.hpp"

#include <doctest/doctest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/base/error.hpp"

namespace fs = std::filesystem;

namespace microstep {

namespace {

/// A throw-away journal directory, removed with everything in it.
class Scratch {
 public:
  Scratch() {
    std::string name = (fs::temp_directory_path() / "journal_check_test.XXXXXX").string();
    REQUIRE(::mkdtemp(name.data()) != nullptr);
    root_ = name;
    write("microstep.yaml", "week_starts: monday\n");
    fs::create_directory(root_ / "goals");
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  void write(const std::string& relpath, const std::string& text) const {
    std::ofstream(root_ / relpath, std::ios::binary) << text;
  }
  const fs::path& root() const { return root_; }

 private:
  fs::path root_;
};

const std::string kRun = "id: run\nstep: Put on my shoes\nstarted: 2026-11-01\n";
const Day kToday = *parse_iso_day("2026-11-22");

std::string line(const std::string& day, const std::string& goal) {
  return day + "\t" + day + "T08:00:00+00:00\tdone\t" + goal + "\t\t\n";
}

std::vector<std::string> formatted(const JournalCheck& check) {
  std::vector<std::string> out;
  for (const auto& p : check.problems) out.push_back(format_problem(p));
  return out;
}

}  // namespace

TEST_CASE("located_problem splits file:line: problem") {
  SUBCASE("a located message") {
    CHECK(located_problem("goals/run.yaml:12: status 'x' is bad: really", "other") ==
          JournalProblem{"goals/run.yaml", 12, "status 'x' is bad: really"});
  }
  SUBCASE("a message without a location goes on the fallback file, line 1") {
    CHECK(located_problem("cannot read /x/y: Permission denied", "goals/y.yaml") ==
          JournalProblem{"goals/y.yaml", 1, "cannot read /x/y: Permission denied"});
  }
  SUBCASE("format_problem puts it back together") {
    CHECK(format_problem({"checkins.log", 3, "bad"}) == "checkins.log:3: bad");
  }
}

TEST_CASE("check_goal_text") {
  SUBCASE("a good goal is accepted with no problems") {
    GoalTextCheck r = check_goal_text(kRun, "run", "goals/run.yaml");
    CHECK(r.accepted);
    REQUIRE(r.goal);
    CHECK(r.goal->step == "Put on my shoes");
    CHECK(r.problems.empty());
  }
  SUBCASE("CRLF is accepted, but reported at the first such line") {
    GoalTextCheck r = check_goal_text("id: run\nstep: x\r\nstarted: 2026-11-01\r\n", "run", "goals/run.yaml");
    CHECK(r.accepted);
    REQUIRE(r.problems.size() == 1);
    CHECK(format_problem(r.problems[0]) ==
          "goals/run.yaml:2: line ends in CRLF, accepted but reported (2 lines in all; convert with: "
          "sed -i 's/\\r$//' goals/run.yaml)");
  }
  SUBCASE("every conflict marker is reported, and the text is refused") {
    GoalTextCheck r = check_goal_text("id: run\n<<<<<<< HEAD\nstep: a\n=======\nstep: b\n>>>>>>> x\n", "run",
                                      "goals/run.yaml");
    CHECK_FALSE(r.accepted);
    CHECK_FALSE(r.goal);
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0].line == 2);
    CHECK(r.problems[1].line == 4);
    CHECK(r.problems[2].line == 6);
    CHECK(r.problems[2].problem.starts_with("git conflict marker left by a failed merge"));
  }
  SUBCASE("a parse error keeps the parser's own file:line and words") {
    GoalTextCheck r = check_goal_text("id: run\nstep: x\nstarted: 2026-11-01\nstatus: sleeping\n", "run",
                                      "goals/run.yaml.rejected");
    CHECK_FALSE(r.accepted);
    REQUIRE(r.problems.size() == 1);
    CHECK(format_problem(r.problems[0]) ==
          "goals/run.yaml.rejected:4: status 'sleeping' is not active, paused, done or archived");
  }
  SUBCASE("an id other than the file name is refused at the id line") {
    GoalTextCheck r = check_goal_text("# mine\nid: walk\nstep: x\nstarted: 2026-11-01\n", "run", "goals/run.yaml");
    CHECK_FALSE(r.accepted);
    REQUIRE(r.goal);
    REQUIRE(r.problems.size() == 1);
    CHECK(format_problem(r.problems[0]) == "goals/run.yaml:2: id 'walk' does not match the file name (expected id: run)");
  }
  SUBCASE("a file name that is no goal id says what to name it") {
    GoalTextCheck r = check_goal_text(kRun, "My Run", "goals/My Run.yaml");
    CHECK_FALSE(r.accepted);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].problem == "the file name is not a goal id; name the file goals/run.yaml");
  }
}

TEST_CASE("check_journal") {
  Scratch j;
  j.write("goals/run.yaml", kRun);

  SUBCASE("a clean journal: no problems, its goals and check-ins counted") {
    j.write("checkins.log", line("2026-11-01", "run") + "# a comment\n" + line("2026-11-22", "run"));
    JournalCheck r = check_journal(j.root(), kToday);
    CHECK(r.problems.empty());
    CHECK(r.goals == 1);
    CHECK(r.checkins == 2);
  }
  SUBCASE("no log and no goals directory is clean too") {
    fs::remove_all(j.root() / "goals");
    JournalCheck r = check_journal(j.root(), kToday);
    CHECK(r.problems.empty());
    CHECK(r.goals == 0);
    CHECK(r.checkins == 0);
  }
  SUBCASE("one of each problem, in file order then line order") {
    j.write("microstep.yaml", "week_starts: someday\n");
    j.write("goals/run-copy.yaml", kRun);
    j.write("goals/walk.yaml", "id: walk\nstep: x\n");
    j.write("goals/.walk.edit-abc123.yaml", "not: [a goal");  // an edit in progress: passed by
    j.write("checkins.log", "nonsense\n" + line("2026-11-23", "run") + line("2026-10-31", "run") +
                                line("2026-11-02", "gone") + line("2026-11-03", "gone") + "=======\n" +
                                "2026-11-04\t2026-11-04T08:00:00+00:00\tdone\trun\t\t\r\n" +
                                line("2026-11-05", "walk") + "2026-11-05\t2026-11");
    JournalCheck r = check_journal(j.root(), kToday);
    CHECK(formatted(r) == std::vector<std::string>{
        "microstep.yaml:1: week_starts must be a weekday such as monday or sunday",
        "goals/run-copy.yaml:1: id 'run' does not match the file name (expected id: run-copy)",
        "goals/run-copy.yaml:1: id 'run' is also declared in goals/run.yaml",
        "goals/run.yaml:1: id 'run' is also declared in goals/run-copy.yaml",
        "goals/walk.yaml:1: missing started: (the first day, YYYY-MM-DD)",
        "checkins.log:1: expected 6 or 7 tab-separated fields (day, written, event, goal, amount, note[, "
        "truth]), found 1",
        "checkins.log:2: day 2026-11-23 is in the future (today is 2026-11-22)",
        "checkins.log:3: day 2026-10-31 is before goal 'run' started (2026-11-01)",
        "checkins.log:4: unknown goal 'gone': there is no goals/gone.yaml (2 lines name it; this is the first)",
        "checkins.log:6: git conflict marker left by a failed merge; keep the lines of both sides and delete "
        "the marker lines",
        "checkins.log:7: line ends in CRLF, accepted but reported (1 line in all; convert with: sed -i "
        "'s/\\r$//' checkins.log)",
        "checkins.log:9: the last line has no newline (an interrupted write?); ignored",
    });
    CHECK(r.goals == 1);     // run; run-copy and walk are not fine
    CHECK(r.checkins == 6);  // the well-formed lines, walk's included (its file exists)
  }
  SUBCASE("every bad log line is reported, not only the first 20") {
    std::string log;
    for (int i = 0; i < 45; ++i) log += "bad\n";
    j.write("checkins.log", log);
    JournalCheck r = check_journal(j.root(), kToday);
    REQUIRE(r.problems.size() == 45);
    CHECK(r.problems.back().line == 45);
  }
  SUBCASE("a missing journal is an io Failure") {
    CHECK_THROWS_AS(check_journal(j.root() / "nowhere", kToday), Failure);
  }
}

}  // namespace microstep
