/// Tests of core/cache/goal_cache: goals as bytes and back, and a cache file written, read and refused.
#include "core/cache/goal_cache.hpp"
#include "core/cache/cache_version.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "unit/builders.hpp"
#include "core/cache/cache_file.hpp"
#include "core/base/content_hash.hpp"
#include "core/journal/goal_file.hpp"
#include "unit/temp_dir.hpp"

namespace fs = std::filesystem;

namespace microstep {

using test::flip_byte;
using test::TempDir;

namespace {

/// A goal with every field away from its default, two earlier versions included: a field
/// the encoding forgot would not come back equal.
Goal full_goal() {
  return parse_goal_text(R"(id: write-novel
goal: Write a novel
step: Write two sentences
after: I pour my morning coffee
schedule: 3/week
started: 2025-01-06
since: 2026-03-02
status: paused
feeling: capable, like a writer - "é"
unit: sentences
minimum: 2
minutes: 2.5
at: "07:30"
history:
  - from: 2025-01-06
    step: Write one word
    schedule: mon,wed,fri
    minimum: 0.5
    after: I sit down
  - from: 2025-06-01
    step: Write one sentence
    schedule: every 2 days
  - from: 2025-09-01
    step: Write one sentence
    schedule: 2 in 5 days
)",
                         "goals/write-novel.yaml");
}

GoalFileKey key_of(const std::string& file_name, const std::string& text) {
  return {file_name, hash_bytes(text), text.size()};
}

}  // namespace

TEST_CASE("goal_cache: a goal comes back from its bytes equal in every field") {
  Goal full = full_goal();
  REQUIRE(full.history.size() == 3);
  REQUIRE(full.minutes);
  CHECK(decode_goal(encode_goal(full)) == full);
  Goal plain = test::goal_with("2026-11-01");
  CHECK(decode_goal(encode_goal(plain)) == plain);
  CHECK(decode_goal(encode_goal(Goal{})) == Goal{});
  Goal tracked = test::goal_with("2026-11-01", "tracking");
  CHECK(decode_goal(encode_goal(tracked)) == tracked);
}

TEST_CASE("goal_cache: bytes cut short, with more after them, or with an impossible value are no goal") {
  const std::string bytes = encode_goal(full_goal());
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    CAPTURE(cut);
    CHECK_FALSE(decode_goal(std::string_view(bytes).substr(0, cut)));
  }
  CHECK_FALSE(decode_goal(bytes + '\0'));
  // The schedule's kind follows the five texts of id, goal, after, step and schedule.
  Goal goal = test::goal_with("2026-11-01");
  std::string changed = encode_goal(goal);
  size_t kind_at = 5 * 4 + goal.id.size() + goal.goal.size() + goal.after.size() + goal.step.size() +
                   goal.schedule_text.size();
  REQUIRE(changed[kind_at] == static_cast<char>(Schedule::Kind::days));
  changed[kind_at] = 9;
  CHECK_FALSE(decode_goal(changed));
}

TEST_CASE("goal_cache: a goal is found by its file's name and bytes - any other name or bytes miss") {
  TempDir dir;
  Goal full = full_goal(), plain = test::goal_with("2026-11-01");
  const GoalFileKey full_key = key_of("write-novel.yaml", "the text"), plain_key = key_of("g.yaml", "other text");
  REQUIRE(write_goal_cache(dir.path / "goals", {{full_key, &full}, {plain_key, &plain}}));
  GoalCache cache = GoalCache::read(dir.path / "goals");
  CHECK(cache.size() == 2);
  CHECK(cache.find(full_key) == full);
  CHECK(cache.find(plain_key) == plain);
  CHECK_FALSE(cache.find(key_of("write-novel.yaml", "the text!")));
  CHECK_FALSE(cache.find(key_of("g.yaml", "the text")));
  GoalFileKey same_hash_other_size = full_key;
  ++same_hash_other_size.text_size;
  CHECK_FALSE(cache.find(same_hash_other_size));
}

TEST_CASE("goal_cache: a missing, short, changed or garbage file is an empty cache") {
  TempDir dir;
  CHECK(GoalCache::read(dir.path / "missing").size() == 0);
  Goal full = full_goal();
  REQUIRE(write_goal_cache(dir.path / "goals", {{key_of("write-novel.yaml", "text"), &full}}));
  const std::string whole = dir.read("goals");
  REQUIRE(GoalCache::read(dir.path / "goals").size() == 1);
  for (size_t size = 0; size < whole.size(); size += 7) {
    CAPTURE(size);
    dir.write("short", whole.substr(0, size));
    CHECK(GoalCache::read(dir.path / "short").size() == 0);
  }
  for (size_t at = 0; at < whole.size(); ++at) {
    CAPTURE(at);
    dir.write("changed", whole);
    flip_byte(dir.path / "changed", at);
    CHECK(GoalCache::read(dir.path / "changed").size() == 0);
  }
  std::mt19937 random(7);
  std::string garbage(500, '\0');
  for (char& c : garbage) c = static_cast<char>(random());
  dir.write("garbage", garbage);
  CHECK(GoalCache::read(dir.path / "garbage").size() == 0);
}

TEST_CASE("goal_cache: a cache written by another version of microstep is not used") {
  // The layout goal_cache.cpp writes: magic, byte-order mark, the hash of the body; the body
  // starts with the versions (cache_version_bytes). Here a whole, well-hashed file of another
  // program version.
  TempDir dir;
  Goal full = full_goal();
  Encoder body;
  body.put_text("0.0.0-another");
  body.put(std::uint64_t{1});
  body.put_text("write-novel.yaml");
  body.put(hash_bytes("text"));
  body.put(std::uint64_t{4});
  body.put_text(encode_goal(full));
  Encoder file;
  file.bytes = "mstepGC3";
  file.put(std::uint32_t{0x01020304});
  file.put(hash_bytes(body.bytes));
  REQUIRE(write_cache_file(dir.path / "goals", file.bytes + body.bytes));
  CHECK(GoalCache::read(dir.path / "goals").size() == 0);

  Encoder same = body;  // the same file with this version reads
  same.bytes.replace(0, 4 + 13, "");
  Encoder current;
  current.put_text(cache_version_bytes());
  current.bytes += same.bytes;
  Encoder ours;
  ours.bytes = "mstepGC3";
  ours.put(std::uint32_t{0x01020304});
  ours.put(hash_bytes(current.bytes));
  REQUIRE(write_cache_file(dir.path / "goals", ours.bytes + current.bytes));
  CHECK(GoalCache::read(dir.path / "goals").find(key_of("write-novel.yaml", "text")) == full);
}

TEST_CASE("goal_cache: a cache that cannot be written is false") {
  TempDir dir;
  dir.write("cache", "not a directory");
  Goal plain = test::goal_with("2026-11-01");
  CHECK_FALSE(write_goal_cache(dir.path / "cache/goals", {{key_of("g.yaml", "x"), &plain}}));
  CHECK(dir.read("cache") == "not a directory");
}

}  // namespace microstep
