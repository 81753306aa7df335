/// Tests of core/cache/cached_log_reader: the log read through its cache gives what the plain
/// reader gives, whatever was appended, edited or damaged since the cache was written.
#include "core/cache/cached_log_reader.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <ostream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/base/content_hash.hpp"
#include "core/base/error.hpp"
#include "core/cache/log_cache.hpp"
#include "core/journal/journal.hpp"
#include "unit/builders.hpp"
#include "unit/temp_dir.hpp"

namespace fs = std::filesystem;

namespace microstep {

using test::TempDir;

namespace {

using test::goal_file_text;


/// The log line of an event of `goal` on `on`, written at `hour` UTC that day.
std::string log_line(const char* on, EventKind kind, const std::string& goal,
                     std::optional<double> amount = std::nullopt, int hour = 8) {
  Event e;
  e.day = test::day(on);
  e.written = Moment{date::sys_seconds{e.day} + std::chrono::hours{hour}, {}};
  e.kind = kind;
  e.goal = goal;
  e.amount = amount;
  return format_log_line(e);
}

/// A line an interrupted write cut short, closed by the next append.
std::string torn_line(const char* on) { return std::string(on) + "\t" + on + "T0" + std::string(kTornMarker) + "\n"; }

/// Goals floss and run; ghost, in the log, has no goal file. Line 6 is torn; floss's big
/// amount (0.0001) is one thousandths cannot hold.
std::string sample_log() {
  return log_line("2026-11-02", EventKind::done, "floss") +            // 1
         log_line("2026-11-03", EventKind::done, "floss", 2.5) +       // 2
         log_line("2026-11-03", EventKind::done, "run") +              // 3
         log_line("2026-11-03", EventKind::done, "ghost") +            // 4
         log_line("2026-11-04", EventKind::done, "floss", 1, 9) +      // 5
         torn_line("2026-11-05") +                                     // 6
         log_line("2026-11-05", EventKind::skip, "floss") +            // 7
         log_line("2026-11-07", EventKind::done, "ghost") +            // 8
         log_line("2026-11-06", EventKind::pause, "run") +             // 9
         log_line("2026-11-08", EventKind::done, "floss", 0.0001);     // 10
}

/// A journal with goals floss and run, and its cache file under the test's directory.
struct CachedJournal {
  TempDir dir;
  fs::path cache_file = dir.path / "cache/microstep/log";

