// Reminders that stay gentle, end to end: `remind` driven through whole days with --now, as
// cron runs it every 15 minutes, and what it says counted; its state file outside the journal.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <set>

#include "cli/harness.hpp"

namespace microstep::test {

namespace {

RunOptions at(const std::string& now, std::vector<std::pair<std::string, std::string>> env = {}) {
  env.emplace_back("MICROSTEP_NOW", now);
  return RunOptions{.env = env};
}

/// Two goals from 2026-11-01: write at 07:30, floss with no at: of its own.
void two_goals(const TempJournal& j, const std::string& settings = "") {
  j.write("microstep.yaml", "week_starts: monday\n" + settings);
  j.write("goals/write.yaml",
          "id: write\nstep: Write one sentence\nafter: I pour my morning coffee\nschedule: daily\n"
          "started: 2026-11-01\nat: \"07:30\"\n");
  j.write("goals/floss.yaml",
          "id: floss\nstep: Floss one tooth\nafter: I brush my teeth at night\nschedule: daily\nstarted: 2026-11-01\n");
  j.write("checkins.log", "");
}

/// "HH:MM" for the minutes since midnight.
std::string clock_time(int minutes) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60 % 24, minutes % 60);
  return text;
}

/// Runs `remind ARGS` every 15 minutes of 2026-11-02 from 06:00 to 22:45, as the README's
/// cron line does, and returns what it said, each line prefixed with the time it was said.
/// `done_at` ("HH:MM"): a done for `done_goal` is checked in at that time.
std::vector<std::string> a_day_of_cron(const TempJournal& j, const std::vector<std::string>& args = {},
                                       const std::string& done_goal = "", const std::string& done_at = "",
                                       std::vector<std::pair<std::string, std::string>> env = {}) {
  std::vector<std::string> said;
  for (int m = 6 * 60; m < 23 * 60; m += 15) {
    const std::string now = "2026-11-02T" + clock_time(m) + ":00Z";
    if (!done_goal.empty() && clock_time(m) == done_at)
      REQUIRE(j.run({"done", done_goal}, at(now, env)).exit_code == 0);
    std::vector<std::string> full{"remind"};
    full.insert(full.end(), args.begin(), args.end());
    RunResult r = j.run(full, at(now, env));
    INFO(now << " stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    for (const auto& line : lines_of(r.out)) said.push_back(clock_time(m) + " " + line);
  }
  return said;
}

}  // namespace

TEST_CASE("remind: a day of cron every 15 minutes says each goal once, at its time") {
  TempJournal j;
  two_goals(j);
  // 68 runs: write at its at: 07:30, floss from the journal's remind_from (09:00 by default).
  CHECK(a_day_of_cron(j) ==
        std::vector<std::string>{
            "07:30 After you pour your morning coffee: write one sentence. Two minutes is enough.",
            "09:00 After you brush your teeth at night: floss one tooth. Two minutes is enough."});
  SUBCASE("the next day, each is said once again") {
    CHECK(j.run({"remind"}, at("2026-11-03T09:00:00Z")).out ==
          "After you brush your teeth at night: floss one tooth. Two minutes is enough.\n"
          "After you pour your morning coffee: write one sentence. Two minutes is enough.\n");
  }
}

TEST_CASE("remind: remind_from in microstep.yaml sets when goals without at: are reminded") {
  TempJournal j;
  two_goals(j, "remind_from: \"20:30\"\n");
  CHECK(a_day_of_cron(j) ==
        std::vector<std::string>{
            "07:30 After you pour your morning coffee: write one sentence. Two minutes is enough.",
            "20:30 After you brush your teeth at night: floss one tooth. Two minutes is enough."});
  // due --at-time (a shell prompt) does not nag before it either.
  CHECK(j.run({"due", "--at-time", "--quiet"}, at("2026-11-03T08:00:00Z")).exit_code == 1);  // write, at 07:30
  REQUIRE(j.run({"done", "write"}, at("2026-11-03T08:00:00Z")).exit_code == 0);
  CHECK(j.run({"due", "--at-time", "--quiet"}, at("2026-11-03T20:00:00Z")).exit_code == 0);
  CHECK(j.run({"due", "--at-time"}, at("2026-11-03T20:30:00Z")).out == "floss\tFloss one tooth\n");
  SUBCASE("a bad remind_from names its line") {
    j.write("microstep.yaml", "week_starts: monday\nremind_from: \"9am\"\n");
    RunResult r = j.run({"remind"}, at("2026-11-03T09:00:00Z"));
    CHECK(r.exit_code == 3);
    CHECK(r.err == "microstep: microstep.yaml:2: remind_from must be a time of day such as \"09:00\"\n");
  }
}

TEST_CASE("remind: two minutes is enough only for a step that small") {
  TempJournal j;
  two_goals(j);
  j.write("goals/run.yaml", "id: run\nstep: Run 5 km\nschedule: daily\nstarted: 2026-11-01\nat: \"18:00\"\n");
  CHECK(j.run({"remind"}, at("2026-11-02T18:00:00Z")).out ==
        "After you brush your teeth at night: floss one tooth. Two minutes is enough.\n"
        "Run 5 km. A small start is enough.\n"
        "After you pour your morning coffee: write one sentence. Two minutes is enough.\n");
}

