/// Tests of core/cache/log_cache: a cache file written and read back, and every damaged file refused.
#include "core/cache/log_cache.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "unit/builders.hpp"
#include "unit/temp_dir.hpp"

namespace fs = std::filesystem;

namespace microstep {

using test::day;
using test::describe_marks;
using test::flip_byte;
using test::names_in;
using test::TempDir;

namespace {

/// The layout log_cache.cpp writes: a 64-byte header, then each goal's check-ins (16-byte
/// records, then 8-byte big amounts), then the goals' resolved marks, then the index.
constexpr size_t kHeaderBytes = 64;
constexpr size_t kRecordBytes = 16;

/// The event `kind` of goal `goal` on `on`, written at 08:00 UTC plus `minute`.
EventView view(const char* goal, const char* on, EventKind kind, std::optional<double> amount = std::nullopt,
               int minute = 0) {
  EventView e;
  e.day = day(on);
  e.written = Moment{date::sys_seconds{e.day} + std::chrono::hours{8} + std::chrono::minutes{minute}, {}};
  e.kind = kind;
  e.goal = goal;
  e.amount = amount;
  return e;
}

CheckinCollector collect(const std::vector<EventView>& events) {
  CheckinCollector c;
  for (const auto& e : events) c.add(e);
  return c;
}

/// A cache's content: three goal ids read in two parts of a log, two of them with marks.
/// Both parts of floss hold big amounts (that thousandths cannot hold), so each part numbers
/// its own from 0.
struct Sample {
  static constexpr double kFlossDefault = 2, kRunDefault = 1;
  CheckinCollector floss1 = collect({view("floss", "2026-11-02", EventKind::done, 1e9),
                                     view("floss", "2026-11-03", EventKind::done),
                                     view("floss", "2026-11-03", EventKind::done, 0.5, 5),
                                     view("floss", "2026-11-04", EventKind::skip),
                                     view("floss", "2026-11-05", EventKind::pause)});
  CheckinCollector floss2 = collect({view("floss", "2026-11-08", EventKind::resume),
                                     view("floss", "2026-11-09", EventKind::done, 0.0001),
                                     view("floss", "2026-11-10", EventKind::done, 2.5),
                                     view("floss", "2026-11-11", EventKind::done),
                                     view("floss", "2026-11-11", EventKind::undo, std::nullopt, 5)});
  CheckinCollector ghost = collect({view("ghost", "2026-11-06", EventKind::done, 3)});
  CheckinCollector run1 = collect({view("run", "2026-11-01", EventKind::done, 7)});
  CheckinCollector run2 = collect({view("run", "2026-11-12", EventKind::done),
                                   view("run", "2026-11-20", EventKind::pause)});
  std::vector<const CheckinCollector*> floss_parts{&floss1, &floss2};
  std::vector<const CheckinCollector*> run_parts{&run1, &run2};
  DayMarks floss_marks{floss_parts, kFlossDefault};
  DayMarks run_marks{run_parts, kRunDefault};