  explicit CachedJournal(const std::string& log) {
    dir.write("microstep.yaml", "");
    dir.write("goals/floss.yaml", goal_file_text("floss"));
    dir.write("goals/run.yaml", goal_file_text("run"));
    dir.write("checkins.log", log);
  }
  void append(const std::string& text) const {
    std::ofstream(dir.path / "checkins.log", std::ios::app | std::ios::binary) << text;
  }
  std::string log() const { return dir.read("checkins.log"); }
  /// The journal reading its log whole.
  Journal uncached() const { return Journal::open(dir.path); }
  /// The journal reading through the cache, whatever the log's size: `rewrite` writes the
  /// cache again on every read (as when much is new); otherwise never (only reads it).
  Journal cached(bool rewrite) const {
    Journal journal = Journal::open(dir.path);
    const std::uint64_t new_bytes = rewrite ? 0 : std::numeric_limits<std::uint64_t>::max();
    journal.use_log_reader(std::make_shared<CachedLogReader>(CachedLogReader::Settings{cache_file, 0, new_bytes, new_bytes}));
    return journal;
  }
};

/// A collector holding one check-in: floss done on `on`.
CheckinCollector floss_done_on(const char* on) {
  EventView done;
  done.day = test::day(on);
  done.goal = "floss";
  CheckinCollector collector;
  collector.add(done);
  return collector;
}

/// What read_marks gives: every goal's marks (described), the warnings, the errors.
struct Reading {
  std::map<std::string, std::string> marks;
  std::vector<std::string> warnings;
  size_t errors = 0;
  bool operator==(const Reading&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Reading& reading) {
  for (const auto& [id, marks] : reading.marks) out << "\n[" << id << "]\n" << marks;
  for (const auto& warning : reading.warnings) out << "\nwarning: " << warning;
  return out << "\nerrors: " << reading.errors;
}

std::string described(const DayMarks& marks) {
  return test::describe_marks(marks, test::day("2026-10-01"), test::day("2026-12-31"));
}

/// read_marks of the goals `ids` (all goals when empty).
Reading read(const Journal& journal, const std::vector<std::string>& ids = {}) {
  std::vector<Goal> goals;
  if (ids.empty()) goals = journal.load_goals();
  for (const auto& id : ids) goals.push_back(journal.load_goal(id));
  LogDiagnostics diagnostics;
  Reading reading;
  for (const auto& [id, marks] : journal.read_marks(goals, diagnostics)) reading.marks[id] = described(marks);
  reading.warnings = diagnostics.warnings;
  reading.errors = diagnostics.error_count;
  return reading;
}

/// The cache as it is, the cache written again, and the cache just written give what a
/// whole read of the log gives, for the goals `ids`.
void check_cache_agrees(const CachedJournal& j, const std::vector<std::string>& ids = {}) {
  const Reading whole = read(j.uncached(), ids);
  CHECK(read(j.cached(false), ids) == whole);
  CHECK(read(j.cached(true), ids) == whole);
  CHECK(read(j.cached(false), ids) == whole);
}

}  // namespace

TEST_CASE("cached_log_reader: the log cache gives what a whole read gives - written by the first read - used by the next") {
  CachedJournal j(sample_log());
  const Reading whole = read(j.uncached());
  CHECK(whole.marks.at("floss").find("2026-11-08 done 0.0001") != std::string::npos);
  CHECK_FALSE(fs::exists(j.cache_file));  // no cache asked for, none written
  CHECK(read(j.cached(true)) == whole);
  REQUIRE(fs::exists(j.cache_file));
  auto cache = LogCacheFile::open(j.cache_file);
  REQUIRE(cache);
  CHECK(cache->bytes() == j.log().size());
  CHECK(cache->lines() == 10);
  CHECK(read(j.cached(false)) == whole);
  CHECK(read(j.cached(false), {"run"}) == read(j.uncached(), {"run"}));
  CHECK(read(j.cached(false), {"floss"}) == read(j.uncached(), {"floss"}));
}

TEST_CASE("cached_log_reader: the log cache and lines appended after it give what a whole read gives") {
  // The cache written for every goal, or with marks for floss alone; then lines appended.
  const std::vector<std::pair<const char*, std::string>> appended{
      {"for a goal with cached marks",
       log_line("2026-11-09", EventKind::done, "floss", 3) + log_line("2026-11-08", EventKind::undo, "floss")},
      {"for another goal",
       log_line("2026-11-09", EventKind::resume, "run") + log_line("2026-11-10", EventKind::done, "run", 4)},
      {"for a goal with no file", log_line("2026-11-09", EventKind::done, "phantom")}};
  for (const std::vector<std::string>& written_for : {std::vector<std::string>{}, std::vector<std::string>{"floss"}}) {
    for (const auto& [what, lines] : appended) {
      CAPTURE(written_for.size());
      CAPTURE(what);
      CachedJournal j(sample_log());
      read(j.cached(true), written_for);
      REQUIRE(fs::exists(j.cache_file));
      j.append(lines);
      check_cache_agrees(j, {"floss"});
      check_cache_agrees(j, {"run"});
      check_cache_agrees(j);
    }
  }
  CachedJournal j(sample_log());
  read(j.cached(true));
  j.append(appended[0].second);
  CHECK(read(j.cached(false)).marks.at("floss").find("2026-11-08 done") == std::string::npos);  // undone
  CHECK(read(j.cached(false)).marks.at("floss").find("2026-11-09 done 3") != std::string::npos);
}

TEST_CASE("cached_log_reader: a cache that hashes as the log is read instead of the lines it covers") {
  // A cache that says other things than the log, but whose hashes are the log's: what a read
  // gives then comes from the cache. (The tests above compare results alone, which reading
  // the log whole would give too.)
  CachedJournal j(sample_log());
  const std::string log = j.log();
  const CheckinCollector checkins = floss_done_on("2026-12-25");  // the cache's floss check-ins
  const DayMarks marks(floss_done_on("2026-12-24"), 1);  // its floss marks, for a default amount of 1
  LogCacheContent content;
  content.bytes = log.size();
  content.lines = 10;
  content.ranges = {{0, log.size(), hash_bytes(log)}};
  content.goals = {{"floss", 1, {&checkins}, &marks}};
  REQUIRE(write_log_cache(j.cache_file, content));
  auto floss_days = [&](const Journal& journal) {
    const std::string text = read(journal, {"floss"}).marks.at("floss");
    std::string days;
    for (const char* d : {"2026-11-02", "2026-11-09", "2026-12-24", "2026-12-25"})
      if (text.find(std::string(d) + " done") != std::string::npos) days += std::string(d) + " ";
    return days;
  };
  CHECK(floss_days(j.uncached()) == "2026-11-02 ");
  CHECK(floss_days(j.cached(false)) == "2026-12-24 ");  // the cached marks: nothing new for floss
  SUBCASE("a line for floss after it: the cached check-ins and the new line") {
    j.append(log_line("2026-11-09", EventKind::done, "floss"));
    CHECK(floss_days(j.cached(false)) == "2026-11-09 2026-12-25 ");
  }
  SUBCASE("floss's default amount changed: the cached check-ins, resolved again") {
    j.dir.write("goals/floss.yaml", goal_file_text("floss") + "minimum: 2\n");
    CHECK(floss_days(j.cached(false)) == "2026-12-25 ");
  }
  SUBCASE("a byte of the covered lines changed: the log read whole") {
    std::string edited = log;
    edited[edited.find("\tdone\tfloss")] = ' ';  // a tab made a space: line 1 is no event
    j.dir.write("checkins.log", edited);
    CHECK(floss_days(j.cached(false)) == "");
  }
}

TEST_CASE("cached_log_reader: an edit in the lines the cache covers is read - the cache is never used stale") {
  CachedJournal j(sample_log());
  read(j.cached(true));
  REQUIRE(fs::exists(j.cache_file));
  SUBCASE("a done made a skip: the same size") {
    std::string log = j.log();
    const size_t at = log.find("\tdone\tfloss");  // line 1: 2026-11-02
    log.replace(at, 5, "\tskip");
    REQUIRE(log.size() == j.log().size());
    j.dir.write("checkins.log", log);
    check_cache_agrees(j);
    const std::string floss = read(j.cached(false)).marks.at("floss");
    CHECK(floss.find("2026-11-02 skip") != std::string::npos);
    CHECK(floss.find("2026-11-02 done") == std::string::npos);
  }
  SUBCASE("a line taken out and more appended: a larger log") {
    std::string log = j.log();
    const std::string second = log_line("2026-11-03", EventKind::done, "floss", 2.5);
    log.erase(log.find(second), second.size());
    j.dir.write("checkins.log", log);
    j.append(log_line("2026-11-20", EventKind::done, "floss") + log_line("2026-11-21", EventKind::done, "floss"));
    REQUIRE(j.log().size() > LogCacheFile::open(j.cache_file)->bytes());
    check_cache_agrees(j);
    CHECK(read(j.cached(false)).marks.at("floss").find("2026-11-03") == std::string::npos);
  }
  SUBCASE("the log cut short") {
    std::string log = j.log();
    j.dir.write("checkins.log", log.substr(0, log.find(log_line("2026-11-05", EventKind::skip, "floss"))));
    check_cache_agrees(j);
  }
}

TEST_CASE("cached_log_reader: a log whose stamp is the one recorded at the last check is not hashed again - any write to it is") {
  // A cache that says other things than the log and whose hash of it is wrong: it is used
  // only when the check record says the log, as it is, was checked already.
  CachedJournal j(sample_log());
  const std::string log = j.log();
  const CheckinCollector checkins = floss_done_on("2026-12-25");
  LogCacheContent content;
  content.bytes = log.size();
  content.lines = 10;
  content.ranges = {{0, log.size(), hash_bytes(log) + 1}};
  content.goals = {{"floss", 1, {&checkins}, nullptr}};
  REQUIRE(write_log_cache(j.cache_file, content));
  auto floss_has_25th = [&] {
    return read(j.cached(false), {"floss"}).marks.at("floss").find("2026-12-25 done") != std::string::npos;
  };
  fs::path record = j.cache_file;
  record += ".checked";
  CHECK_FALSE(floss_has_25th());  // the hash is wrong: the log is read whole
  CHECK_FALSE(fs::exists(record));
  REQUIRE(write_log_check(record, LogCacheFile::open(j.cache_file)->identity(), OpenLog(j.dir.path / "checkins.log").stamp()));
  CHECK(floss_has_25th());  // the record says this log was checked: not hashed again
  SUBCASE("a line appended: hashed, and read whole") {
    j.append(log_line("2026-11-09", EventKind::done, "floss"));
    CHECK_FALSE(floss_has_25th());
  }
  SUBCASE("the same bytes in a new file: hashed, and read whole") {
    j.dir.write("new.log", log);
    fs::rename(j.dir.path / "new.log", j.dir.path / "checkins.log");
    CHECK_FALSE(floss_has_25th());
  }
  SUBCASE("another cache file: hashed, and read whole") {
    content.lines = 11;
    REQUIRE(write_log_cache(j.cache_file, content));
    CHECK_FALSE(floss_has_25th());
  }
}

TEST_CASE("cached_log_reader: a check is recorded only for a log last changed settled_after before it") {
  CachedJournal j(sample_log());
  read(j.cached(true));  // writes the cache
  fs::path record = j.cache_file;
  record += ".checked";
  read(j.cached(false));  // checks it: the log was written just now, so nothing is recorded
  CHECK_FALSE(fs::exists(record));
  Journal settled = j.cached(false);
  CachedLogReader::Settings settings{j.cache_file, 0, std::numeric_limits<std::uint64_t>::max(),
                                     std::numeric_limits<std::uint64_t>::max()};
  settings.settled_after = -std::chrono::hours{1};  // as if the log were an hour old
  settled.use_log_reader(std::make_shared<CachedLogReader>(settings));
  const Reading whole = read(j.uncached());
  CHECK(read(settled) == whole);
  CHECK(log_check_holds(record, LogCacheFile::open(j.cache_file)->identity(),
                        OpenLog(j.dir.path / "checkins.log").stamp()));
  CHECK(read(settled) == whole);  // read through the record
}

TEST_CASE("cached_log_reader: a log checked two seconds after its last write, then edited to the same size, is not read stale") {
  // In real time: the record is written by the default settings, and the edit after it
  // changes the log's change time.
  CachedJournal j(sample_log());
  read(j.cached(true));
  std::this_thread::sleep_for(std::chrono::milliseconds{2200});
  fs::path record = j.cache_file;
  record += ".checked";
  read(j.cached(false));
  REQUIRE(fs::exists(record));
  std::string log = j.log();
  log.replace(log.find("\tdone\tfloss"), 5, "\tskip");  // line 1, 2026-11-02: the same size
  j.dir.write("checkins.log", log);
  const std::string floss = read(j.cached(false)).marks.at("floss");
  CHECK(floss.find("2026-11-02 skip") != std::string::npos);
  check_cache_agrees(j);
}

TEST_CASE("cached_log_reader: a cache written by a read of one goal holds the others' marks too - for a default amount of 1") {
  CachedJournal j(sample_log());
  j.dir.write("goals/floss.yaml", goal_file_text("floss") + "minimum: 2\n");
  read(j.cached(true), {"run"});  // writes the cache, asked for run alone
  auto cache = LogCacheFile::open(j.cache_file);
  REQUIRE(cache);
  const Reading whole = read(j.uncached());
  for (size_t i = 0; i < cache->goals().size(); ++i) {
    const CachedGoal& goal = cache->goals()[i];
    CAPTURE(goal.id);
    if (goal.id == "ghost") {  // no goal file: no marks
      CHECK_FALSE(goal.marks_default_amount);
      continue;
    }
    REQUIRE(goal.marks_default_amount);
    CHECK(*goal.marks_default_amount == 1.0);  // floss, asked for nothing, too: its file says 2
    auto marks = cache->load_marks(i);
    REQUIRE(marks);
    if (goal.id == "run") CHECK(described(*marks) == whole.marks.at("run"));
  }
  // floss's goal file says 2: its cached marks (for 1) are not used, its check-ins are.
  check_cache_agrees(j);
  CHECK(read(j.cached(false)) == whole);
}

TEST_CASE("cached_log_reader: with the cache, marks follow a goal file's new default amount") {
  CachedJournal j(sample_log());
  read(j.cached(true));
  j.dir.write("goals/floss.yaml", goal_file_text("floss") + "minimum: 2\n");
  check_cache_agrees(j, {"floss"});
  check_cache_agrees(j);
  LogDiagnostics diagnostics;
  auto marks = j.cached(false).read_marks({j.uncached().load_goal("floss")}, diagnostics);
  CHECK(marks.at("floss").amount(test::day("2026-11-02")) == 2);  // a done without an amount
}

TEST_CASE("cached_log_reader: with the cache, a goal file added for an id unknown till then gets its check-ins") {
  CachedJournal j(sample_log());
  read(j.cached(true));
  j.dir.write("goals/ghost.yaml", goal_file_text("ghost"));
  check_cache_agrees(j, {"ghost"});
  check_cache_agrees(j);
  const Reading reading = read(j.cached(false));
  CHECK(reading.marks.at("ghost").find("2026-11-03 done 1\n2026-11-07 done 1") != std::string::npos);
  CHECK(reading.warnings == std::vector<std::string>{"checkins.log:6: a line cut short by an interrupted write; ignored"});
}

TEST_CASE("cached_log_reader: with the cache, the warnings are the same and in the same order") {
  CachedJournal j(sample_log());
  const std::vector<std::string> at_first{"checkins.log:6: a line cut short by an interrupted write; ignored",
                                          "checkins.log:4: unknown goal 'ghost'"};
  CHECK(read(j.uncached()).warnings == at_first);
  CHECK(read(j.cached(true)).warnings == at_first);
  CHECK(read(j.cached(false)).warnings == at_first);
  CHECK(read(j.cached(false), {"run"}).warnings == at_first);
  j.append(torn_line("2026-11-09") + log_line("2026-11-09", EventKind::done, "ghost") +
           log_line("2026-11-09", EventKind::done, "phantom") + log_line("2026-11-10", EventKind::done, "floss"));
  const std::vector<std::string> after{"checkins.log:6: a line cut short by an interrupted write; ignored",
                                       "checkins.log:11: a line cut short by an interrupted write; ignored",
                                       "checkins.log:4: unknown goal 'ghost'",
                                       "checkins.log:13: unknown goal 'phantom'"};
  CHECK(read(j.uncached()).warnings == after);
  check_cache_agrees(j);
  check_cache_agrees(j, {"floss"});
  CHECK(read(j.cached(false)).warnings == after);
  j.append(torn_line("2026-11-11"));
  check_cache_agrees(j);
  CHECK(read(j.cached(false)).warnings.size() == 5);
}

TEST_CASE("cached_log_reader: a log whose last line has no newline is not cached - a cache before it still agrees") {
  const std::string whole_line = log_line("2026-11-09", EventKind::done, "floss", 4);
  const std::string half = whole_line.substr(0, 20), rest = whole_line.substr(20);
  CachedJournal j(sample_log() + half);
  CHECK(read(j.cached(true)) == read(j.uncached()));
  CHECK_FALSE(fs::exists(j.cache_file));

  j.append(rest);  // the line completed
  CHECK(read(j.cached(true)) == read(j.uncached()));
  REQUIRE(fs::exists(j.cache_file));
  const std::uint64_t covered = j.log().size();

  j.append(half);  // and half a line again
  const Reading whole = read(j.uncached());
  REQUIRE(whole.warnings.size() == 3);
  CHECK(whole.warnings[1].starts_with("checkins.log:12: the last line has no newline"));
  check_cache_agrees(j);
  auto cache = LogCacheFile::open(j.cache_file);
  REQUIRE(cache);
  CHECK(cache->bytes() == covered);  // not written again over half a line
}

TEST_CASE("cached_log_reader: a log smaller than min_log_bytes is read whole - no cache written") {
  CachedJournal j(sample_log());
  const std::uint64_t size = j.log().size();
  Journal journal = j.uncached();
  journal.use_log_reader(std::make_shared<CachedLogReader>(CachedLogReader::Settings{j.cache_file, size + 1, 0, 0}));
  CHECK(read(journal) == read(j.uncached()));
  CHECK_FALSE(fs::exists(j.cache_file));
  journal.use_log_reader(std::make_shared<CachedLogReader>(CachedLogReader::Settings{j.cache_file, size, 0, 0}));
  CHECK(read(journal) == read(j.uncached()));
  CHECK(fs::exists(j.cache_file));
}

TEST_CASE("cached_log_reader: the cache is written again once a 32nd of the log is new - between min_new_bytes and max_new_bytes") {
  // A log of 64 lines of about 57 bytes: a 32nd of it is two lines' worth.
  std::string log;
  for (int d = 1; d <= 28; ++d) {
    const std::string day = "2026-10-" + std::string(d < 10 ? "0" : "") + std::to_string(d);
    log += log_line(day.c_str(), EventKind::done, "floss") + log_line(day.c_str(), EventKind::done, "run");
  }
  CachedJournal j(log);
  const std::string line = log_line("2026-11-01", EventKind::done, "floss");
  auto covered = [&] { return LogCacheFile::open(j.cache_file)->bytes(); };
  auto read_with = [&](std::uint64_t min_new, std::uint64_t max_new) {
    Journal journal = j.uncached();
    journal.use_log_reader(std::make_shared<CachedLogReader>(CachedLogReader::Settings{j.cache_file, 0, min_new, max_new}));
    CHECK(read(journal) == read(j.uncached()));
  };
  read_with(0, 1 << 20);  // all of it is new: written
  REQUIRE(fs::exists(j.cache_file));
  std::uint64_t size = j.log().size();
  REQUIRE(covered() == size);
  REQUIRE(line.size() < size / 32);
  REQUIRE(2 * line.size() >= size / 32);

  j.append(line);  // less than a 32nd: read after the cache, which stays
  read_with(0, 1 << 20);
  CHECK(covered() == size);
  j.append(line);  // a 32nd: written again
  read_with(0, 1 << 20);
  CHECK(covered() == j.log().size());

  size = j.log().size();
  j.append(line);  // over max_new_bytes: written again, though far less than a 32nd
  read_with(0, line.size());
  CHECK(covered() == j.log().size());

  size = j.log().size();
  j.append(line + line + line);  // a 32nd and more, but less than min_new_bytes: kept
  read_with(4 * line.size(), 1 << 20);
  CHECK(covered() == size);
}

TEST_CASE("cached_log_reader: a damaged cache file still gives the right marks - whichever byte was changed") {
  CachedJournal j(sample_log());
  read(j.cached(true));
  j.append(log_line("2026-11-09", EventKind::done, "run"));
  const Reading whole = read(j.uncached());
  const std::string cache = j.dir.read("cache/microstep/log");
  REQUIRE(cache.size() > 100);
  for (size_t at = 0; at < cache.size(); ++at) {
    CAPTURE(at);
    std::string damaged = cache;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x21);
    for (bool rewrite : {false, true}) {
      std::ofstream(j.cache_file, std::ios::binary | std::ios::trunc) << damaged;
      const Reading reading = read(j.cached(rewrite), {"floss", "run"});
      if (reading != whole) {
        CAPTURE(rewrite);
        CHECK(reading == whole);
      }
    }
  }
}

TEST_CASE("cached_log_reader: read_goal_marks gives read_marks' marks, and the marks without the check-in") {
  CachedJournal j(sample_log() + log_line("2026-11-03", EventKind::done, "floss", std::nullopt, 9));
  const Day day = test::day("2026-11-03");  // floss: a done of 2.5 and one of the default; run: a done
  // The check-in of 09:00 on the 3rd, as it is in the log.
  Event checkin{day, Moment{date::sys_seconds{day} + std::chrono::hours{9}, {}}, EventKind::done, "floss", std::nullopt, "", ""};
  auto check_day = [&](const Journal& journal, double amount, double before) {
    const Goal floss = journal.load_goal("floss");
    LogDiagnostics diagnostics;
    const auto [marks, without] = journal.read_goal_marks(floss, checkin, diagnostics);
    CHECK(described(marks) == read(j.uncached(), {"floss"}).marks.at("floss"));
    CHECK(diagnostics.warnings == read(j.uncached(), {"floss"}).warnings);
    CHECK(marks.amount(day) == amount);
    CHECK(without.amount(day) == before);
    CHECK(described(without) != described(marks));
  };
  check_day(j.uncached(), 3.5, 2.5);
  check_day(j.cached(true), 3.5, 2.5);  // no cache yet: it is written
  REQUIRE(fs::exists(j.cache_file));
  check_day(j.cached(false), 3.5, 2.5);  // from the cache
  j.append(log_line("2026-11-03", EventKind::done, "floss", 1.5, 10) + log_line("2026-11-03", EventKind::done, "run"));
  check_day(j.cached(false), 5, 4);  // the cache's and the new line's
  check_day(j.cached(true), 5, 4);
  check_day(j.cached(false), 5, 4);
  check_day(j.uncached(), 5, 4);
}

}  // namespace microstep

