// The foundation commands end to end: init, add, done, skip, undo, pause, resume, list, today,
// stats, calendar, set, and their --json forms, on temporary journals with a pinned clock.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

RunOptions at(const std::string& now) { return RunOptions{.env = {{"MICROSTEP_NOW", now}}}; }

/// A fresh journal with the novel goal, started on 2026-11-16 (a Monday).
void novel(const TempJournal& j) {
  REQUIRE(j.run({"init"}).exit_code == 0);
  RunResult r = j.run({"add", "write-novel", "Write one sentence", "--goal", "Write a novel", "--after",
                       "I pour my morning coffee", "--unit", "sentences", "--minimum", "1",
                       "--feeling", "capable", "--start", "2026-11-16"},
                      at("2026-11-16T07:00:00+01:00"));
  REQUIRE(r.exit_code == 0);
}

Json json_of(const RunResult& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return parse_json(r.out);
}

}  // namespace

TEST_CASE("init creates the journal and is idempotent") {
  TempJournal j;
  RunResult r = j.run({"--json", "init"});
  Json created = json_of(r);
  CHECK(created["created"].size() == 4);
  CHECK(j.read(".gitattributes").find("checkins.log merge=union") != std::string::npos);
  CHECK(j.exists("goals"));
  CHECK(j.read("checkins.log").empty());
  std::string settings = j.read("microstep.yaml");
  RunResult again = j.run({"init"});
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("nothing to do") != std::string::npos);
  CHECK(j.read("microstep.yaml") == settings);
}

TEST_CASE("a missing journal says how to create one, exit 4") {
  TempJournal j;
  RunResult r = j.run({"today"});
  CHECK(r.exit_code == 4);
  CHECK(r.err.find("create one with: microstep init") != std::string::npos);
}

TEST_CASE("add writes the goal file - refuses used ids, unsafe ids and bad schedules") {
  TempJournal j;
  novel(j);
  std::string file = j.read("goals/write-novel.yaml");
  CHECK(file.find("step: Write one sentence\n") != std::string::npos);
  CHECK(file.find("started: 2026-11-16\n") != std::string::npos);
  CHECK(file.find("minimum: 1\n") != std::string::npos);
  RunResult used = j.run({"add", "write-novel", "x"});
  CHECK(used.exit_code == 2);
  CHECK(used.err.find("a goal 'write-novel' already exists") != std::string::npos);
  RunResult bad = j.run({"add", "Novel", "x"});
  CHECK(bad.exit_code == 2);
  RunResult schedule = j.run({"add", "run", "Put on my shoes", "--every", "fortnightly"});
  CHECK(schedule.exit_code == 2);
  CHECK(schedule.err.find("daily, weekdays, weekends") != std::string::npos);
  Json added = json_of(j.run({"--json", "add", "run", "Put on my shoes", "--every", "mon,wed,fri",
                              "--start", "2026-11-16"}, at("2026-11-16T07:00:00Z")));
  CHECK(added["id"].as_string() == "run");
  CHECK(added["schedule"].as_string() == "mon,wed,fri");
  CHECK(added["started"].as_string() == "2026-11-16");
  CHECK(added["warnings"].size() == 1);  // another goal is younger than 30 days
}

TEST_CASE("done appends one well-formed line and celebrates with the streak") {
  TempJournal j;
  novel(j);
  const std::string note = "tab\there, \"quotes\", back\\slash, new\nline, caf\xc3\xa9";
  RunResult r = j.run({"done", "write", "--amount", "3", "--note", note}, at("2026-11-16T07:31:05+01:00"));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("write-novel: 1-day streak.") != std::string::npos);
  CHECK(r.out.find("Your first check-in.") != std::string::npos);
  CHECK(r.out.find("Evidence for feeling \"capable\": that is 3 sentences this month.") != std::string::npos);
  CHECK(j.read("checkins.log") ==
        "2026-11-16\t2026-11-16T07:31:05+01:00\tdone\twrite-novel\t3\t"
        "tab\\there, \"quotes\", back\\\\slash, new\\nline, caf\xc3\xa9\n");

  Json done = json_of(j.run({"--json", "done", "write-novel", "--date", "yesterday"},
                            at("2026-11-18T08:00:00+01:00")));
  CHECK(done["day"].as_string() == "2026-11-17");
  CHECK(done["current_streak"].as_number() == 2);
  CHECK(done["streak_unit"].as_string() == "day");
  CHECK(done["streak_state"].as_string() == "open");
  CHECK(done["done_days"].as_number() == 2);
  CHECK(done["amount"].is_null());
}

