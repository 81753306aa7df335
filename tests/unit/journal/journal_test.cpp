/// Tests of core/journal/journal: where the journal is, its goal files, and reading its log per goal.
#include "core/journal/journal.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "core/base/error.hpp"
#include "unit/builders.hpp"
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

using test::goal_file_text;

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
  dir.write("goals/floss.yaml", goal_file_text("floss"));
  dir.write("goals/flow.yaml", goal_file_text("flow"));
  dir.write("goals/run.yaml", goal_file_text("run"));
  dir.write("goals/.run.yaml.tmp-ab12cd", "half");
  dir.write("goals/notes.txt", "");
  dir.write("goals/Bad Name.yaml", goal_file_text("x"));
  Journal journal = Journal::open(dir.path);
  CHECK(journal.settings().week_starts == 6);
  CHECK(journal.goal_ids() == std::vector<std::string>{"floss", "flow", "run"});
  CHECK(journal.load_goals().size() == 3);
}

TEST_CASE("journal: an id resolves from a unique prefix - an ambiguous or unknown one is a usage error") {
  TempDir dir;
  dir.write("microstep.yaml", "");
  dir.write("goals/floss.yaml", goal_file_text("floss"));
  dir.write("goals/flow.yaml", goal_file_text("flow"));
  dir.write("goals/run.yaml", goal_file_text("run"));
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
  dir.write("goals/floss.yaml", goal_file_text("flossing"));
  Journal journal = Journal::open(dir.path);
  CHECK_THROWS_WITH(journal.load_goal("floss"), doctest::Contains("goals/floss.yaml:1: id 'flossing'"));
}

TEST_CASE("journal: read_marks resolves each goal's days from one pass over the log") {
  TempDir dir;
  dir.write("microstep.yaml", "");
  dir.write("goals/floss.yaml", goal_file_text("floss"));
  dir.write("goals/run.yaml", goal_file_text("run"));
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
  dir.write("goals/floss.yaml", goal_file_text("floss"));
  dir.write("goals/run.yaml", goal_file_text("run"));
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
    dir.write("goals/" + ids[i] + ".yaml", goal_file_text(ids[i]));
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

TEST_CASE("journal: each journal has its own cache file - one path however it is spelt") {
  TempDir dir;
  fs::create_directories(dir.path / "a/sub");
  fs::create_directories(dir.path / "b");
  const fs::path home = dir.path / "cache";
  const fs::path a = Journal::outside_file(dir.path / "a", home, "log");
  CHECK(a.parent_path() == home / "microstep");
  CHECK(a != Journal::outside_file(dir.path / "b", home, "log"));
  CHECK(a == Journal::outside_file(dir.path / "a/.", home, "log"));
  CHECK(a == Journal::outside_file(dir.path / "a/", home, "log"));
  CHECK(a == Journal::outside_file(dir.path / "a/sub/..", home, "log"));
  CHECK(a == Journal::outside_file(dir.path / "b/../a", home, "log"));
  CHECK(a.filename() == Journal::outside_file(dir.path / "a", dir.path / "elsewhere", "log").filename());
}

TEST_CASE("journal: an open journal names its cache files as its path spelt any way does") {
  TempDir dir;
  fs::create_directories(dir.path / "real/sub");
  dir.write("real/microstep.yaml", "");
  fs::create_directory_symlink(dir.path / "real", dir.path / "link");
  const fs::path home = dir.path / "cache";
  for (const fs::path& spelt : {dir.path / "real", dir.path / "real/sub/..", dir.path / "link", dir.path / "link/."}) {
    CAPTURE(spelt);
    const Journal journal = Journal::open(spelt);
    CHECK(journal.outside_file(home, "log") == Journal::outside_file(spelt, home, "log"));
    CHECK(journal.outside_file(home, "goals") == Journal::outside_file(dir.path / "real", home, "goals"));
  }
}

}  // namespace microstep