// ---- the two readers on generated journals ------------------------------------------------

namespace microstep {

namespace {

/// Generated logs of four goals with files and one without: every event kind, amounts,
/// moods, notes, days out of order, torn and broken lines; from one seed per journal.
class LogGen {
 public:
  LogGen(std::uint64_t seed, bool broken) : random_(seed), broken_(broken) {}

  size_t below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random_); }

  std::string line() {
    static const char* const ids[] = {"floss", "run", "read", "walk", "ghost"};
    if (below(60) == 0) return torn_line("2026-11-05");
    if (broken_ && below(80) == 0) return "2026-11-05\tnot a line\n";  // an error: no cache is written
    Event e;
    e.day = test::day("2026-09-01") + date::days{static_cast<long>(below(120))};
    e.written = Moment{date::sys_seconds{e.day} + std::chrono::minutes{static_cast<long>(below(3000))}, {}};
    const size_t kind = below(20);
    e.kind = kind < 12 ? EventKind::done
             : kind < 14 ? EventKind::skip
             : kind < 16 ? EventKind::undo
             : kind < 17 ? EventKind::pause
             : kind < 18 ? EventKind::resume
                         : EventKind::mood;
    if (e.kind == EventKind::mood) {
      e.amount = static_cast<double>(1 + below(5));
    } else {
      e.goal = ids[below(5)];
      if (e.kind == EventKind::done && below(3) == 0) e.amount = static_cast<double>(below(40)) / 4;
    }
    if (below(10) == 0) e.note = "note " + std::to_string(below(100));
    return format_log_line(e);
  }
  std::string lines(size_t n) {
    std::string text;
    while (n-- > 0) text += line();
    return text;
  }