TEST_CASE("done refuses future days, days before the start, unknown and ambiguous goals") {
  TempJournal j;
  novel(j);
  REQUIRE(j.run({"add", "write-poem", "Write one line", "--start", "2026-11-16"}).exit_code == 0);
  auto refused = [&](std::vector<std::string> args, const std::string& message) {
    RunResult r = j.run(args, at("2026-11-18T08:00:00Z"));
    CHECK(r.exit_code == 2);
    CHECK_MESSAGE(r.err.find(message) != std::string::npos, r.err);
  };
  refused({"done", "write-novel", "--date", "2026-11-19"}, "is in the future");
  refused({"done", "write-novel", "--date", "-3"}, "is before write-novel started (2026-11-16)");
  refused({"done", "write"}, "'write' matches several goals:\n  write-novel\n  write-poem");
  refused({"done", "nothing"}, "no goal 'nothing'");
  CHECK(j.read("checkins.log").empty());
}

TEST_CASE("the day boundary: with day_starts_at 04:00, 01:30 counts for the day before") {
  TempJournal j;
  novel(j);
  j.write("microstep.yaml", "day_starts_at: \"04:00\"\n");
  REQUIRE(j.run({"done", "write-novel"}, at("2026-11-22T01:30:00+00:00")).exit_code == 0);
  CHECK(j.read("checkins.log").substr(0, 11) == "2026-11-21\t");
}

TEST_CASE("skip keeps the chain, undo cancels the day, pause rests the goal") {
  TempJournal j;
  novel(j);
  auto on = [&](const char* day, std::vector<std::string> args) {
    RunResult r = j.run(args, at(std::string(day) + "T08:00:00Z"));
    CHECK_MESSAGE(r.exit_code == 0, r.err);
  };
  on("2026-11-16", {"done", "write-novel"});
  on("2026-11-17", {"skip", "write-novel", "--note", "flu"});
  on("2026-11-18", {"done", "write-novel"});
  on("2026-11-19", {"done", "write-novel"});
  on("2026-11-19", {"undo", "write-novel"});
  RunResult nothing = j.run({"undo", "write-novel"}, at("2026-11-19T09:00:00Z"));
  CHECK(nothing.exit_code == 2);
  CHECK(nothing.err.find("nothing to undo") != std::string::npos);

  Json stats = json_of(j.run({"--json", "--today", "2026-11-19", "stats"}));
  CHECK(stats[0]["done_days"].as_number() == 2);
  CHECK(stats[0]["current_streak"].as_number() == 2);  // 16, (17 skipped), 18; 19 open
  CHECK(stats[0]["streak_state"].as_string() == "open");

  on("2026-11-20", {"pause", "write-novel"});
  on("2026-11-23", {"resume", "write-novel"});
  stats = json_of(j.run({"--json", "--today", "2026-11-23", "stats"}));
  // The undone 19th is missed; the paused 20th to 22nd are rest days; the 23rd is open.
  CHECK(stats[0]["current_streak"].as_number() == 0);
  CHECK(stats[0]["streak_state"].as_string() == "broken");
  CHECK(stats[0]["broken_days_ago"].as_number() == 4);
  auto lines = lines_of(j.read("checkins.log"));
  CHECK(lines.size() == 7);
  CHECK(lines[4].find("\tundo\twrite-novel\t\t") != std::string::npos);
  CHECK(lines[5].find("\tpause\t") != std::string::npos);
}

TEST_CASE("list and today, as text and JSON") {
  TempJournal j;
  novel(j);
  REQUIRE(j.run({"add", "run", "Put on my running shoes", "--after", "I get home from work",
                 "--every", "mon,wed,fri", "--start", "2026-11-16"}).exit_code == 0);
  CHECK(j.run({"list", "--ids"}).out == "run\nwrite-novel\n");
  Json list = json_of(j.run({"--json", "list"}));
  REQUIRE(list.size() == 2);
  CHECK(list[1]["after"].as_string() == "I pour my morning coffee");
  REQUIRE(j.run({"done", "write-novel"}, at("2026-11-17T08:00:00Z")).exit_code == 0);

  RunResult tuesday = j.run({"today"}, at("2026-11-17T09:00:00Z"));
  CHECK(tuesday.out ==
        "Tuesday 17 November 2026\n"
        "  [x] After I pour my morning coffee, I will write one sentence.\n"
        "      write-novel: 1-day streak\n");  // run is not scheduled on Tuesdays
  Json wednesday = json_of(j.run({"--json", "today"}, at("2026-11-18T09:00:00Z")));
  CHECK(wednesday["today"].as_string() == "2026-11-18");
  REQUIRE(wednesday["steps"].size() == 2);
  CHECK(wednesday["steps"][0]["id"].as_string() == "run");
  CHECK(wednesday["steps"][0]["intention"].as_string() ==
        "After I get home from work, I will put on my running shoes.");
  CHECK_FALSE(wednesday["steps"][0]["done"].as_bool());
  CHECK(wednesday["steps"][1]["streak_state"].as_string() == "open");
}

