/// Tests of core/journal/log_file: streaming the log (in one part or several).
#include "core/journal/log_file.hpp"

#include <sys/stat.h>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/base/content_hash.hpp"
#include "core/base/text_file.hpp"
#include "unit/temp_dir.hpp"

namespace fs = std::filesystem;

namespace microstep {

namespace {

/// A log file in a fresh directory.
struct TempLog {
  test::TempDir dir;
  fs::path path = dir.path / "checkins.log";
  void write(const std::string& text) const { dir.write("checkins.log", text); }
};

std::string line(const std::string& day, const std::string& goal, const std::string& note = "") {
  return day + "\t" + day + "T08:00:00+01:00\tdone\t" + goal + "\t\t" + note + "\n";
}

/// What scan_log_from saw: each event as (file line number, goal, note), in file order.
struct ScanFrom {
  std::vector<ScannedPart> parts;
  std::vector<std::tuple<size_t, std::string, std::string>> events;
  LogDiagnostics diagnostics;
};

ScanFrom scan_from(const OpenLog& log, std::uint64_t from, size_t first_line, unsigned parts, bool hash) {
  ScanFrom result;
  std::vector<std::vector<std::tuple<size_t, std::string, std::string>>> found(parts);
  result.parts = scan_log_from(
      log, from, first_line, parts,
      [&](unsigned part, const EventView& e, size_t n) {
        found[part].emplace_back(n, std::string(e.goal), std::string(e.note_escaped));
      },
      result.diagnostics, hash);
  for (size_t p = 0; p < result.parts.size(); ++p)
    for (auto [n, goal, note] : found[p]) result.events.emplace_back(result.parts[p].first_line + n - 1, goal, note);
  return result;
}

/// A log of `lines` lines, each naming its own line number in its note ("line 12"), and long
/// enough for 40000 lines to pass 4 MiB (the size from which a log is read in parts).
std::string numbered_log(size_t lines) {
  std::string text;
  const std::string padding(90, 'p');
  for (size_t n = 1; n <= lines; ++n) text += line("2026-11-01", n % 2 ? "a" : "b", "line " + std::to_string(n) + padding);
  return text;
}

/// The byte offset where file line `number` starts.
std::uint64_t start_of_line(const std::string& text, size_t number) {
  size_t at = 0;
  for (size_t n = 1; n < number; ++n) at = text.find('\n', at) + 1;
  return at;
}

/// (file line number, goal) of every event, read in `parts` parts.
std::vector<std::pair<size_t, std::string>> events_of(const TempLog& log, unsigned parts, LogDiagnostics& d) {
  std::vector<std::vector<std::pair<size_t, std::string>>> found(parts);
  auto first = scan_log_in_parts(
      log.path, parts, [&](unsigned part, const EventView& e, size_t n) { found[part].emplace_back(n, e.goal); }, d);
  std::vector<std::pair<size_t, std::string>> all;
  for (size_t p = 0; p < first.size(); ++p)
    for (auto [n, goal] : found[p]) all.emplace_back(first[p] + n - 1, goal);
  return all;
}

}  // namespace

TEST_CASE("scan_log: events with their line numbers - blank lines and comments passed by") {
  TempLog log;
  log.write(line("2026-11-01", "a") + "\n# a comment\n" + line("2026-11-02", "b"));
  LogDiagnostics d;
  CHECK(events_of(log, 1, d) == std::vector<std::pair<size_t, std::string>>{{1, "a"}, {4, "b"}});
  CHECK(d.error_count == 0);
  CHECK(d.warnings.empty());
}

TEST_CASE("scan_log: a missing log is an empty one") {
  TempLog log;
  LogDiagnostics d;
  CHECK(events_of(log, 2, d).empty());
  CHECK(d.error_count == 0);
}

TEST_CASE("scan_log: bad lines are errors with their numbers - only kept_errors of them are kept") {
  TempLog log;
  std::string text = line("2026-11-01", "a");
  for (int i = 0; i < 25; ++i) text += "garbage\n";
  log.write(text);
  LogDiagnostics d;
  CHECK(events_of(log, 1, d).size() == 1);
  CHECK(d.error_count == 25);
  REQUIRE(d.errors.size() == 20);
  CHECK(d.errors.front().starts_with("checkins.log:2: "));
  CHECK(d.errors.back().starts_with("checkins.log:21: "));
  CHECK_THROWS_WITH(throw_if_errors(d), doctest::Contains("... and 5 more bad lines"));

  LogDiagnostics all;
  all.kept_errors = SIZE_MAX;
  events_of(log, 1, all);
  CHECK(all.errors.size() == 25);
  CHECK(all.errors.back().starts_with("checkins.log:26: "));
}

TEST_CASE("scan_log: a BOM and CRLF endings are accepted - CRLF lines are counted") {
  TempLog log;
  std::string a = line("2026-11-01", "a"), b = line("2026-11-02", "b"), c = line("2026-11-03", "c");
  b.insert(b.size() - 1, "\r");
  c.insert(c.size() - 1, "\r");
  log.write("\xEF\xBB\xBF" + a + b + c);
  LogDiagnostics d;
  CHECK(events_of(log, 1, d).size() == 3);
  CHECK(d.error_count == 0);
  CHECK(d.crlf_lines == 2);
  CHECK(d.first_crlf_line == 2);
}

TEST_CASE("scan_log in parts gives the lines and problems one part gives") {
  // Over 4 MiB, so that two parts are really two: a bad line in each half.
  TempLog log;
  std::string text;
  const std::string note(60, 'n');
  for (int i = 0; i < 50000; ++i) text += line("2026-11-01", i % 2 ? "a" : "b", note);
  text += "bad line in the second half\n";
  text = "bad line in the first half\n" + text;
  log.write(text);
  REQUIRE(fs::file_size(log.path) > (4u << 20));
  LogDiagnostics one, two;
  auto in_one = events_of(log, 1, one);
  auto in_two = events_of(log, 2, two);
  CHECK(in_one.size() == 50000);
  CHECK(in_two == in_one);
  CHECK(two.errors == one.errors);
  REQUIRE(two.errors.size() == 2);
  CHECK(two.errors[1].starts_with("checkins.log:50002: "));
}

TEST_CASE("scan_log_from: a missing log opens empty - and scans as one empty part from line 1") {
  TempLog log;
  OpenLog open(log.path);
  CHECK(open.size() == 0);
  CHECK(open.descriptor() == -1);
  CHECK(open.hash(0, 0) == hash_bytes(""));
  ScanFrom scan = scan_from(open, 0, 1, 4, true);
  REQUIRE(scan.parts.size() == 1);
  CHECK(scan.parts[0].begin == 0);
  CHECK(scan.parts[0].end == 0);
  CHECK(scan.parts[0].first_line == 1);
  CHECK(scan.parts[0].newlines == 0);
  CHECK(scan.parts[0].hash == hash_bytes(""));
  CHECK(scan.events.empty());
  CHECK(scan.diagnostics.error_count == 0);
  CHECK(scan.diagnostics.warnings.empty());
}

TEST_CASE("scan_log_from: from a line in the middle - events and problems name their file lines") {
  TempLog log;
  const std::string text = line("2026-11-01", "a", "one") + "bad line two\n" + line("2026-11-03", "c", "three") +
                           "bad line four\n" + line("2026-11-05", "d", "five") + "2026-11-06\t2026-11";
  log.write(text);
  OpenLog open(log.path);
  CHECK(open.size() == text.size());
  const std::uint64_t from = start_of_line(text, 3);
  ScanFrom scan = scan_from(open, from, 3, 1, false);
  using Seen = std::tuple<size_t, std::string, std::string>;
  CHECK(scan.events == std::vector<Seen>{{3, "c", "three"}, {5, "d", "five"}});
  REQUIRE(scan.parts.size() == 1);
  CHECK(scan.parts[0].begin == from);
  CHECK(scan.parts[0].end == text.size());
  CHECK(scan.parts[0].first_line == 3);
  CHECK(scan.parts[0].newlines == 3);
  // Line 2 lies before `from`: not read, not reported.
  CHECK(scan.diagnostics.error_count == 1);
  REQUIRE(scan.diagnostics.errors.size() == 1);
  CHECK(scan.diagnostics.errors[0].starts_with("checkins.log:4: "));
  REQUIRE(scan.diagnostics.warnings.size() == 1);
  CHECK(scan.diagnostics.warnings[0].starts_with("checkins.log:6: the last line has no newline"));
}

TEST_CASE("scan_log_from: a BOM is accepted at the file's start only") {
  TempLog log;
  const std::string bom = "\xEF\xBB\xBF";
  const std::string first = line("2026-11-01", "a"), second = line("2026-11-02", "b");
  SUBCASE("a BOM-looking line read from the middle is a bad line") {
    log.write(first + bom + second);
    OpenLog open(log.path);
    ScanFrom tail = scan_from(open, first.size(), 2, 1, false);
    CHECK(tail.events.empty());
    REQUIRE(tail.diagnostics.errors.size() == 1);
    CHECK(tail.diagnostics.errors[0].starts_with("checkins.log:2: "));
    ScanFrom whole = scan_from(open, 0, 1, 1, false);
    CHECK(whole.events.size() == 1);
    CHECK(whole.diagnostics.errors == tail.diagnostics.errors);
  }
  SUBCASE("at offset 0 it is passed by") {
    log.write(bom + first + second);
    OpenLog open(log.path);
    ScanFrom whole = scan_from(open, 0, 1, 1, false);
    using Seen = std::tuple<size_t, std::string, std::string>;
    CHECK(whole.events == std::vector<Seen>{{1, "a", ""}, {2, "b", ""}});
    CHECK(whole.diagnostics.error_count == 0);
  }
}

TEST_CASE("scan_log_from: the parts cover the bytes from `from` in order - each hashed as OpenLog hashes it") {
  // Over 4 MiB from `from` on, so that three parts are really three.
  TempLog log;
  const size_t lines = 45000;
  const std::string text = numbered_log(lines);
  log.write(text);
  OpenLog open(log.path);
  REQUIRE(open.size() == text.size());
  const std::uint64_t from = start_of_line(text, 2);
  REQUIRE(text.size() - from > (4u << 20));
  for (unsigned parts : {1u, 3u}) {
    CAPTURE(parts);
    ScanFrom scan = scan_from(open, from, 2, parts, true);
    REQUIRE(scan.parts.size() == parts);
    std::uint64_t covered = from;
    size_t next_line = 2;
    for (const ScannedPart& part : scan.parts) {
      CHECK(part.begin == covered);
      CHECK(part.end >= part.begin);
      CHECK((part.begin == 0 || text[part.begin - 1] == '\n'));  // at a line's start
      CHECK(part.first_line == next_line);
      CHECK(part.hash == open.hash(part.begin, part.end));
      CHECK(part.hash == hash_bytes(std::string_view(text).substr(part.begin, part.end - part.begin)));
      covered = part.end;
      next_line += part.newlines;
    }
    CHECK(covered == text.size());
    CHECK(next_line == lines + 1);
    // Every event names the file line it is on.
    REQUIRE(scan.events.size() == lines - 1);
    for (size_t i = 0; i < scan.events.size(); ++i) {
      const auto& [number, goal, note] = scan.events[i];
      if (!note.starts_with("line " + std::to_string(number) + "p")) {
        CAPTURE(number);
        CAPTURE(note.substr(0, 12));
        FAIL("an event with the wrong line number");
      }
    }
    CHECK(scan.diagnostics.error_count == 0);
  }
}

TEST_CASE("OpenLog: the hash of a range is hash_bytes of its bytes") {
  TempLog log;
  const std::string text = numbered_log(15000);  // over 1 MiB: a range spans many reads
  log.write(text);
  OpenLog open(log.path);
  REQUIRE(text.size() > (1u << 20) + 100);
  const std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges = {
      {0, text.size()}, {0, 0}, {7, 7}, {1, 33}, {(64u << 10) - 1, (64u << 10) + 1}, {100, (1u << 20) + 50},
      {text.size() - 3, text.size()}};
  for (auto [begin, end] : ranges) {
    CAPTURE(begin);
    CAPTURE(end);
    CHECK(open.hash(begin, end) == hash_bytes(std::string_view(text).substr(begin, end - begin)));
  }
  CHECK(open.hash(0, 10) != open.hash(1, 11));
}

TEST_CASE("OpenLog: the stamp of a missing log is all zeros - a log's says its size, and changes with an append or a new file") {
  TempLog log;
  CHECK(OpenLog(log.path).stamp() == FileStamp{});
  log.write(line("2026-11-02", "floss"));
  const FileStamp first = OpenLog(log.path).stamp();
  struct stat info {};
  REQUIRE(::stat(log.path.c_str(), &info) == 0);
  CHECK(first.size == static_cast<std::uint64_t>(info.st_size));
  CHECK(first.inode == static_cast<std::uint64_t>(info.st_ino));
  CHECK(first.changed_ns / 1'000'000'000 == info.st_ctim.tv_sec);
  CHECK(first.modified_ns / 1'000'000'000 == info.st_mtim.tv_sec);
  CHECK(OpenLog(log.path).stamp() == first);  // nothing written: the same stamp

  std::ofstream(log.path, std::ios::app) << line("2026-11-03", "floss");
  const FileStamp appended = OpenLog(log.path).stamp();
  CHECK(appended != first);
  CHECK(appended.size > first.size);

  // A new file put in its place (as git checkout and editors that save by renaming do).
  log.dir.write("new.log", log.dir.read("checkins.log"));
  fs::rename(log.dir.path / "new.log", log.path);
  const FileStamp renamed = OpenLog(log.path).stamp();
  CHECK(renamed.size == appended.size);
  CHECK(renamed.inode != appended.inode);
}

}  // namespace microstep
