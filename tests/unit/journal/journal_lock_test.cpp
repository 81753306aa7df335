/// Tests of core/journal/journal_lock: the journal's write lock, and appending under it.
#include "core/journal/journal_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "core/base/error.hpp"
#include "core/journal/log_file.hpp"
#include "core/base/text_file.hpp"
#include "unit/temp_dir.hpp"

namespace fs = std::filesystem;

namespace microstep {

namespace {

/// Can another open file description take the lock now, without waiting?
bool lock_is_free(const fs::path& path) {
  Descriptor other{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  REQUIRE(other.fd >= 0);
  return ::flock(other.fd, LOCK_EX | LOCK_NB) == 0;
}

/// The events of the log as (line, goal), and its diagnostics.
std::vector<std::pair<size_t, std::string>> events_of(const fs::path& path, LogDiagnostics& d) {
  std::vector<std::pair<size_t, std::string>> all;
  scan_log(path, [&](const EventView& e, size_t n) { all.emplace_back(n, std::string(e.goal)); }, d);
  return all;
}

Event sample() {
  Event e;
  e.day = *parse_iso_day("2026-11-02");
  e.written = Moment{date::sys_seconds{e.day} + std::chrono::hours{7}, std::chrono::minutes{60}};
  e.goal = "a";
  e.note = "tab\there, newline\nthere";
  return e;
}

}  // namespace

TEST_CASE("JournalLock: held from construction to destruction - the log is created when missing") {
  test::TempDir dir;
  const fs::path log = dir.path / "checkins.log";
  {
    JournalLock lock(log);
    CHECK(fs::is_regular_file(log));
    CHECK_FALSE(lock_is_free(log));
    CHECK(lock.log_size() == 0);
  }
  CHECK(lock_is_free(log));
}

TEST_CASE("JournalLock: a FIFO or a directory in the log's place is refused at once as data") {
  test::TempDir dir;
  const fs::path log = dir.path / "checkins.log";
  REQUIRE(::mkfifo(log.c_str(), 0644) == 0);
  CHECK_THROWS_WITH_AS(JournalLock{log}, doctest::Contains("checkins.log:1: not a regular file but a FIFO"),
                       Failure);
  fs::remove(log);
  fs::create_directory(log);
  CHECK_THROWS_WITH_AS(JournalLock{log}, doctest::Contains("checkins.log:1: not a regular file but a directory"),
                       Failure);
}

TEST_CASE("JournalLock: a symbolic link in the log's place is not followed") {
  test::TempDir dir;
  dir.write("target.log", "");
  const fs::path log = dir.path / "checkins.log";
  fs::create_symlink(dir.path / "target.log", log);
  CHECK_THROWS_WITH_AS(JournalLock{log}, doctest::Contains("checkins.log:1: a symbolic link"), Failure);
}

TEST_CASE("append: one line each - a torn last line is closed first and then ignored") {
  test::TempDir dir;
  const fs::path log = dir.path / "checkins.log";
  const Event e = sample();
  append_event(log, e);
  CHECK(read_text_file(log) == format_log_line(e));

  // An interrupted write left half a line: it is a warning, and the next append closes it.
  std::ofstream(log, std::ios::app | std::ios::binary) << "2026-11-03\t2026-11-03T0";
  LogDiagnostics before;
  CHECK(events_of(log, before).size() == 1);
  CHECK(before.error_count == 0);
  REQUIRE(before.warnings.size() == 1);
  CHECK(before.warnings[0].starts_with("checkins.log:2: the last line has no newline"));

  append_event(log, e);
  CHECK(read_text_file(log) == format_log_line(e) + "2026-11-03\t2026-11-03T0" + std::string(kTornMarker) + "\n" +
                                   format_log_line(e));
  LogDiagnostics after;
  CHECK(events_of(log, after) == std::vector<std::pair<size_t, std::string>>{{1, "a"}, {3, "a"}});
  CHECK(after.error_count == 0);
  REQUIRE(after.warnings.size() == 1);
  CHECK(after.warnings[0].starts_with("checkins.log:2: a line cut short"));
}

TEST_CASE("append_events writes all of them in one go - none for an empty list") {
  test::TempDir dir;
  const fs::path log = dir.path / "checkins.log";
  append_events(log, {});
  CHECK_FALSE(fs::exists(log));
  Event a, b;
  a.day = b.day = *parse_iso_day("2026-11-02");
  a.goal = "a";
  b.goal = "b";
  b.kind = EventKind::skip;
  append_events(log, {a, b});
  CHECK(read_text_file(log) == format_log_line(a) + format_log_line(b));
}

TEST_CASE("JournalLock on a log it may not write: locked for a goal rewrite - append fails naming the log") {
  if (::geteuid() == 0) return;  // root writes to a 0444 file anyway
  test::TempDir dir;
  const fs::path log = dir.path / "checkins.log";
  dir.write("checkins.log", "");
  fs::permissions(log, fs::perms::owner_read);
  JournalLock lock(log);
  CHECK_FALSE(lock_is_free(log));
  const std::string message = "cannot open " + log.string();
  CHECK_THROWS_WITH_AS(lock.append({sample()}), doctest::Contains(message.c_str()), Failure);
  CHECK(read_text_file(log).empty());
}

}  // namespace microstep