  LogCacheContent content() const {
    LogCacheContent c;
    c.bytes = 300;
    c.lines = 13;
    c.ranges = {{0, 120, 0x1111}, {120, 300, 0x2222}};
    c.warnings = {"checkins.log:4: a line cut short by an interrupted write; ignored",
                  "checkins.log:9: a line cut short by an interrupted write; ignored"};
    c.goals = {{"floss", 2, floss_parts, &floss_marks}, {"ghost", 7, {&ghost}, nullptr}, {"run", 1, run_parts, &run_marks}};
    return c;
  }
};

/// The days of November 2026 and a little after, as marks say them.
std::string described(const DayMarks& marks) { return describe_marks(marks, day("2026-10-25"), day("2026-12-05")); }

/// The sample written to dir/log and opened again.
std::optional<LogCacheFile> written_and_opened(const TempDir& dir, const Sample& sample) {
  REQUIRE(write_log_cache(dir.path / "log", sample.content()));
  return LogCacheFile::open(dir.path / "log");
}

}  // namespace

TEST_CASE("log_cache: what was written reads back - covered bytes, ranges, warnings, goals") {
  TempDir dir;
  Sample sample;
  const fs::path path = dir.path / "log";
  REQUIRE(write_log_cache(path, sample.content()));
  auto cache = LogCacheFile::open(path);
  REQUIRE(cache);
  CHECK(cache->bytes() == 300);
  CHECK(cache->lines() == 13);
  REQUIRE(cache->ranges().size() == 2);
  CHECK(cache->ranges()[0].begin == 0);
  CHECK(cache->ranges()[0].end == 120);
  CHECK(cache->ranges()[0].hash == 0x1111);
  CHECK(cache->ranges()[1].begin == 120);
  CHECK(cache->ranges()[1].end == 300);
  CHECK(cache->ranges()[1].hash == 0x2222);
  CHECK(cache->warnings() == sample.content().warnings);
  REQUIRE(cache->goals().size() == 3);
  CHECK(cache->goals()[0].id == "floss");
  CHECK(cache->goals()[0].first_line == 2);
  CHECK(cache->goals()[0].marks_default_amount == Sample::kFlossDefault);
  CHECK(cache->goals()[1].id == "ghost");
  CHECK(cache->goals()[1].first_line == 7);
  CHECK_FALSE(cache->goals()[1].marks_default_amount);  // written without marks
  CHECK(cache->goals()[2].id == "run");
  CHECK(cache->goals()[2].first_line == 1);
  CHECK(cache->goals()[2].marks_default_amount == Sample::kRunDefault);
}

TEST_CASE("log_cache: a goal's check-ins load back as one collector - big amounts of every part kept apart") {
  TempDir dir;
  Sample sample;
  auto cache = written_and_opened(dir, sample);
  REQUIRE(cache);

  auto floss = cache->load(0);
  REQUIRE(floss);
  CHECK(floss->size() == sample.floss1.size() + sample.floss2.size());
  const DayMarks floss_again(*floss, Sample::kFlossDefault);
  CHECK(described(floss_again) == described(sample.floss_marks));
  // Each part's big amount is where it was: not the first part's read for the second's.
  CHECK(floss_again.amount(day("2026-11-02")) == 1e9);
  CHECK(floss_again.amount(day("2026-11-09")) == 0.0001);

  auto ghost = cache->load(1);
  REQUIRE(ghost);
  CHECK(ghost->size() == 1);
  CHECK(described(DayMarks(*ghost, 1)) == described(DayMarks(sample.ghost, 1)));

  auto run = cache->load(2);
  REQUIRE(run);
  CHECK(described(DayMarks(*run, Sample::kRunDefault)) == described(sample.run_marks));

  CHECK_FALSE(cache->load(3));
}

TEST_CASE("log_cache: resolved marks load back as written - for the goals written with marks only") {
  TempDir dir;
  Sample sample;
  auto cache = written_and_opened(dir, sample);
  REQUIRE(cache);

  auto floss = cache->load_marks(0);
  REQUIRE(floss);
  CHECK(described(*floss) == described(sample.floss_marks));
  CHECK(floss->first_done() == sample.floss_marks.first_done());
  CHECK(floss->last_done() == sample.floss_marks.last_done());

  CHECK_FALSE(cache->load_marks(1));  // ghost: no marks

  auto run = cache->load_marks(2);
  REQUIRE(run);
  CHECK(described(*run) == described(sample.run_marks));
  CHECK(run->paused(day("2027-06-01")));  // the pause still open
  CHECK_FALSE(run->paused(day("2026-11-19")));

  CHECK_FALSE(cache->load_marks(3));
}

TEST_CASE("log_cache: a missing - empty - short or garbage file is no cache") {
  TempDir dir;
  CHECK_FALSE(LogCacheFile::open(dir.path / "missing"));
  dir.write("empty", "");
  CHECK_FALSE(LogCacheFile::open(dir.path / "empty"));

  std::mt19937 random(3);
  std::string garbage(2000, '\0');
  for (char& c : garbage) c = static_cast<char>(random());
  dir.write("garbage", garbage);
  CHECK_FALSE(LogCacheFile::open(dir.path / "garbage"));

  Sample sample;
  REQUIRE(write_log_cache(dir.path / "log", sample.content()));
  const std::string whole = dir.read("log");
  REQUIRE(LogCacheFile::open(dir.path / "log"));
  for (size_t size : {size_t{0}, size_t{10}, kHeaderBytes, whole.size() / 2, whole.size() - 1}) {
    CAPTURE(size);
    dir.write("short", whole.substr(0, size));
    CHECK_FALSE(LogCacheFile::open(dir.path / "short"));
  }
}

TEST_CASE("log_cache: a byte changed in the header or the index makes the file no cache") {
  TempDir dir;
  Sample sample;
  REQUIRE(write_log_cache(dir.path / "log", sample.content()));
  const std::string whole = dir.read("log");
  // The index is the file's tail: its last byte, and a byte of a warning's text in it.
  const size_t in_warning = whole.find("checkins.log:9");
  REQUIRE(in_warning != std::string::npos);
  std::vector<size_t> positions{whole.size() - 1, in_warning + 3};
  for (size_t at = 0; at < kHeaderBytes; ++at) positions.push_back(at);
  for (size_t at : positions) {
    CAPTURE(at);
    dir.write("log", whole);
    flip_byte(dir.path / "log", at);
    CHECK_FALSE(LogCacheFile::open(dir.path / "log"));
  }
}

TEST_CASE("log_cache: a byte changed in a goal's records or marks fails that load alone") {
  TempDir dir;
  Sample sample;
  REQUIRE(write_log_cache(dir.path / "log", sample.content()));

  SUBCASE("in the records of the first goal") {
    flip_byte(dir.path / "log", kHeaderBytes + 3);
    auto cache = LogCacheFile::open(dir.path / "log");
    REQUIRE(cache);  // the index is whole
    CHECK_FALSE(cache->load(0));
    CHECK(cache->load_marks(0));
    CHECK(cache->load(1));
    CHECK(cache->load(2));
  }
  SUBCASE("in the marks of the first goal, after every goal's check-ins") {
    const size_t records = sample.floss1.size() + sample.floss2.size() + sample.ghost.size() + sample.run1.size() +
                           sample.run2.size();
    const size_t big_amounts = 2;  // floss's 1e9 and 0.0001
    flip_byte(dir.path / "log", kHeaderBytes + records * kRecordBytes + big_amounts * sizeof(double) + 1);
    auto cache = LogCacheFile::open(dir.path / "log");
    REQUIRE(cache);
    CHECK(cache->load(0));
    CHECK_FALSE(cache->load_marks(0));
    CHECK(cache->load_marks(2));
  }
}

TEST_CASE("log_cache: no byte changed anywhere in the file reads back as other check-ins or marks") {
  TempDir dir;
  Sample sample;
  REQUIRE(write_log_cache(dir.path / "log", sample.content()));
  const std::string whole = dir.read("log");
  const std::vector<const DayMarks*> marks{&sample.floss_marks, nullptr, &sample.run_marks};
  const std::vector<double> defaults{Sample::kFlossDefault, 1, Sample::kRunDefault};
  const std::vector<std::string> expected{described(sample.floss_marks), described(DayMarks(sample.ghost, 1)),
                                          described(sample.run_marks)};
  size_t opened = 0, refused_loads = 0;
  for (size_t at = 0; at < whole.size(); ++at) {
    CAPTURE(at);
    dir.write("log", whole);
    flip_byte(dir.path / "log", at);
    auto cache = LogCacheFile::open(dir.path / "log");
    if (!cache) continue;
    ++opened;
    REQUIRE(cache->goals().size() == 3);
    for (size_t i = 0; i < 3; ++i) {
      auto checkins = cache->load(i);
      auto loaded_marks = cache->load_marks(i);
      if (checkins) CHECK(described(DayMarks(*checkins, defaults[i])) == expected[i]);
      if (loaded_marks) CHECK(described(*loaded_marks) == expected[i]);
      if (!checkins || (marks[i] && !loaded_marks)) ++refused_loads;
    }
  }
  CHECK(opened > 0);  // the changes in sections leave the index whole...
  CHECK(refused_loads == opened);  // ...and each of them fails exactly one load
}

TEST_CASE("log_cache: ranges that do not cover the bytes in order make the file no cache") {
  TempDir dir;
  auto opens_with = [&](std::uint64_t bytes, std::vector<HashedRange> ranges) {
    LogCacheContent content;
    content.bytes = bytes;
    content.ranges = std::move(ranges);
    REQUIRE(write_log_cache(dir.path / "log", content));
    return LogCacheFile::open(dir.path / "log").has_value();
  };
  CHECK(opens_with(0, {}));
  CHECK(opens_with(300, {{0, 100, 1}, {100, 300, 2}}));
  CHECK(opens_with(300, {{0, 100, 1}, {100, 100, 3}, {100, 300, 2}}));  // an empty range is no gap
  CHECK_FALSE(opens_with(300, {{0, 100, 1}, {150, 300, 2}}));  // a gap
  CHECK_FALSE(opens_with(300, {{0, 150, 1}, {100, 300, 2}}));  // an overlap
  CHECK_FALSE(opens_with(300, {{100, 300, 2}, {0, 100, 1}}));  // out of order
  CHECK_FALSE(opens_with(300, {{0, 100, 1}, {100, 200, 2}}));  // short of the bytes
  CHECK_FALSE(opens_with(300, {{0, 100, 1}, {100, 400, 2}}));  // past them
  CHECK_FALSE(opens_with(300, {{10, 300, 1}}));                // not from the start
  CHECK_FALSE(opens_with(300, {}));
  CHECK_FALSE(opens_with(0, {{0, 300, 1}, {300, 0, 2}}));      // a range backwards
}

TEST_CASE("log_cache: written into a directory it creates - replacing the file that was there") {
  TempDir dir;
  Sample sample;
  const fs::path path = dir.path / "cache/microstep/log";
  REQUIRE(write_log_cache(path, sample.content()));
  REQUIRE(LogCacheFile::open(path));
  CHECK(LogCacheFile::open(path)->goals().size() == 3);

  LogCacheContent other;
  other.bytes = 10;
  other.lines = 1;
  other.ranges = {{0, 10, 5}};
  REQUIRE(write_log_cache(path, other));
  auto cache = LogCacheFile::open(path);
  REQUIRE(cache);
  CHECK(cache->bytes() == 10);
  CHECK(cache->goals().empty());
  CHECK(names_in(path.parent_path()) == std::vector<std::string>{"log"});  // no temporary file left
}

TEST_CASE("log_cache: the writer keeps no collector - marks added after they are gone are written") {
  TempDir dir;
  const fs::path path = dir.path / "log";
  Sample sample;
  std::optional<LogCacheWriter> writer;
  {
    // Copies, freed before the marks are added: the writer must have written them already.
    CheckinCollector floss1 = sample.floss1, floss2 = sample.floss2, run1 = sample.run1, run2 = sample.run2;
    LogCacheContent content;
    content.goals = {{"floss", 2, {&floss1, &floss2}, nullptr}, {"run", 1, {&run1, &run2}, nullptr}};
    writer.emplace(path, content);
    floss1 = floss2 = run1 = run2 = CheckinCollector{};
  }
  writer->add_marks(1, sample.run_marks);
  writer->add_marks(2, sample.floss_marks);  // no such goal: a goal with no check-ins has no place
  CHECK_FALSE(fs::exists(path));  // not before finish()
  REQUIRE(writer->finish());
  writer.reset();
  CHECK(names_in(dir.path) == std::vector<std::string>{"log"});
  auto cache = LogCacheFile::open(path);
  REQUIRE(cache);
  REQUIRE(cache->goals().size() == 2);
  auto floss = cache->load(0);
  REQUIRE(floss);
  CHECK(described(DayMarks(*floss, Sample::kFlossDefault)) == described(sample.floss_marks));
  CHECK_FALSE(cache->goals()[0].marks_default_amount);
  CHECK_FALSE(cache->load_marks(0));
  auto run = cache->load_marks(1);
  REQUIRE(run);
  CHECK(described(*run) == described(sample.run_marks));
}

TEST_CASE("log_cache: a writer that does not finish leaves no file behind") {
  TempDir dir;
  Sample sample;
  {
    LogCacheWriter writer(dir.path / "cache/log", sample.content());
    writer.add_marks(0, sample.floss_marks);
  }
  CHECK(names_in(dir.path / "cache").empty());
  REQUIRE(write_log_cache(dir.path / "cache/log", sample.content()));
  { LogCacheWriter unfinished(dir.path / "cache/log", LogCacheContent{}); }
  CHECK(names_in(dir.path / "cache") == std::vector<std::string>{"log"});
  auto before = LogCacheFile::open(dir.path / "cache/log");  // the cache before, untouched
  REQUIRE(before);
  CHECK(before->goals().size() == 3);
}

TEST_CASE("log_cache: a cache that cannot be written is false - and leaves no file behind") {
  TempDir dir;
  Sample sample;
  SUBCASE("its directory's place is a regular file") {
    dir.write("cache", "not a directory");
    CHECK_FALSE(write_log_cache(dir.path / "cache/log", sample.content()));
    CHECK_FALSE(write_log_cache(dir.path / "cache/microstep/log", sample.content()));
    CHECK(dir.read("cache") == "not a directory");
    CHECK(names_in(dir.path) == std::vector<std::string>{"cache"});
  }
  SUBCASE("its own place is a directory: the temporary file is written, then removed") {
    fs::create_directories(dir.path / "cache/log/inside");
    CHECK_FALSE(write_log_cache(dir.path / "cache/log", sample.content()));
    CHECK(names_in(dir.path / "cache") == std::vector<std::string>{"log"});
    CHECK(names_in(dir.path / "cache/log") == std::vector<std::string>{"inside"});
  }
}

TEST_CASE("log_cache: a check record holds for its cache and the log's stamp only") {
  TempDir dir;
  const fs::path record = dir.path / "cache/log.checked";
  const FileStamp stamp{1, 2, 3, 4, 5};
  CHECK_FALSE(log_check_holds(record, 42, stamp));  // none yet
  REQUIRE(write_log_check(record, 42, stamp));
  CHECK(log_check_holds(record, 42, stamp));
  CHECK_FALSE(log_check_holds(record, 43, stamp));  // another cache file
  for (int field = 0; field < 5; ++field) {
    CAPTURE(field);
    FileStamp other = stamp;
    (field == 0 ? other.device : field == 1 ? other.inode : other.size) += field < 3 ? 1 : 0;
    if (field == 3) ++other.modified_ns;
    if (field == 4) ++other.changed_ns;
    CHECK_FALSE(log_check_holds(record, 42, other));
  }
  const std::string whole = dir.read("cache/log.checked");
  for (size_t at = 0; at < whole.size(); ++at) {
    CAPTURE(at);
    dir.write("cache/log.checked", whole);
    flip_byte(record, at);
    CHECK_FALSE(log_check_holds(record, 42, stamp));
  }
  dir.write("cache/log.checked", whole + "x");
  CHECK_FALSE(log_check_holds(record, 42, stamp));
}

TEST_CASE("log_cache: each cache file has its own identity - the same after opening it again") {
  TempDir dir;
  Sample sample;
  REQUIRE(write_log_cache(dir.path / "a", sample.content()));
  LogCacheContent other = sample.content();
  other.lines += 1;
  REQUIRE(write_log_cache(dir.path / "b", other));
  auto a = LogCacheFile::open(dir.path / "a"), b = LogCacheFile::open(dir.path / "b");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->identity() != b->identity());
  CHECK(LogCacheFile::open(dir.path / "a")->identity() == a->identity());
}

}  // namespace microstep
