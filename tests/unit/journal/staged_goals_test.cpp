/// Tests of core/journal/staged_goals: new goal files and their check-ins written all or nothing, and
/// what an interrupted publish left, settled.
#include "core/journal/staged_goals.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/error.hpp"
#include "core/journal/log_line.hpp"
#include "unit/temp_dir.hpp"

namespace fs = std::filesystem;

namespace microstep {

using test::names_in;

namespace {

struct Journal {
  test::TempDir dir;
  fs::path goals = dir.path / "goals";
  fs::path log = dir.path / "checkins.log";
  Journal() { fs::create_directory(goals); }
  fs::path staging() const { return goals / kStagingDir; }
};

Event checkin(const std::string& goal) {
  Event e;
  e.day = *parse_iso_day("2026-11-02");
  e.goal = goal;
  return e;
}

const std::vector<NewGoalFile> kFiles{{"a", "id: a\n"}, {"b", "id: b\n"}};

}  // namespace

TEST_CASE("publish_goals: every file and every check-in - no staging left") {
  Journal j;
  JournalLock lock(j.log);
  publish_goals(j.goals, lock, kFiles, {checkin("a"), checkin("b")});
  CHECK(names_in(j.goals) == std::vector<std::string>{"a.yaml", "b.yaml"});
  CHECK(j.dir.read("goals/a.yaml") == "id: a\n");
  CHECK(j.dir.read("checkins.log") == format_log_line(checkin("a")) + format_log_line(checkin("b")));
  CHECK(settle_interrupted_publish(j.goals, lock) == Settled::nothing);
}

TEST_CASE("publish_goals: a goal file that exists already - nothing published, nothing appended") {
  Journal j;
  j.dir.write("goals/b.yaml", "id: b\nmine: true\n");
  JournalLock lock(j.log);
  CHECK_THROWS_AS(publish_goals(j.goals, lock, kFiles, {checkin("a")}), Failure);
  CHECK(names_in(j.goals) == std::vector<std::string>{"b.yaml"});
  CHECK(j.dir.read("goals/b.yaml") == "id: b\nmine: true\n");
  CHECK(j.dir.read("checkins.log").empty());
}

TEST_CASE("settle_interrupted_publish") {
  Journal j;
  JournalLock lock(j.log);
  SUBCASE("killed while staging (no manifest): nothing was published - the staging goes") {
    j.dir.write("goals/.import.tmp/a.yaml", "id: a\n");
    CHECK(settle_interrupted_publish(j.goals, lock) == Settled::rolled_back);
    CHECK(names_in(j.goals).empty());
  }
  SUBCASE("killed while renaming: the goals published are taken back") {
    j.dir.write("goals/.import.tmp/publishing", "log-size 0\nappends 1\na\nb\n");
    j.dir.write("goals/.import.tmp/b.yaml", "id: b\n");
    j.dir.write("goals/a.yaml", "id: a\n");  // renamed before the kill
    j.dir.write("goals/c.yaml", "id: c\n");  // not the import's
    CHECK(settle_interrupted_publish(j.goals, lock) == Settled::rolled_back);
    CHECK(names_in(j.goals) == std::vector<std::string>{"c.yaml"});
  }
  SUBCASE("killed after the renames but before the append: taken back") {
    j.dir.write("goals/.import.tmp/publishing", "log-size 0\nappends 1\na\n");
    j.dir.write("goals/a.yaml", "id: a\n");
    CHECK(settle_interrupted_publish(j.goals, lock) == Settled::rolled_back);
    CHECK(names_in(j.goals).empty());
  }
  SUBCASE("killed after the append: the import is complete - only the staging goes") {
    j.dir.write("goals/.import.tmp/publishing", "log-size 0\nappends 1\na\n");
    j.dir.write("goals/a.yaml", "id: a\n");
    lock.append({checkin("a")});
    CHECK(settle_interrupted_publish(j.goals, lock) == Settled::completed);
    CHECK(names_in(j.goals) == std::vector<std::string>{"a.yaml"});
  }
  SUBCASE("no check-ins to append and every goal published: complete") {
    j.dir.write("goals/.import.tmp/publishing", "log-size 0\nappends 0\na\n");
    j.dir.write("goals/a.yaml", "id: a\n");
    CHECK(settle_interrupted_publish(j.goals, lock) == Settled::completed);
    CHECK(names_in(j.goals) == std::vector<std::string>{"a.yaml"});
  }
  SUBCASE("a roll-back killed half-way is taken up again as one") {
    j.dir.write("goals/.import.tmp/rolling-back", "log-size 0\nappends 0\na\nb\n");
    j.dir.write("goals/b.yaml", "id: b\n");  // a was removed before the kill
    CHECK(settle_interrupted_publish(j.goals, lock) == Settled::rolled_back);
    CHECK(names_in(j.goals).empty());
  }
  SUBCASE("a manifest cut short was never synced: nothing was published") {
    j.dir.write("goals/.import.tmp/publishing", "log-size 0\nappe");
    j.dir.write("goals/.import.tmp/a.yaml", "id: a\n");
    CHECK(settle_interrupted_publish(j.goals, lock) == Settled::rolled_back);
    CHECK(names_in(j.goals).empty());
  }
}

}  // namespace microstep
