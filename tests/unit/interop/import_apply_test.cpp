/// Tests of core/interop/import_apply: the shared helpers of the importers and applying a plan to a
/// journal idempotently.
#include "core/interop/import_apply.hpp"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/base/error.hpp"
#include "core/journal/goal_file.hpp"
#include "core/model/goal_id.hpp"
#include "core/journal/log_line.hpp"
#include "core/journal/settings.hpp"
#include "unit/builders.hpp"

namespace microstep {

using test::day;

namespace {

/// A journal in a fresh temporary directory, removed afterwards.
struct TempJournalDir {
  std::filesystem::path root;
  TempJournalDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "microstep-apply-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    root = pattern;
    std::ofstream(root / "microstep.yaml") << default_settings_text();
  }
  ~TempJournalDir() {
    std::error_code ec;
    std::filesystem::remove_all(root, ec);
  }
  Journal open() const { return Journal::open(root); }
  std::string read(const std::string& rel) const {
    std::ifstream in(root / rel, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  size_t log_lines() const {
    std::string log = read("checkins.log");
    return static_cast<size_t>(std::count(log.begin(), log.end(), '\n'));
  }
};

Goal make_goal(const std::string& id, const std::string& step, Day started) {
  Goal g;
  g.id = id;
  g.step = step;
  g.schedule_text = "daily";
  g.started = started;
  g.since = started;
  return g;
}

Event make_event(const std::string& goal, Day d, EventKind kind = EventKind::done,
                 std::optional<double> amount = std::nullopt, std::string note = "") {
  return Event{d, import_moment(d), kind, goal, amount, std::move(note), ""};
}

ApplyResult apply(const TempJournalDir& dir, const ImportPlan& plan, bool dry_run = false) {
  LogDiagnostics diagnostics;
  return apply_import(dir.open(), plan, dry_run, diagnostics);
}

}  // namespace

TEST_CASE("slug_goal_id makes a valid goal id from a habit name") {
  CHECK(slug_goal_id("Meditate") == "meditate");
  CHECK(slug_goal_id("Wake up early!") == "wake-up-early");
  CHECK(slug_goal_id("  Read 20 pages  ") == "read-20-pages");
  CHECK(slug_goal_id("Mom's call") == "moms-call");
  CHECK(slug_goal_id("Café au lait") == "caf-au-lait");
  CHECK(slug_goal_id("--x--") == "x");
  CHECK(slug_goal_id("a/b:c") == "a-b-c");
  CHECK(slug_goal_id("") == "habit");
  CHECK(slug_goal_id("日本語") == "habit");
  CHECK(slug_goal_id("!!!") == "habit");
  std::string long_name;
  for (int i = 0; i < 30; ++i) long_name += "word ";
  std::string id = slug_goal_id(long_name);
  CHECK(id.size() <= 64);
  CHECK(is_valid_goal_id(id));
  for (const char* name : {"A", "9 lives", "ÉÉ x", "x-", "Tab\tSeparated"}) {
    CAPTURE(name);
    CHECK(is_valid_goal_id(slug_goal_id(name)));
  }
}

TEST_CASE("unique_goal_id numbers repeats and stays within 64 bytes") {
  std::set<std::string> taken;
  CHECK(unique_goal_id("read", taken) == "read");
  CHECK(unique_goal_id("read", taken) == "read-2");
  CHECK(unique_goal_id("read", taken) == "read-3");
  std::string longest(64, 'a');
  CHECK(unique_goal_id(longest, taken) == longest);
  std::string second = unique_goal_id(longest, taken);
  CHECK(second.size() <= 64);
  CHECK(second.ends_with("-2"));
  CHECK(is_valid_goal_id(second));
}

TEST_CASE("import_moment is the day at noon UTC") {
  Moment m = import_moment(day("2026-11-05"));
  CHECK(format_moment(m) == "2026-11-05T12:00:00+00:00");
}

TEST_CASE("map_times_in_days: K times in any N days is K in N days - 0 times is tracking only") {
  auto text = [](unsigned k, unsigned n) { return to_string(map_times_in_days(k, n).schedule); };
  auto exact = [](unsigned k, unsigned n) { return map_times_in_days(k, n).exact; };
  CHECK(text(1, 1) == "daily");
  CHECK(text(7, 7) == "daily");
  CHECK(text(2, 3) == "2 in 3 days");
  CHECK(text(1, 2) == "1 in 2 days");
  CHECK(text(3, 7) == "3 in 7 days");
  CHECK(text(2, 30) == "2 in 30 days");
  CHECK(text(13, 14) == "13 in 14 days");
  CHECK(text(1, 365) == "1 in 365 days");
  CHECK(text(0, 1) == "tracking");
  for (auto [k, n] : {std::pair{1u, 1u}, {2u, 3u}, {1u, 2u}, {3u, 7u}, {2u, 30u}, {1u, 365u}, {0u, 1u}, {0u, 7u}}) {
    CAPTURE(k);
    CAPTURE(n);
    CHECK(exact(k, n));
  }
  CHECK(map_times_in_days(2, 3).meaning == "2 times in any 3 days");
  CHECK(map_times_in_days(1, 3).meaning == "once in any 3 days");
  // Windows longer than a year: the same share of 365 days, at least once.
  CHECK(text(1, 400) == "1 in 365 days");
  CHECK(text(2, 1000) == "1 in 365 days");
  CHECK(text(300, 400) == "274 in 365 days");
  CHECK(text(399, 400) == "364 in 365 days");
  CHECK(text(400, 400) == "daily");
  CHECK_FALSE(exact(1, 400));
  CHECK_FALSE(exact(300, 400));
}

TEST_CASE("parse_csv reads RFC 4180 records with their line numbers") {
  auto records = parse_csv("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\n\n\"two\nlines\",z\nlast", "f.csv");
  REQUIRE(records.size() == 4);
  CHECK(records[0].fields == std::vector<std::string>{"a", "b", "c"});
  CHECK(records[0].line == 1);
  CHECK(records[1].fields == std::vector<std::string>{"x, y", "say \"hi\"", ""});
  CHECK(records[1].line == 2);
  CHECK(records[2].fields == std::vector<std::string>{"two\nlines", "z"});
  CHECK(records[2].line == 4);
  CHECK(records[3].fields == std::vector<std::string>{"last"});
  CHECK(records[3].line == 6);
  try {
    parse_csv("a\n\"open,b\nc\n", "f.csv");
    FAIL("expected a failure");
  } catch (const Failure& e) {
    CHECK(std::string(e.what()) == "f.csv:2: a quoted field is never closed");
  }
}

TEST_CASE("csv_field quotes only what needs it, and parse_csv reads it back") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field(" padded") == "\" padded\"");
  for (std::string text : {"a,b", "q\"q", "line\nbreak", "cr\rlf", " x ", "ünï"}) {
    auto records = parse_csv(csv_field(text) + "," + csv_field(text) + "\n", "t");
    REQUIRE(records.size() == 1);
    CHECK(records[0].fields == std::vector<std::string>{text, text});
  }
}

