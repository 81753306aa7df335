/// Tests of core/journal/history: the order and the filter of `microstep log`.
#include "core/journal/history.hpp"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/base/error.hpp"
#include "core/journal/log_line.hpp"
#include "core/journal/settings.hpp"
#include "unit/builders.hpp"

namespace microstep {

using test::day;

namespace {

Event event(const char* d, const char* written, EventKind kind, const char* goal,
            std::optional<double> amount = std::nullopt, const char* note = "") {
  return Event{day(d), *parse_moment(written), kind, goal, amount, note, ""};
}

std::string summary(const std::vector<Event>& events) {
  std::string out;
  for (const auto& e : events)
    out += format_day(e.day) + " " + std::string(to_string(e.kind)) + " " + e.goal + ";";
  return out;
}

/// A journal in a fresh temporary directory with the given log, removed afterwards.
struct TempJournalDir {
  std::filesystem::path root;
  explicit TempJournalDir(const std::string& log) {
    std::string pattern = (std::filesystem::temp_directory_path() / "microstep-history-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    root = pattern;
    std::ofstream(root / "microstep.yaml") << default_settings_text();
    std::ofstream(root / "checkins.log") << log;
  }
  ~TempJournalDir() {
    std::error_code ec;
    std::filesystem::remove_all(root, ec);
  }
};

}  // namespace

TEST_CASE("order_history sorts by day, then by the moment written") {
  // A backfill: written last, it counts for the earliest day.
  auto ordered = order_history({
      event("2026-11-02", "2026-11-02T07:00:00Z", EventKind::done, "run"),
      event("2026-11-03", "2026-11-03T09:00:00Z", EventKind::undo, "run"),
      event("2026-11-03", "2026-11-03T08:00:00Z", EventKind::done, "run"),
      event("2026-11-01", "2026-11-04T20:00:00Z", EventKind::skip, "floss"),
  });
  CHECK(summary(ordered) ==
        "2026-11-01 skip floss;2026-11-02 done run;2026-11-03 done run;2026-11-03 undo run;");
}

TEST_CASE("order_history compares instants, not the written offsets' wall clocks") {
  // 08:30+02:00 is 06:30Z: earlier than 07:00Z although its wall clock reads later.
  auto ordered = order_history({
      event("2026-11-02", "2026-11-02T07:00:00Z", EventKind::done, "a"),
      event("2026-11-02", "2026-11-02T08:30:00+02:00", EventKind::done, "b"),
  });
  CHECK(summary(ordered) == "2026-11-02 done b;2026-11-02 done a;");
}

TEST_CASE("order_history keeps identical events once, and different ones all") {
  Event once = event("2026-11-02", "2026-11-02T07:00:00Z", EventKind::done, "run", 3, "park");
  SUBCASE("a union merge's duplicate line is dropped") {
    auto ordered = order_history({once, once, once});
    REQUIRE(ordered.size() == 1);
    CHECK(ordered[0] == once);
  }
  SUBCASE("the same moment with another amount, note or truth is another event") {
    Event amount = once, note = once, truth = once;
    amount.amount = 4;
    note.note = "track";
    truth.truth = "I ran the whole way";
    CHECK(order_history({once, amount, note, truth, once}).size() == 4);
  }
}

TEST_CASE("order_history does not depend on the order of its input") {
  std::vector<Event> events{
      event("2026-11-02", "2026-11-02T07:00:00Z", EventKind::done, "b", 2),
      event("2026-11-02", "2026-11-02T07:00:00Z", EventKind::done, "a"),
      event("2026-11-02", "2026-11-02T07:00:00Z", EventKind::skip, "a"),
      event("2026-11-01", "2026-11-02T07:00:00Z", EventKind::done, "a"),
  };
  auto forward = order_history(events);
  std::reverse(events.begin(), events.end());
  CHECK(order_history(events) == forward);
  CHECK(summary(forward) == "2026-11-01 done a;2026-11-02 done a;2026-11-02 skip a;2026-11-02 done b;");
}

TEST_CASE("check_history_filter refuses --since after --until") {
  HistoryFilter filter;
  CHECK_NOTHROW(check_history_filter(filter));
  filter.since = day("2026-11-03");
  filter.until = day("2026-11-03");
  CHECK_NOTHROW(check_history_filter(filter));
  filter.until = day("2026-11-02");
  try {
    check_history_filter(filter);
    FAIL("no Failure");
  } catch (const Failure& e) {
    CHECK(e.code() == ExitCode::usage);
    CHECK(std::string(e.what()) == "--since 2026-11-03 is after --until 2026-11-02");
  }
}

TEST_CASE("read_history filters the log by goal and day range, then orders it") {
  std::string log;
  for (const auto& e : {
           event("2026-11-03", "2026-11-03T07:00:00Z", EventKind::done, "run", 5, "tab\there"),
           event("2026-11-01", "2026-11-05T07:00:00Z", EventKind::done, "run"),
           event("2026-11-02", "2026-11-02T22:00:00Z", EventKind::skip, "floss", std::nullopt, "sore"),
           event("2026-11-04", "2026-11-04T07:00:00Z", EventKind::done, "run"),
           event("2026-11-03", "2026-11-03T07:00:00Z", EventKind::done, "run", 5, "tab\there"),
       })
    log += format_log_line(e);
  TempJournalDir dir(log);
  Journal journal = Journal::open(dir.root);
  LogDiagnostics diagnostics;
  SUBCASE("everything, once each") {
    auto all = read_history(journal, {}, diagnostics);
    CHECK(summary(all) ==
          "2026-11-01 done run;2026-11-02 skip floss;2026-11-03 done run;2026-11-04 done run;");
    CHECK(all[2].note == "tab\there");  // notes come back unescaped
    CHECK(all[2].amount == 5);
  }
  SUBCASE("one goal") {
    HistoryFilter filter;
    filter.ids = {"floss"};
    CHECK(summary(read_history(journal, filter, diagnostics)) == "2026-11-02 skip floss;");
  }
  SUBCASE("a day range, both ends included") {
    HistoryFilter filter;
    filter.since = day("2026-11-02");
    filter.until = day("2026-11-03");
    CHECK(summary(read_history(journal, filter, diagnostics)) ==
          "2026-11-02 skip floss;2026-11-03 done run;");
  }
  SUBCASE("an empty range is refused") {
    HistoryFilter filter;
    filter.since = day("2026-11-04");
    filter.until = day("2026-11-01");
    CHECK_THROWS_AS(read_history(journal, filter, diagnostics), Failure);
  }
  CHECK(diagnostics.errors.empty());
}

}  // namespace microstep
