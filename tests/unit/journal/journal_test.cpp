/// Tests of core/journal: where the journal is, its goal files, and reading its log per goal.
#include "core/journal/journal.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "unit/builders.hpp"
#include "core/base/content_hash.hpp"
#include "core/base/error.hpp"
#include "core/cache/goal_cache.hpp"
#include "core/cache/log_cache.hpp"
#include "unit/temp_dir.hpp"

namespace fs = std::filesystem;

namespace microstep {

using test::TempDir;

namespace {


/// Sets (or, with nullopt, unsets) an environment variable for one test; restores it after.
class EnvVar {
 public:
  EnvVar(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    value ? ::setenv(name, value->c_str(), 1) : ::unsetenv(name);
  }
  ~EnvVar() { old_ ? ::setenv(name_, old_->c_str(), 1) : ::unsetenv(name_); }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

std::string goal_text(const std::string& id) {
  return "id: " + id + "\nstep: Floss one tooth\nstarted: 2026-11-01\n";
}

// ---- the log cache ------------------------------------------------------------------------

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
    dir.write("goals/floss.yaml", goal_text("floss"));
    dir.write("goals/run.yaml", goal_text("run"));
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
    journal.use_log_cache({cache_file, 0, new_bytes, new_bytes});
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

TEST_CASE("journal: located by --dir - then MICROSTEP_DIR - then the nearest microstep.yaml - then XDG") {
  TempDir dir;
  dir.write("j/microstep.yaml", "");
  fs::create_directories(dir.path / "j/deep/er");
  fs::create_directories(dir.path / "elsewhere");
  EnvVar home("HOME", (dir.path / "home").string());
  EnvVar xdg("XDG_DATA_HOME", std::nullopt);
  {
    EnvVar env("MICROSTEP_DIR", "/from/env");
    CHECK(locate_journal("/from/option", dir.path / "j/deep") == "/from/option");
    CHECK(locate_journal(std::nullopt, dir.path / "j/deep") == "/from/env");
  }
  EnvVar env("MICROSTEP_DIR", std::nullopt);
  CHECK(locate_journal(std::nullopt, dir.path / "j/deep/er") == dir.path / "j");
  CHECK(locate_journal(std::nullopt, dir.path / "j") == dir.path / "j");
  CHECK(locate_journal(std::nullopt, dir.path / "elsewhere") == dir.path / "home/.local/share/microstep");
  EnvVar data("XDG_DATA_HOME", "/data");
  CHECK(locate_journal(std::nullopt, dir.path / "elsewhere") == "/data/microstep");
}

TEST_CASE("journal: never located relative to the current directory - a relative HOME or XDG_DATA_HOME is none") {
  TempDir dir;
  EnvVar env("MICROSTEP_DIR", std::nullopt);
  EnvVar data("XDG_DATA_HOME", "data");
  const std::string message =
      "where is the journal? HOME is not set to an absolute path, nor XDG_DATA_HOME; give --dir or set MICROSTEP_DIR";
  {
    EnvVar home("HOME", std::nullopt);
    CHECK_THROWS_WITH_AS(locate_journal(std::nullopt, dir.path), message.c_str(), Failure);
  }
  EnvVar home("HOME", "home");
  CHECK_THROWS_WITH_AS(locate_journal(std::nullopt, dir.path), message.c_str(), Failure);
  CHECK(locate_journal("relative/by/choice", dir.path) == "relative/by/choice");  // --dir is taken as given
}

TEST_CASE("journal: opening a directory without microstep.yaml says how to create one") {
  TempDir dir;
  try {
    Journal::open(dir.path);
    FAIL("opened");
  } catch (const Failure& failure) {
    CHECK(failure.code() == ExitCode::io);
    CHECK(std::string(failure.what()).find("microstep init " + dir.path.string()) != std::string::npos);
  }
}

TEST_CASE("journal: goal ids come from file names - temporary and other files are passed by") {
  TempDir dir;
  dir.write("microstep.yaml", "week_starts: sunday\n");
  dir.write("goals/floss.yaml", goal_text("floss"));
  dir.write("goals/flow.yaml", goal_text("flow"));
  dir.write("goals/run.yaml", goal_text("run"));
  dir.write("goals/.run.yaml.tmp-ab12cd", "half");
  dir.write("goals/notes.txt", "");
  dir.write("goals/Bad Name.yaml", goal_text("x"));
  Journal journal = Journal::open(dir.path);
  CHECK(journal.settings().week_starts == 6);
  CHECK(journal.goal_ids() == std::vector<std::string>{"floss", "flow", "run"});
  CHECK(journal.load_goals().size() == 3);
}

TEST_CASE("journal: an id resolves from a unique prefix - an ambiguous or unknown one is a usage error") {
  TempDir dir;
  dir.write("microstep.yaml", "");
  dir.write("goals/floss.yaml", goal_text("floss"));
  dir.write("goals/flow.yaml", goal_text("flow"));
  dir.write("goals/run.yaml", goal_text("run"));
  Journal journal = Journal::open(dir.path);
  CHECK(journal.resolve_id("r") == "run");
  CHECK(journal.resolve_id("flos") == "floss");
  CHECK(journal.resolve_id("flow") == "flow");
  CHECK_THROWS_WITH(journal.resolve_id("fl"), "'fl' matches several goals:\n  floss\n  flow");
  CHECK_THROWS_WITH(journal.resolve_id("walk"), doctest::Contains("no goal 'walk'"));
}

TEST_CASE("journal: a goal file whose id differs from its name is refused with its file and line") {
  TempDir dir;
  dir.write("microstep.yaml", "");
  dir.write("goals/floss.yaml", goal_text("flossing"));
  Journal journal = Journal::open(dir.path);
  CHECK_THROWS_WITH(journal.load_goal("floss"), doctest::Contains("goals/floss.yaml:1: id 'flossing'"));
}

TEST_CASE("journal: read_marks resolves each goal's days from one pass over the log") {
  TempDir dir;
  dir.write("microstep.yaml", "");
  dir.write("goals/floss.yaml", goal_text("floss"));
  dir.write("goals/run.yaml", goal_text("run"));
  dir.write("checkins.log",
            "2026-11-02\t2026-11-02T08:00:00+00:00\tdone\tfloss\t\t\n"
            "2026-11-03\t2026-11-03T08:00:00+00:00\tdone\trun\t\t\n"
            "2026-11-03\t2026-11-03T09:00:00+00:00\tdone\tghost\t\t\n"
            "2026-11-04\t2026-11-04T08:00:00+00:00\tdone\tfloss\t\t\n");
  Journal journal = Journal::open(dir.path);
  std::vector<Goal> floss_only{journal.load_goal("floss")};
  LogDiagnostics diagnostics;
  auto marks = journal.read_marks(floss_only, diagnostics);
  REQUIRE(marks.count("floss") == 1);
  CHECK(marks.count("run") == 0);
  CHECK(marks["floss"].first_done() == parse_iso_day("2026-11-02"));
  CHECK(marks["floss"].last_done() == parse_iso_day("2026-11-04"));
  CHECK(diagnostics.error_count == 0);
  // The unknown id is a warning naming its line; a goal with a file but not asked for is not.
  REQUIRE(diagnostics.warnings.size() == 1);
  CHECK(diagnostics.warnings[0].starts_with("checkins.log:3: "));
  CHECK(diagnostics.warnings[0].find("ghost") != std::string::npos);
}

TEST_CASE("journal: read_marks keeps the events of days asked for, of the goals asked for, in log order") {
  TempDir dir;
  dir.write("microstep.yaml", "");
  dir.write("goals/floss.yaml", goal_text("floss"));
  dir.write("goals/run.yaml", goal_text("run"));
  // Over 4 MiB, so the log is read in parts: the kept events sit in the first and the last.
  const std::string filler = "2020-01-01\t2020-01-01T08:00:00+00:00\tdone\tfloss\t\t" + std::string(60, 'x') + "\n";
  std::string log = "2026-11-12\t2026-11-12T08:00:00+00:00\tdone\tfloss\t2\tfirst\\tline\n";
  log += "2026-11-11\t2026-11-11T08:00:00+00:00\tdone\trun\t\tnot asked for\n";
  log += "2026-11-09\t2026-11-09T08:00:00+00:00\tdone\tfloss\t\tthe day before\n";
  while (log.size() < (5u << 20)) log += filler;
  log += "2026-11-10\t2026-11-10T08:00:00+00:00\tskip\tfloss\t\tlast line\n";
  dir.write("checkins.log", log);
  Journal journal = Journal::open(dir.path);
  std::vector<Goal> floss_only{journal.load_goal("floss")};
  LogDiagnostics diagnostics;
  std::vector<Event> events;
  auto marks = journal.read_marks(floss_only, *parse_iso_day("2026-11-10"), *parse_iso_day("2026-11-12"),
                                  events, diagnostics);
  CHECK(diagnostics.error_count == 0);
  CHECK(marks.at("floss").last_done() == parse_iso_day("2026-11-12"));
  REQUIRE(events.size() == 2);
  CHECK(events[0].day == *parse_iso_day("2026-11-12"));
  CHECK(events[0].note == "first\tline");  // unescaped
  CHECK(events[0].amount == 2);
  CHECK(events[1].kind == EventKind::skip);
  CHECK(events[1].note == "last line");
  SUBCASE("read for the marks alone, the marks are the same") {
    LogDiagnostics again;
    CHECK(journal.read_marks(floss_only, again).at("floss").last_done() == parse_iso_day("2026-11-12"));
  }
}

TEST_CASE("journal: read_marks tells apart ids that share their first and last bytes") {
  // The id lookup compares short ids by their first and last 8 bytes (below 8 bytes, by two
  // overlapping 4-byte words, or by the first, middle and last byte): ids alike there, of
  // every length around 16 and below 8, must still find their own goal.
  TempDir dir;
  dir.write("microstep.yaml", "");
  const std::vector<std::string> ids = {"aaaaaaaa1bbbbbbb", "aaaaaaaa2bbbbbbb", "aaaaaaaa-1-bbbbbbbb",
                                        "aaaaaaaa-2-bbbbbbbb", "aaaaaaaabbbbbbbb", "aaaaaaabbbbbbb",
                                        "a", "b", "ab", "ba", "aaaaaaaa", "aaaaaaab",
                                        // alike but for the first, middle or last byte
                                        "aba", "aaa", "abb", "bba", "abcde", "abcdf", "xbcde",
                                        "abcdefg", "abcdefh", "xbcdefg"};
  std::string log;
  for (size_t i = 0; i < ids.size(); ++i) {
    dir.write("goals/" + ids[i] + ".yaml", goal_text(ids[i]));
    // Goal i is done on day i + 1 only.
    std::string day = "2026-11-" + std::string(i + 1 < 10 ? "0" : "") + std::to_string(i + 1);
    log += day + "\t" + day + "T08:00:00+00:00\tdone\t" + ids[i] + "\t\t\n";
  }
  log += "2026-11-20\t2026-11-20T08:00:00+00:00\tdone\taaaaaaaa-3-bbbbbbbb\t\t\n";  // no such goal
  dir.write("checkins.log", log);
  Journal journal = Journal::open(dir.path);
  LogDiagnostics diagnostics;
  auto marks = journal.read_marks(journal.load_goals(), diagnostics);
  for (size_t i = 0; i < ids.size(); ++i) {
    CAPTURE(ids[i]);
    Day expected = *parse_iso_day("2026-11-01") + date::days{static_cast<long>(i)};
    CHECK(marks.at(ids[i]).first_done() == expected);
    CHECK(marks.at(ids[i]).last_done() == expected);
  }
  REQUIRE(diagnostics.warnings.size() == 1);
  CHECK(diagnostics.warnings[0] == "checkins.log:23: unknown goal 'aaaaaaaa-3-bbbbbbbb'");
}

TEST_CASE("journal: the log cache gives what a whole read gives - written by the first read - used by the next") {
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

TEST_CASE("journal: the log cache and lines appended after it give what a whole read gives") {
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

TEST_CASE("journal: a cache that hashes as the log is read instead of the lines it covers") {
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
    j.dir.write("goals/floss.yaml", goal_text("floss") + "minimum: 2\n");
    CHECK(floss_days(j.cached(false)) == "2026-12-25 ");
  }
  SUBCASE("a byte of the covered lines changed: the log read whole") {
    std::string edited = log;
    edited[edited.find("\tdone\tfloss")] = ' ';  // a tab made a space: line 1 is no event
    j.dir.write("checkins.log", edited);
    CHECK(floss_days(j.cached(false)) == "");
  }
}

TEST_CASE("journal: an edit in the lines the cache covers is read - the cache is never used stale") {
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

TEST_CASE("journal: a log whose stamp is the one recorded at the last check is not hashed again - any write to it is") {
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

TEST_CASE("journal: a check is recorded only for a log last changed settled_after before it") {
  CachedJournal j(sample_log());
  read(j.cached(true));  // writes the cache
  fs::path record = j.cache_file;
  record += ".checked";
  read(j.cached(false));  // checks it: the log was written just now, so nothing is recorded
  CHECK_FALSE(fs::exists(record));
  Journal settled = j.cached(false);
  Journal::LogCacheSettings settings{j.cache_file, 0, std::numeric_limits<std::uint64_t>::max(),
                                     std::numeric_limits<std::uint64_t>::max()};
  settings.settled_after = -std::chrono::hours{1};  // as if the log were an hour old
  settled.use_log_cache(settings);
  const Reading whole = read(j.uncached());
  CHECK(read(settled) == whole);
  CHECK(log_check_holds(record, LogCacheFile::open(j.cache_file)->identity(),
                        OpenLog(j.dir.path / "checkins.log").stamp()));
  CHECK(read(settled) == whole);  // read through the record
}

TEST_CASE("journal: a log checked two seconds after its last write, then edited to the same size, is not read stale") {
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

TEST_CASE("journal: a cache written by a read of one goal holds the others' marks too - for a default amount of 1") {
  CachedJournal j(sample_log());
  j.dir.write("goals/floss.yaml", goal_text("floss") + "minimum: 2\n");
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

TEST_CASE("journal: with the cache, marks follow a goal file's new default amount") {
  CachedJournal j(sample_log());
  read(j.cached(true));
  j.dir.write("goals/floss.yaml", goal_text("floss") + "minimum: 2\n");
  check_cache_agrees(j, {"floss"});
  check_cache_agrees(j);
  LogDiagnostics diagnostics;
  auto marks = j.cached(false).read_marks({j.uncached().load_goal("floss")}, diagnostics);
  CHECK(marks.at("floss").amount(test::day("2026-11-02")) == 2);  // a done without an amount
}

TEST_CASE("journal: with the cache, a goal file added for an id unknown till then gets its check-ins") {
  CachedJournal j(sample_log());
  read(j.cached(true));
  j.dir.write("goals/ghost.yaml", goal_text("ghost"));
  check_cache_agrees(j, {"ghost"});
  check_cache_agrees(j);
  const Reading reading = read(j.cached(false));
  CHECK(reading.marks.at("ghost").find("2026-11-03 done 1\n2026-11-07 done 1") != std::string::npos);
  CHECK(reading.warnings == std::vector<std::string>{"checkins.log:6: a line cut short by an interrupted write; ignored"});
}

TEST_CASE("journal: with the cache, the warnings are the same and in the same order") {
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

TEST_CASE("journal: a log whose last line has no newline is not cached - a cache before it still agrees") {
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

TEST_CASE("journal: a log smaller than min_log_bytes is read whole - no cache written") {
  CachedJournal j(sample_log());
  const std::uint64_t size = j.log().size();
  Journal journal = j.uncached();
  journal.use_log_cache({j.cache_file, size + 1, 0, 0});
  CHECK(read(journal) == read(j.uncached()));
  CHECK_FALSE(fs::exists(j.cache_file));
  journal.use_log_cache({j.cache_file, size, 0, 0});
  CHECK(read(journal) == read(j.uncached()));
  CHECK(fs::exists(j.cache_file));
}

TEST_CASE("journal: the cache is written again once a 32nd of the log is new - between min_new_bytes and max_new_bytes") {
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
    journal.use_log_cache({j.cache_file, 0, min_new, max_new});
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

TEST_CASE("journal: a damaged cache file still gives the right marks - whichever byte was changed") {
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

TEST_CASE("journal: read_goal_marks gives read_marks' marks and the goal's check-ins of the day") {
  CachedJournal j(sample_log() + log_line("2026-11-03", EventKind::done, "floss", std::nullopt, 9));
  const Day day = test::day("2026-11-03");  // floss: a done of 2.5 and one of the default; run: a done
  auto check_day = [&](const Journal& journal, size_t floss_checkins, double amount) {
    const Goal floss = journal.load_goal("floss");
    CheckinCollector day_checkins;
    LogDiagnostics diagnostics;
    const DayMarks marks = journal.read_goal_marks(floss, day, day_checkins, diagnostics);
    CHECK(described(marks) == read(j.uncached(), {"floss"}).marks.at("floss"));
    CHECK(diagnostics.warnings == read(j.uncached(), {"floss"}).warnings);
    CHECK(day_checkins.size() == floss_checkins);
    const DayMarks of_day(day_checkins, floss.default_amount());
    CHECK(of_day.first_done() == day);
    CHECK(of_day.last_done() == day);
    CHECK(of_day.amount(day) == amount);
  };
  check_day(j.uncached(), 2, 3.5);
  check_day(j.cached(true), 2, 3.5);  // no cache yet: it is written
  REQUIRE(fs::exists(j.cache_file));
  check_day(j.cached(false), 2, 3.5);  // from the cache
  j.append(log_line("2026-11-03", EventKind::done, "floss", 1.5, 10) + log_line("2026-11-03", EventKind::done, "run"));
  check_day(j.cached(false), 3, 5);  // the cache's and the new line's
  check_day(j.cached(true), 3, 5);
  check_day(j.cached(false), 3, 5);
  check_day(j.uncached(), 3, 5);
}

TEST_CASE("journal: each journal has its own cache file - one path however it is spelt") {
  TempDir dir;
  fs::create_directories(dir.path / "a/sub");
  fs::create_directories(dir.path / "b");
  const fs::path home = dir.path / "cache";
  const fs::path a = Journal::log_cache_file(dir.path / "a", home);
  CHECK(a.parent_path() == home / "microstep");
  CHECK(a != Journal::log_cache_file(dir.path / "b", home));
  CHECK(a == Journal::log_cache_file(dir.path / "a/.", home));
  CHECK(a == Journal::log_cache_file(dir.path / "a/", home));
  CHECK(a == Journal::log_cache_file(dir.path / "a/sub/..", home));
  CHECK(a == Journal::log_cache_file(dir.path / "b/../a", home));
  CHECK(a.filename() == Journal::log_cache_file(dir.path / "a", dir.path / "elsewhere").filename());
}

}  // namespace microstep

// ---- the goal cache -----------------------------------------------------------------------

namespace microstep {

namespace {

/// A journal of goals a, b and c, read through a goal cache under the test's directory.
struct GoalCachedJournal {
  TempDir dir;
  fs::path cache_file = dir.path / "cache/microstep/goals";

  GoalCachedJournal() {
    dir.write("microstep.yaml", "");
    dir.write("checkins.log", "");
    for (const char* id : {"a", "b", "c"}) dir.write(std::string("goals/") + id + ".yaml", goal_text(id));
  }
  Journal cached(size_t min_goals = 0) const {
    Journal journal = Journal::open(dir.path);
    journal.use_goal_cache({cache_file, min_goals});
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

TEST_CASE("journal: the goal cache gives what parsing gives - written by the first load") {
  GoalCachedJournal j;
  const auto parsed = Journal::open(j.dir.path).load_goals();
  CHECK_FALSE(fs::exists(j.cache_file));
  CHECK(j.cached().load_goals() == parsed);
  REQUIRE(fs::exists(j.cache_file));
  CHECK(GoalCache::read(j.cache_file).size() == 3);
  CHECK(j.cached().load_goals() == parsed);
}

TEST_CASE("journal: load_goal takes one goal from the goal cache too - and parses a changed file") {
  GoalCachedJournal j;
  Goal from_cache = Journal::open(j.dir.path).load_goal("b");
  from_cache.step = "From the cache";
  j.cache_as("b", from_cache);
  CHECK(j.cached().load_goal("b").step == "From the cache");
  CHECK(Journal::open(j.dir.path).load_goal("b").step == "Floss one tooth");  // no cache: parsed
  CHECK(j.cached().load_goal("a").step == "Floss one tooth");                 // not in it: parsed
  j.dir.write("goals/b.yaml", goal_text("b") + "\n");
  CHECK(j.cached().load_goal("b").step == "Floss one tooth");  // changed: parsed
  CHECK(GoalCache::read(j.cache_file).size() == 1);           // and the cache left as it was
}

TEST_CASE("journal: a goal in the cache for a file's exact bytes is used - any change to the file is parsed") {
  // A cache that says another step for goals/b.yaml as it is: load_goals then gives that
  // step, which proves it read the cache (parsing would give the file's).
  GoalCachedJournal j;
  Goal from_cache = Journal::open(j.dir.path).load_goal("b");
  from_cache.step = "From the cache";
  j.cache_as("b", from_cache);
  CHECK(j.steps(j.cached()) ==
        std::vector<std::string>{"a: Floss one tooth", "b: From the cache", "c: Floss one tooth"});
  SUBCASE("one byte of the file changed: parsed again") {
    j.dir.write("goals/b.yaml", goal_text("b") + "\n");
    CHECK(j.steps(j.cached()) ==
          std::vector<std::string>{"a: Floss one tooth", "b: Floss one tooth", "c: Floss one tooth"});
  }
  SUBCASE("the cache was written again with every goal as parsed") {
    CHECK(GoalCache::read(j.cache_file).size() == 3);
    CHECK(j.steps(j.cached()) ==
          std::vector<std::string>{"a: Floss one tooth", "b: From the cache", "c: Floss one tooth"});
  }
  SUBCASE("the same file under another name is not found") {
    j.dir.write("goals/d.yaml", goal_text("d"));
    fs::remove(j.dir.path / "goals/b.yaml");
    fs::rename(j.dir.path / "goals/d.yaml", j.dir.path / "goals/b.yaml");  // now an id d in b.yaml
    CHECK_THROWS_WITH(j.cached().load_goals(), doctest::Contains("goals/b.yaml:1: id 'd' does not match"));
  }
}

TEST_CASE("journal: a goal file removed or added is seen through the goal cache") {
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

TEST_CASE("journal: a bad goal file fails as without the cache - and no cache is written") {
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

TEST_CASE("journal: fewer goal files than min_goals are parsed - no goal cache written") {
  GoalCachedJournal j;
  j.cached(4).load_goals();
  CHECK_FALSE(fs::exists(j.cache_file));
  j.cached(3).load_goals();
  CHECK(fs::exists(j.cache_file));
}

TEST_CASE("journal: the goal cache file sits beside the log cache file - named for the same journal") {
  TempDir dir;
  fs::create_directories(dir.path / "a");
  const fs::path home = dir.path / "cache";
  const fs::path goals = Journal::goal_cache_file(dir.path / "a", home);
  const fs::path log = Journal::log_cache_file(dir.path / "a", home);
  CHECK(goals.parent_path() == log.parent_path());
  CHECK(goals.filename().string().substr(0, 6) == "goals-");
  CHECK(goals.filename().string().substr(6) == log.filename().string().substr(4));
  CHECK(goals == Journal::goal_cache_file(dir.path / "a/.", home));
}

}  // namespace microstep