TEST_CASE("remind: a goal done is not reminded") {
  TempJournal j;
  two_goals(j);
  // write done at 07:00, before its time: never said; floss done at 08:00: never said either.
  REQUIRE(j.run({"done", "write"}, at("2026-11-02T07:00:00Z")).exit_code == 0);
  CHECK(a_day_of_cron(j, {}, "floss", "08:00").empty());
}

TEST_CASE("remind: --again-after says a step again after that long, until it is done") {
  TempJournal j;
  two_goals(j);
  CHECK(a_day_of_cron(j, {"--again-after", "4h"}, "floss", "14:00") ==
        std::vector<std::string>{
            "07:30 After you pour your morning coffee: write one sentence. Two minutes is enough.",
            "09:00 After you brush your teeth at night: floss one tooth. Two minutes is enough.",
            "11:30 After you pour your morning coffee: write one sentence. Two minutes is enough.",
            "13:00 After you brush your teeth at night: floss one tooth. Two minutes is enough.",
            "15:30 After you pour your morning coffee: write one sentence. Two minutes is enough.",
            "19:30 After you pour your morning coffee: write one sentence. Two minutes is enough."});
  SUBCASE("a duration it cannot read is a usage error") {
    RunResult r = j.run({"remind", "--again-after", "2 hours"}, at("2026-11-03T09:00:00Z"));
    CHECK(r.exit_code == 2);
    CHECK(r.err == "microstep: --again-after '2 hours' is not a duration (expected 90m, 2h or 1h30m)\n");
    CHECK(r.out.empty());
  }
}

TEST_CASE("remind: its state lives outside the journal, and is safe to delete") {
  TempJournal j;
  two_goals(j);
  const std::string state = j.file("state");
  // The caches go elsewhere too, so that only what remind writes is looked for.
  auto with_state = std::vector<std::pair<std::string, std::string>>{{"XDG_STATE_HOME", state},
                                                                     {"XDG_CACHE_HOME", j.file("state/cache")}};
  CHECK(j.run({"remind"}, at("2026-11-02T09:00:00Z", with_state)).out.size() > 0);
  // One file under $XDG_STATE_HOME/microstep, named for the journal; none in the journal.
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(state + "/microstep"))
    files.push_back(e.path().filename().string());
  REQUIRE(files.size() == 1);
  CHECK(files[0].rfind("remind-", 0) == 0);
  CHECK(j.read("state/microstep/" + files[0]) ==
        "2026-11-02\tfloss\t2026-11-02T09:00:00+00:00\n2026-11-02\twrite\t2026-11-02T09:00:00+00:00\n");
  CHECK_FALSE(j.exists("home"));  // $XDG_STATE_HOME wins over $HOME
  std::set<std::string> journal;
  for (const auto& e : std::filesystem::directory_iterator(j.path())) journal.insert(e.path().filename().string());
  CHECK(journal == std::set<std::string>{"microstep.yaml", "goals", "checkins.log", "state"});
  CHECK(j.run({"remind"}, at("2026-11-02T09:15:00Z", with_state)).out.empty());
  // Deleted, it is as if nothing had been said today.
  std::filesystem::remove_all(state);
  CHECK(lines_of(j.run({"remind"}, at("2026-11-02T09:30:00Z", with_state)).out).size() == 2);
  SUBCASE("without XDG_STATE_HOME: under $HOME/.local/state") {
    CHECK(lines_of(j.run({"remind"}, at("2026-11-02T09:30:00Z")).out).size() == 2);
    CHECK(j.exists("home/.local/state/microstep"));
  }
}

TEST_CASE("remind: with no absolute place for its state, it says so and remembers nothing") {
  TempJournal j;
  two_goals(j);
  auto nowhere = std::vector<std::pair<std::string, std::string>>{{"HOME", "relative/home"}, {"XDG_STATE_HOME", "state"}};
  RunResult first = j.run({"remind"}, at("2026-11-02T09:00:00Z", nowhere));
  CHECK(first.exit_code == 0);
  CHECK(lines_of(first.out).size() == 2);
  CHECK(first.err ==
        "microstep: warning: remind cannot remember what it said: neither XDG_STATE_HOME nor HOME is an absolute "
        "path, so every run says every step due\n");
  CHECK(lines_of(j.run({"remind"}, at("2026-11-02T09:15:00Z", nowhere)).out).size() == 2);
  // Nothing was written relative to where it ran.
  CHECK_FALSE(j.exists("relative"));
  CHECK_FALSE(j.exists("state"));
  RunResult unset = j.run({"remind"}, RunOptions{.env = {{"MICROSTEP_NOW", "2026-11-02T09:00:00Z"}}, .unset_env = {"HOME"}});
  CHECK(unset.exit_code == 0);
  CHECK(lines_of(unset.out).size() == 2);
}

}  // namespace microstep::test