TEST_CASE("list shows a goal paused by pause as paused, and active again after resume") {
  TempJournal j;
  novel(j);
  REQUIRE(j.run({"add", "run", "Put on my running shoes", "--every", "mon,wed,fri", "--start",
                 "2026-11-16"}).exit_code == 0);
  REQUIRE(j.run({"pause", "write-novel", "--note", "travel"}, at("2026-11-18T08:00:00Z")).exit_code == 0);
  REQUIRE(j.run({"resume", "write-novel"}, at("2026-11-21T08:00:00Z")).exit_code == 0);
  // The goal file still says active: only the log knows of the pause.
  CHECK(j.read("goals/write-novel.yaml").find("status: active\n") != std::string::npos);
  auto list_on = [&](const char* day) { return j.run({"--today", day, "list"}); };
  const std::string active =
      "run          active    mon,wed,fri  Put on my running shoes\n"
      "write-novel  active    daily        Write one sentence  (after I pour my morning coffee)\n";
  CHECK(list_on("2026-11-17").out == active);
  for (const char* day : {"2026-11-18", "2026-11-20"})
    CHECK(list_on(day).out ==
          "run          active    mon,wed,fri  Put on my running shoes\n"
          "write-novel  paused    daily        Write one sentence  (after I pour my morning coffee)\n");
  CHECK(list_on("2026-11-21").out == active);
  // JSON: status is the file's field, status_today what the text shows.
  Json paused = json_of(j.run({"--json", "--today", "2026-11-19", "list"}));
  CHECK(paused[1]["status"].as_string() == "active");
  CHECK(paused[1]["status_today"].as_string() == "paused");
  CHECK(paused[0]["status_today"].as_string() == "active");
  // A status set in the file wins over the log.
  REQUIRE(j.run({"set", "run", "--status", "done"}, at("2026-11-19T08:00:00Z")).exit_code == 0);
  CHECK(lines_of(list_on("2026-11-19").out)[0] ==
        "run          done      mon,wed,fri  Put on my running shoes");
}

TEST_CASE("stats --json on the example journal") {
  std::string dir = std::string(MICROSTEP_SOURCE_DIR) + "/examples/journal";
  RunResult r = run_microstep({"--dir", dir, "--today", "2026-11-22", "--json", "stats"});
  Json stats = json_of(r);
  REQUIRE(stats.size() == 4);
  const Json& novel = stats[3];
  CHECK(novel["id"].as_string() == "write-novel");
  for (const char* field : {"schedule", "current_streak", "longest_streak", "streak_unit",
                            "longest_streak_start", "longest_streak_end", "rate_7", "rate_30",
                            "rate_90", "rate_all", "strength", "done_days", "total_amount",
                            "first_done", "last_done", "days_since_last_done", "on_track"})
    CHECK_MESSAGE(novel.has(field), field);
  // Done every day 2026-10-26..11-21 except 11-05 and 11-06 (11-14 was backfilled); 22nd open.
  CHECK(novel["current_streak"].as_number() == 15);
  CHECK(novel["longest_streak_start"].as_string() == "2026-11-07");
  CHECK(novel["done_days"].as_number() == 25);
  CHECK(novel["rate_7"].as_number() == 1);
  CHECK(novel["rate_all"].as_number() == doctest::Approx(25.0 / 27).epsilon(0.0001));
  CHECK(novel["total_amount"].as_number() == 35);  // 21 plain days + 3 + 5 + 2 + 4
  CHECK(novel["on_track"].as_bool());
  CHECK(stats[1]["streak_unit"].as_string() == "week");  // guitar, 3/week
}

TEST_CASE("stats do not depend on the order of lines or on duplicated lines") {
  TempJournal j;
  std::string dir = std::string(MICROSTEP_SOURCE_DIR) + "/examples/journal/";
  for (const char* f : {"microstep.yaml", "goals/write-novel.yaml", "goals/floss.yaml",
                        "goals/run.yaml", "goals/guitar.yaml"})
    j.write(f, read_file(dir + f));
  auto lines = lines_of(read_file(dir + "checkins.log"));
  j.write("checkins.log", read_file(dir + "checkins.log"));
  std::string sorted = j.run({"--json", "--today", "2026-11-22", "stats"}).out;
  std::string shuffled;
  for (size_t i = lines.size(); i-- > 0;) shuffled += lines[(i * 7) % lines.size()] + "\n" + lines[i] + "\n";
  j.write("checkins.log", shuffled);
  RunResult again = j.run({"--json", "--today", "2026-11-22", "stats"});
  CHECK(again.exit_code == 0);
  CHECK(again.out == sorted);
}

