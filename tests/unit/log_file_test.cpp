/// Tests of core/log_file: streaming the log (in one part or several) and appending to it.
#include "core/log_file.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "core/text_file.hpp"
#include "temp_dir.hpp"

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

TEST_CASE("append_event: one line each - a torn last line is closed first and then ignored") {
  TempLog log;
  Event e;
  e.day = *parse_iso_day("2026-11-02");
  e.written = Moment{date::sys_seconds{e.day} + std::chrono::hours{7}, std::chrono::minutes{60}};
  e.goal = "a";
  e.note = "tab\there, newline\nthere";
  append_event(log.path, e);
  CHECK(read_text_file(log.path) == format_log_line(e));

  // An interrupted write left half a line: it is a warning, and the next append closes it.
  std::ofstream(log.path, std::ios::app | std::ios::binary) << "2026-11-03\t2026-11-03T0";
  LogDiagnostics before;
  CHECK(events_of(log, 1, before).size() == 1);
  CHECK(before.error_count == 0);
  REQUIRE(before.warnings.size() == 1);
  CHECK(before.warnings[0].starts_with("checkins.log:2: the last line has no newline"));

  append_event(log.path, e);
  CHECK(read_text_file(log.path) == format_log_line(e) + "2026-11-03\t2026-11-03T0" + std::string(kTornMarker) +
                                        "\n" + format_log_line(e));
  LogDiagnostics after;
  CHECK(events_of(log, 1, after) == std::vector<std::pair<size_t, std::string>>{{1, "a"}, {3, "a"}});
  CHECK(after.error_count == 0);
  REQUIRE(after.warnings.size() == 1);
  CHECK(after.warnings[0].starts_with("checkins.log:2: a line cut short"));
}

TEST_CASE("append_events writes all of them in one go - none for an empty list") {
  TempLog log;
  append_events(log.path, {});
  CHECK_FALSE(fs::exists(log.path));
  Event a, b;
  a.day = b.day = *parse_iso_day("2026-11-02");
  a.goal = "a";
  b.goal = "b";
  b.kind = EventKind::skip;
  append_events(log.path, {a, b});
  CHECK(read_text_file(log.path) == format_log_line(a) + format_log_line(b));
}

}  // namespace microstep