 private:
  std::mt19937_64 random_;
  bool broken_;  ///< some lines are not event lines
};

/// One reading of all the cache serves, as text: marks, moods, the marks without a check-in,
/// warnings and errors. (A request for events in full is always read plainly.)
std::string read_all(const Journal& journal, const LogReader& reader, const Event& without) {
  const std::vector<Goal> goals = journal.load_goals();
  LogRequest request;
  request.goals = &goals;
  request.moods = true;
  request.without = without;
  LogDiagnostics diagnostics;
  const LogRead read = reader.read(journal, request, diagnostics);
  std::ostringstream out;
  for (size_t g = 0; g < goals.size(); ++g) out << "[" << goals[g].id << "]\n" << described(read.marks[g]);
  if (read.before) out << "[before]\n" << described(*read.before);
  for (const auto& [day, mood] : read.moods) out << date::year_month_day{day} << " mood " << mood << "\n";
  for (const auto& warning : diagnostics.warnings) out << "warning: " << warning << "\n";
  for (const auto& error : diagnostics.errors) out << "error: " << error << "\n";
  out << "errors: " << diagnostics.error_count << "\n";
  return out.str();
}

/// Replaces whole line `n` (0-based) of `text` by `with` (which ends in a newline, or is empty).
std::string replace_line(const std::string& text, size_t n, const std::string& with) {
  size_t start = 0;
  for (size_t i = 0; i < n; ++i) start = text.find('\n', start) + 1;
  const size_t end = text.find('\n', start) + 1;
  return text.substr(0, start) + with + text.substr(end);
}

}  // namespace