TEST_CASE("sort_by_place orders messages by file, then line") {
  std::vector<std::string> m{"log:12: b", "habits:3: a", "log:2: c", "habits: d", "habits:10: e"};
  sort_by_place(m);
  CHECK(m == std::vector<std::string>{"log:2: c", "log:12: b", "habits: d", "habits:3: a", "habits:10: e"});
}

TEST_CASE("apply_import writes goals and check-ins once, however often it runs") {
  TempJournalDir dir;
  ImportPlan plan;
  plan.goals.push_back(make_goal("run", "Put on my shoes", day("2026-11-01")));
  plan.goals.push_back(make_goal("read", "Read one page", day("2026-11-02")));
  plan.events.push_back(make_event("run", day("2026-11-01")));
  plan.events.push_back(make_event("run", day("2026-11-02"), EventKind::done, 2.5, "fast, \"really\"\nfast"));
  plan.events.push_back(make_event("read", day("2026-11-02"), EventKind::skip, std::nullopt, "away"));

  SUBCASE("a dry run writes nothing") {
    ApplyResult r = apply(dir, plan, true);
    CHECK(r.goals_added == std::vector<std::string>{"run", "read"});
    CHECK(r.events_added == 3);
    CHECK_FALSE(std::filesystem::exists(dir.root / "goals"));
    CHECK_FALSE(std::filesystem::exists(dir.root / "checkins.log"));
  }
  SUBCASE("first and second run") {
    ApplyResult first = apply(dir, plan);
    CHECK(first.goals_added.size() == 2);
    CHECK(first.events_added == 3);
    CHECK(first.wrote());
    CHECK(dir.open().load_goal("run") == plan.goals[0]);
    CHECK(dir.log_lines() == 3);
    ApplyResult second = apply(dir, plan);
    CHECK(second.goals_added.empty());
    CHECK(second.goals_unchanged == std::vector<std::string>{"run", "read"});
    CHECK(second.events_added == 0);
    CHECK(second.events_present == 3);
    CHECK_FALSE(second.wrote());
    CHECK(dir.log_lines() == 3);
  }
  SUBCASE("the moment written is ignored when comparing, every other field counts") {
    apply(dir, plan);
    ImportPlan again = plan;
    for (auto& e : again.events) e.written.utc += std::chrono::hours{3};
    CHECK(apply(dir, again).events_added == 0);
    again.events[1].amount = 3;
    again.events[2].note = "elsewhere";
    CHECK(apply(dir, again).events_added == 2);
    CHECK(dir.log_lines() == 5);
  }
  SUBCASE("identical check-ins count as a multiset") {
    apply(dir, plan);
    ImportPlan twice = plan;
    twice.events.push_back(twice.events[0]);
    twice.events.push_back(twice.events[0]);
    ApplyResult r = apply(dir, twice);
    CHECK(r.events_added == 2);
    CHECK(r.events_present == 3);
    CHECK(apply(dir, twice).events_added == 0);
  }
  SUBCASE("an existing goal with other fields is kept as it is") {
    apply(dir, plan);
    std::string before = dir.read("goals/run.yaml");
    ImportPlan changed = plan;
    changed.goals[0].step = "Run around the block";
    ApplyResult r = apply(dir, changed);
    CHECK(r.goals_kept == std::vector<std::string>{"run"});
    CHECK(dir.read("goals/run.yaml") == before);
  }
  SUBCASE("check-ins of a goal neither imported nor in the journal are skipped and reported") {
    ImportPlan orphan;
    orphan.events.push_back(make_event("ghost", day("2026-11-01")));
    orphan.events.push_back(make_event("ghost", day("2026-11-02")));
    ApplyResult r = apply(dir, orphan);
    CHECK(r.events_added == 0);
    REQUIRE(r.skipped.size() == 1);
    CHECK(r.skipped[0].find("2 check-ins of goal 'ghost'") != std::string::npos);
    // ...but a goal already in the journal is enough.
    apply(dir, plan);
    ImportPlan later;
    later.events.push_back(make_event("run", day("2026-11-05")));
    CHECK(apply(dir, later).events_added == 1);
  }
  SUBCASE("nothing is written when anything in the plan is invalid") {
    ImportPlan bad = plan;
    bad.events.push_back(make_event("run", day("2026-11-03"), EventKind::done, -1.0));
    CHECK_THROWS_AS(apply(dir, bad), Failure);
    bad = plan;
    bad.goals.push_back(make_goal("Not Valid", "x", day("2026-11-01")));
    CHECK_THROWS_AS(apply(dir, bad), Failure);
    bad = plan;
    bad.goals.push_back(plan.goals[0]);
    CHECK_THROWS_AS(apply(dir, bad), Failure);
    bad = plan;
    bad.goals[1].step = "bad \xff utf-8";
    CHECK_THROWS_AS(apply(dir, bad), Failure);
    CHECK_FALSE(std::filesystem::exists(dir.root / "goals" / "run.yaml"));
    CHECK_FALSE(std::filesystem::exists(dir.root / "checkins.log"));
  }
}

}  // namespace microstep
