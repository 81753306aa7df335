/// Tests of core/cache/cached_goal_reader: goals read through the goal cache are the goals
/// parsed from their files, whatever changed since the cache was written.
#include "core/cache/cached_goal_reader.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/content_hash.hpp"
#include "core/base/error.hpp"
#include "core/cache/goal_cache.hpp"
#include "core/journal/journal.hpp"
#include "unit/builders.hpp"
#include "unit/temp_dir.hpp"

namespace fs = std::filesystem;

namespace microstep {

using test::TempDir;

namespace {

using test::goal_file_text;

/// A journal of goals a, b and c, read through a goal cache under the test's directory.
struct GoalCachedJournal {
  TempDir dir;
  fs::path cache_file = dir.path / "cache/microstep/goals";

  GoalCachedJournal() {
    dir.write("microstep.yaml", "");
    dir.write("checkins.log", "");
    for (const char* id : {"a", "b", "c"}) dir.write(std::string("goals/") + id + ".yaml", goal_file_text(id));
  }
  Journal cached(size_t min_goals = 0) const {
    Journal journal = Journal::open(dir.path);
    journal.use_goal_reader(std::make_shared<CachedGoalReader>(cache_file, min_goals));
    return journal;
  }
  std::vector<std::string> steps(const Journal& journal) const {
    std::vector<std::string> out;
    for (const Goal& goal : journal.load_goals()) out.push_back(goal.id + ": " + goal.step);
    return out;
  }
  /// A cache whose entry for goals/ID.yaml, as it is now, is `goal`.
  void cache_as(const std::string& id, const Goal& goal) const {
    const std::string text = dir.read("goals/" + id + ".yaml");
    REQUIRE(write_goal_cache(cache_file, {{{id + ".yaml", hash_bytes(text), text.size()}, &goal}}));
  }
};

}  // namespace

TEST_CASE("cached_goal_reader: the goal cache gives what parsing gives - written by the first load") {
  GoalCachedJournal j;
  const auto parsed = Journal::open(j.dir.path).load_goals();
  CHECK_FALSE(fs::exists(j.cache_file));
  CHECK(j.cached().load_goals() == parsed);
  REQUIRE(fs::exists(j.cache_file));
  CHECK(GoalCache::read(j.cache_file).size() == 3);
  CHECK(j.cached().load_goals() == parsed);
}

TEST_CASE("cached_goal_reader: load_goal takes one goal from the goal cache too - and parses a changed file") {
  GoalCachedJournal j;
  Goal from_cache = Journal::open(j.dir.path).load_goal("b");
  from_cache.step = "From the cache";
  j.cache_as("b", from_cache);
  CHECK(j.cached().load_goal("b").step == "From the cache");
  CHECK(Journal::open(j.dir.path).load_goal("b").step == "Floss one tooth");  // no cache: parsed
  CHECK(j.cached().load_goal("a").step == "Floss one tooth");                 // not in it: parsed
  j.dir.write("goals/b.yaml", goal_file_text("b") + "\n");
  CHECK(j.cached().load_goal("b").step == "Floss one tooth");  // changed: parsed
  CHECK(GoalCache::read(j.cache_file).size() == 1);           // and the cache left as it was
}

TEST_CASE("cached_goal_reader: a goal in the cache for a file's exact bytes is used - any change to the file is parsed") {
  // A cache that says another step for goals/b.yaml as it is: load_goals then gives that
  // step, which proves it read the cache (parsing would give the file's).
  GoalCachedJournal j;
  Goal from_cache = Journal::open(j.dir.path).load_goal("b");
  from_cache.step = "From the cache";
  j.cache_as("b", from_cache);
  CHECK(j.steps(j.cached()) ==
        std::vector<std::string>{"a: Floss one tooth", "b: From the cache", "c: Floss one tooth"});
  SUBCASE("one byte of the file changed: parsed again") {
    j.dir.write("goals/b.yaml", goal_file_text("b") + "\n");
    CHECK(j.steps(j.cached()) ==
          std::vector<std::string>{"a: Floss one tooth", "b: Floss one tooth", "c: Floss one tooth"});
  }
  SUBCASE("the cache was written again with every goal as parsed") {
    CHECK(GoalCache::read(j.cache_file).size() == 3);
    CHECK(j.steps(j.cached()) ==
          std::vector<std::string>{"a: Floss one tooth", "b: From the cache", "c: Floss one tooth"});
  }
  SUBCASE("the same file under another name is not found") {
    j.dir.write("goals/d.yaml", goal_file_text("d"));
    fs::remove(j.dir.path / "goals/b.yaml");
    fs::rename(j.dir.path / "goals/d.yaml", j.dir.path / "goals/b.yaml");  // now an id d in b.yaml
    CHECK_THROWS_WITH(j.cached().load_goals(), doctest::Contains("goals/b.yaml:1: id 'd' does not match"));
  }
}

TEST_CASE("cached_goal_reader: a goal file removed or added is seen through the goal cache") {
  GoalCachedJournal j;
  j.cached().load_goals();
  fs::remove(j.dir.path / "goals/c.yaml");
  CHECK(j.steps(j.cached()) == std::vector<std::string>{"a: Floss one tooth", "b: Floss one tooth"});
  CHECK(GoalCache::read(j.cache_file).size() == 2);
  j.dir.write("goals/d.yaml", "id: d\nstarted: 2026-11-01\n");
  CHECK_THROWS_WITH(j.cached().load_goals(), doctest::Contains("goals/d.yaml:1: missing step"));
  j.dir.write("goals/d.yaml", "id: d\nstep: Floss two teeth\nstarted: 2026-11-01\n");
  CHECK(j.steps(j.cached()) ==
        std::vector<std::string>{"a: Floss one tooth", "b: Floss one tooth", "d: Floss two teeth"});
}

TEST_CASE("cached_goal_reader: a bad goal file fails as without the cache - and no cache is written") {
  GoalCachedJournal j;
  j.dir.write("goals/b.yaml", "id: b\nstarted: 2026-11-01\n");
  std::string without, with;
  try {
    Journal::open(j.dir.path).load_goals();
  } catch (const Failure& e) {
    without = e.what();
  }
  try {
    j.cached().load_goals();
  } catch (const Failure& e) {
    with = e.what();
  }
  CHECK(without.find("goals/b.yaml:") != std::string::npos);
  CHECK(with == without);
  CHECK_FALSE(fs::exists(j.cache_file));
}

TEST_CASE("cached_goal_reader: fewer goal files than min_goals are parsed - no goal cache written") {
  GoalCachedJournal j;
  j.cached(4).load_goals();
  CHECK_FALSE(fs::exists(j.cache_file));
  j.cached(3).load_goals();
  CHECK(fs::exists(j.cache_file));
}

TEST_CASE("cached_goal_reader: the goal cache file sits beside the log cache file - named for the same journal") {
  TempDir dir;
  fs::create_directories(dir.path / "a");
  const fs::path home = dir.path / "cache";
  const fs::path goals = Journal::outside_file(dir.path / "a", home, "goals");
  const fs::path log = Journal::outside_file(dir.path / "a", home, "log");
  CHECK(goals.parent_path() == log.parent_path());
  CHECK(goals.filename().string().substr(0, 6) == "goals-");
  CHECK(goals.filename().string().substr(6) == log.filename().string().substr(4));
  CHECK(goals == Journal::outside_file(dir.path / "a/.", home, "goals"));
}

}  // namespace microstep