TEST_CASE("cached_log_reader: gives the plain reader's answers on generated journals - appended to, edited in the middle, cut") {
  for (std::uint64_t seed = 1; seed <= 24; ++seed) {
    CAPTURE(seed);
    LogGen gen(seed, seed % 6 == 0);
    CachedJournal j(gen.lines(200 + gen.below(400)));
    j.dir.write("goals/read.yaml", "id: read\nstep: Read one page\nstarted: 2026-09-01\namount: 2\n");
    j.dir.write("goals/walk.yaml", "id: walk\nstep: Walk to the door\nstarted: 2026-09-01\nschedule: 3/week\n");
    Event without;  // the check-in `done` would have just written: one of floss's, or none of the log's
    without.goal = "floss";
    without.day = test::day("2026-10-03");
    without.written = Moment{date::sys_seconds{without.day} + std::chrono::hours{8}, {}};
    const PlainLogReader plain;
    // Reads the journal through the cache as it is, written again, and as just written.
    auto check = [&](const std::string& after) {
      CAPTURE(after);
      const Journal journal = j.uncached();
      const std::string expected = read_all(journal, plain, without);
      for (const bool rewrite : {false, true, false}) {
        const std::uint64_t new_bytes = rewrite ? 0 : std::numeric_limits<std::uint64_t>::max();
        const CachedLogReader cached({j.cache_file, 0, new_bytes, new_bytes});
        CHECK(read_all(journal, cached, without) == expected);
      }
    };
    check("the first reading");
    CHECK(fs::exists(j.cache_file) == (seed % 6 != 0));
    for (int round = 0; round < 6; ++round) {
      const std::string log = j.log();
      const size_t lines = static_cast<size_t>(std::count(log.begin(), log.end(), '\n'));
      switch (gen.below(5)) {
        case 0:
          j.append(gen.lines(1 + gen.below(30)));
          check("lines appended");
          break;
        case 1:
          j.dir.write("checkins.log", replace_line(log, gen.below(lines), gen.line()));
          check("a line in the middle replaced");
          break;
        case 2:
          j.dir.write("checkins.log", replace_line(log, gen.below(lines), gen.line() + gen.line()));
          check("a line in the middle made two");
          break;
        case 3:
          j.dir.write("checkins.log", replace_line(log, gen.below(lines), ""));
          check("a line in the middle removed");
          break;
        default:
          j.dir.write("checkins.log", log.substr(0, log.size() / 2 + gen.below(log.size() / 2)));
          check("the log cut (maybe mid-line)");
          break;
      }
    }
  }
}

}  // namespace microstep