TEST_CASE("calendar: a plain month grid and strips") {
  TempJournal j;
  novel(j);
  for (const char* day : {"2026-11-16", "2026-11-17", "2026-11-19"})
    REQUIRE(j.run({"done", "write-novel"}, at(std::string(day) + "T08:00:00Z")).exit_code == 0);
  REQUIRE(j.run({"skip", "write-novel"}, at("2026-11-20T08:00:00Z")).exit_code == 0);
  RunResult grid = j.run({"--today", "2026-11-22", "--color", "never", "calendar", "write-novel",
                          "--ascii", "--months", "1"});
  CHECK(grid.out ==
        "write-novel: Write one sentence (daily)\n"
        "\n"
        "           November 2026\n"
        "  Mo   Tu   We   Th   Fr   Sa   Su\n"
        "                                1\n"
        "  2    3    4    5    6    7    8\n"
        "  9   10   11   12   13   14   15\n"
        " 16X  17X  18.  19X  20-  21. [22?]\n"
        " 23   24   25   26   27   28   29\n"
        " 30\n"
        "\n"
        "X done  + done, unscheduled  ~ below the minimum  . missed  - rest (skip/pause)\n"
        "? open today  [ ] today\n");  // the legend is broken between its items to fit 80 columns
  RunResult strips = j.run({"--today", "2026-11-22", "calendar", "--ascii", "--weeks", "2"});
  CHECK(lines_of(strips.out)[1] == "write-novel          XX.X-.?");
}

TEST_CASE("set changes a goal from a day on and keeps the earlier version") {
  TempJournal j;
  novel(j);
  j.write("goals/write-novel.yaml", "# my novel\n" + j.read("goals/write-novel.yaml") + "mood: hopeful  # mine\n");
  RunResult r = j.run({"set", "write-novel", "--step", "Write two sentences", "--from", "2026-11-20"},
                      at("2026-11-18T08:00:00Z"));
  CHECK(r.exit_code == 0);
  std::string file = j.read("goals/write-novel.yaml");
  CHECK(file.find("# my novel\n") == 0);
  CHECK(file.find("mood: hopeful  # mine\n") != std::string::npos);
  CHECK(file.find("step: Write two sentences\n") != std::string::npos);
  CHECK(file.find("since: 2026-11-20\n") != std::string::npos);
  CHECK(file.find("history:\n  - from: 2026-11-16\n    step: Write one sentence\n") != std::string::npos);
  RunResult back = j.run({"set", "write-novel", "--step", "x", "--from", "2026-11-19"}, at("2026-11-18T08:00:00Z"));
  CHECK(back.exit_code == 2);
  CHECK(back.err.find("changes apply forward only") != std::string::npos);
}

TEST_CASE("concurrent writers: 8 processes x 200 done give exactly 1,600 well-formed lines") {
  // Under the sanitizers (MICROSTEP_LOAD_SCALE 8): 8 x 25, so that CI stays fast.
  const int per_writer = 200 / MICROSTEP_LOAD_SCALE;
  TempJournal j;
  novel(j);
  std::vector<pid_t> pids;
  for (int p = 0; p < 8; ++p) {
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::setenv("MICROSTEP_DIR", j.path().c_str(), 1);
      ::setenv("MICROSTEP_NOW", "2026-11-20T08:00:00Z", 1);
      for (int i = 0; i < per_writer; ++i) {
        pid_t child = ::fork();
        if (child == 0) {
          int devnull = ::open("/dev/null", O_WRONLY);
          ::dup2(devnull, 1);
          ::execl(MICROSTEP_BINARY, MICROSTEP_BINARY, "done", "write-novel", "--note",
                  ("writer " + std::to_string(p) + " check-in " + std::to_string(i)).c_str(), nullptr);
          ::_exit(127);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ::_exit(1);
      }
      ::_exit(0);
    }
    pids.push_back(pid);
  }
  for (pid_t pid : pids) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  auto lines = lines_of(j.read("checkins.log"));
  CHECK(lines.size() == static_cast<size_t>(8 * per_writer));
  size_t good = 0;
  for (const auto& line : lines)
    good += line.rfind("2026-11-20\t2026-11-20T08:00:00+00:00\tdone\twrite-novel\t\twriter ", 0) == 0;
  CHECK(good == static_cast<size_t>(8 * per_writer));
}

TEST_CASE("usage errors exit 2 - help and version exit 0") {
  CHECK(run_microstep({"frobnicate"}).exit_code == 2);
  CHECK(run_microstep({"--color", "purple", "list"}).exit_code == 2);
  CHECK(run_microstep({"--today", "2026-13-01", "--dir", "/nonexistent", "list"}).exit_code != 0);
  CHECK(run_microstep({"--help"}).exit_code == 0);
  // The version is written once, in CMakeLists.txt's project(), which defines MICROSTEP_VERSION.
  RunResult version = run_microstep({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out == "microstep " MICROSTEP_VERSION "\n");
}

}  // namespace microstep::test
