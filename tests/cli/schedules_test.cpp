// The schedules other trackers have, through every command: "K in N days" (a rolling
// window, judged as Loop Habit Tracker and harsh judge it) and "tracking" (harsh's 0: done
// days counted, never scored, due or reminded).
#include <doctest/doctest.h>

#include <string>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

RunOptions on(const std::string& day, const std::string& time = "09:00") {
  return RunOptions{.env = {{"MICROSTEP_TODAY", day}, {"MICROSTEP_NOW", day + "T" + time + ":00+00:00"}}};
}

void must(const RunResult& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
}

/// "wake", 2 in 3 days from Monday 2026-11-02, done Mon 2, Tue 3, Thu 5 and Sat 7
/// (microstep-stats(7)'s example).
void rolling_journal(const TempJournal& j) {
  j.write("microstep.yaml", "week_starts: monday\n");
  must(j.run({"add", "wake", "Get up at six", "--every", "2 in 3 days", "--start", "2026-11-02"}, on("2026-11-02")));
  for (const char* d : {"2026-11-02", "2026-11-03", "2026-11-05", "2026-11-07"})
    must(j.run({"done", "wake", "--date", d}, on(d)));
}

/// "coffee", tracked only from Monday 2026-11-02, in cups: 2 on the 2nd, 3 on the 5th, 1 on
/// the 10th.
void tracking_journal(const TempJournal& j) {
  j.write("microstep.yaml", "week_starts: monday\n");
  must(j.run({"add", "coffee", "Drink coffee", "--every", "tracking", "--unit", "cups", "--start", "2026-11-02"},
             on("2026-11-02")));
  const std::pair<const char*, const char*> cups[] = {{"2026-11-02", "2"}, {"2026-11-05", "3"}, {"2026-11-10", "1"}};
  for (const auto& [d, amount] : cups) must(j.run({"done", "coffee", "--date", d, "--amount", amount}, on(d)));
}

std::string day_states(const Json& calendar) {
  std::string out;
  const Json& days = calendar["goals"][0]["days"];
  for (size_t i = 0; i < days.size(); ++i) out += days[i]["state"].as_string() + " ";
  return out;
}

}  // namespace

TEST_CASE("K in N days: stats, calendar, today and due judge the days alike") {
  TempJournal j;
  rolling_journal(j);
  // Wed is inside Mon-Wed, Fri inside Thu-Sat: not asked. Sat-Mon holds one done day: Sun
  // and Mon are missed. Tuesday the 10th is open: the chain broke a day ago.
  RunResult stats = j.run({"stats", "wake"}, on("2026-11-10"));
  CHECK(stats.out.starts_with("wake: Get up at six (2 in 3 days)\n"
                              "  streak     chain broken 1 day ago: today is a fresh start\n"
                              "  longest    4 days, 2026-11-02 to 2026-11-07\n"
                              "  rate       7d 50%  30d 67%  90d 67%  all 67%\n"
                              "  strength   0.22\n"
                              "  total      4 days done, last 2026-11-07 (3 days ago)\n"
                              "  too early to judge: 4 of 6 scheduled days done so far\n"));
  Json json = parse_json(j.run({"--json", "stats", "wake"}, on("2026-11-10")).out);
  CHECK(json[0]["schedule"].as_string() == "2 in 3 days");
  CHECK(json[0]["streak_unit"].as_string() == "day");
  CHECK(json[0]["longest_streak"].as_number() == 4);
  CHECK(json[0]["rate_all"].as_number() == doctest::Approx(0.6667));
  CHECK(json[0]["tracking"].as_bool() == false);
  Json calendar = parse_json(j.run({"--json", "calendar", "wake", "--weeks", "2"}, on("2026-11-10")).out);
  CHECK(day_states(calendar) == "done done unscheduled done unscheduled done missed missed open ");
  RunResult due = j.run({"due"}, on("2026-11-10"));
  CHECK(due.exit_code == 1);
  CHECK(due.out == "wake\tGet up at six\n");

  SUBCASE("on Wednesday Monday and Tuesday keep the day: nothing is due") {
    CHECK(j.run({"due"}, on("2026-11-04")).exit_code == 0);
    CHECK(j.run({"today"}, on("2026-11-04")).out ==
          "Wednesday 4 November 2026\n  Nothing scheduled today. Rest is part of the plan.\n");
    CHECK(j.run({"stats", "wake"}, on("2026-11-04")).out.find("  streak     2-day streak\n") != std::string::npos);
  }
  SUBCASE("on Saturday, done: every done day is a link") {
    CHECK(j.run({"stats", "wake"}, on("2026-11-07")).out.find("  streak     4-day streak\n") != std::string::npos);
  }
}

TEST_CASE("K in N days: a change from daily judges each day by its own version") {
  TempJournal j;
  j.write("microstep.yaml", "week_starts: monday\n");
  must(j.run({"add", "wake", "Get up at six", "--start", "2026-11-01"}, on("2026-11-01")));
  must(j.run({"set", "wake", "--every", "2 in 3 days", "--from", "2026-11-05"}, on("2026-11-01")));
  for (const char* d : {"2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-07", "2026-11-08"})
    must(j.run({"done", "wake", "--date", d}, on(d)));
  // Daily to the 4th; then the 3rd-5th (done under daily) keeps the 5th, the 4th-6th holds
  // one done day (the 6th is missed), and the 7th-9th keeps today. (Two weeks of strips
  // start on Monday the 2nd.)
  Json calendar = parse_json(j.run({"--json", "calendar", "wake", "--weeks", "2"}, on("2026-11-09")).out);
  CHECK(day_states(calendar) == "done done done unscheduled missed done done unscheduled ");
  RunResult stats = j.run({"stats", "wake"}, on("2026-11-09"));
  CHECK(stats.out.find("  streak     2-day streak\n  longest    4 days, 2026-11-01 to 2026-11-04\n") !=
        std::string::npos);
  CHECK(stats.out.find("  sizes\n    2026-11-01 to 2026-11-04  100%  Get up at six\n"
                       "    2026-11-05 to 2026-11-09  67%  Get up at six\n") != std::string::npos);
  CHECK(j.run({"due"}, on("2026-11-09")).exit_code == 0);
}

TEST_CASE("tracking: counted in stats, today, the calendar, review and share - never scored") {
  TempJournal j;
  tracking_journal(j);
  RunResult stats = j.run({"stats"}, on("2026-11-10"));
  CHECK(stats.out ==
        "coffee: Drink coffee (tracking)\n"
        "  total      3 days done, 6 cups, last 2026-11-10 (today)\n"
        "  tracking only: counted, never scored\n"
        "  No suggestion for a goal tracked only: it is counted, never scored.\n");
  Json json = parse_json(j.run({"--json", "stats"}, on("2026-11-10")).out);
  CHECK(json[0]["tracking"].as_bool() == true);
  CHECK(json[0]["done_days"].as_number() == 3);
  CHECK(json[0]["total_amount"].as_number() == 6);
  CHECK(json[0]["current_streak"].as_number() == 0);
  CHECK(json[0]["streak_state"].as_string() == "none");
  CHECK(json[0]["rate_all"].is_null());
  CHECK(json[0]["strength"].is_null());
  CHECK(json[0]["on_track"].is_null());
  CHECK(json[0]["verdict"]["verdict"].as_string() == "none");
  CHECK(json[0]["suggestion"]["kind"].as_string() == "none");

  CHECK(j.run({"today"}, on("2026-11-10")).out ==
        "Tuesday 10 November 2026\n  [x] I will drink coffee.\n      coffee: tracking only, 3 days done\n");
  CHECK(j.run({"today"}, on("2026-11-11")).out ==
        "Wednesday 11 November 2026\n  Nothing scheduled today. Rest is part of the plan.\n");
  CHECK(j.run({"suggest"}, on("2026-11-11")).out.find(
            "No suggestion for a goal tracked only: it is counted, never scored.") != std::string::npos);
  RunResult calendar = j.run({"calendar", "coffee", "--months", "1", "--ascii"}, on("2026-11-10"));
  CHECK(calendar.out.find("  2+   3    4    5+   6    7    8\n  9  [10+]") != std::string::npos);

  RunResult review = j.run({"review"}, on("2026-11-10"));
  CHECK(review.out ==
        "Week of 2026-11-09 to 2026-11-15 (so far: to 2026-11-10)\n"
        "\n"
        "coffee: Drink coffee\n"
        "  1 day done so far\n"
        "  tracking only: counted, never scored\n"
        "  No suggestion for a goal tracked only: it is counted, never scored.\n"
        "\n"
        "Summary: 1 goal tracked only, 1 check-in so far this week.\n");
  Json review_json = parse_json(j.run({"--json", "review"}, on("2026-11-10")).out);
  CHECK(review_json["goals"][0]["tracking"].as_bool() == true);
  CHECK(review_json["goals"][0]["on_track"].is_null());
  CHECK(review_json["summary"]["tracked_only"].as_number() == 1);
  CHECK(j.run({"share"}, on("2026-11-10")).out ==
        "microstep: the week of 2026-11-09 to 2026-11-15 (so far)\n"
        "\n"
        "coffee  Drink coffee  1 day done so far  tracking only, 3 days done\n");
}

TEST_CASE("tracking: never due, never reminded, never celebrated as a step") {
  TempJournal j;
  tracking_journal(j);
  RunResult due = j.run({"due"}, on("2026-11-11", "20:00"));
  CHECK(due.exit_code == 0);
  CHECK(due.out == "");
  RunResult remind = j.run({"remind"}, on("2026-11-11", "20:00"));
  CHECK(remind.exit_code == 0);
  CHECK(remind.out == "");
  RunResult done = j.run({"done", "coffee", "--amount", "2"}, on("2026-11-11"));
  CHECK(done.exit_code == 0);
  CHECK(done.out.ends_with("coffee: tracking only, 4 days done.\n"));
  Json json = parse_json(j.run({"--json", "done", "coffee", "--date", "2026-11-12"}, on("2026-11-12")).out);
  CHECK(json["celebration"].is_null());
  CHECK(json["milestones"].size() == 0);
  CHECK(json["state"].as_string() == "done_unscheduled");
  // Nothing to master: a goal tracked only does not hold back a new one, and is no new
  // micro-goal to wait with either.
  RunResult add = j.run({"add", "walk", "Put on my shoes"}, on("2026-11-12"));
  CHECK(add.err == "");
  RunResult tracked = j.run({"add", "tea", "Drink tea", "--every", "tracking"}, on("2026-11-12"));
  CHECK(tracked.exit_code == 0);
  CHECK(tracked.err == "");
}

TEST_CASE("tracking and K in N days: export and import give the same stats - no calendar event for tracking") {
  TempJournal j;
  tracking_journal(j);
  must(j.run({"add", "wake", "Get up at six", "--every", "2 in 3 days", "--start", "2026-11-02"}, on("2026-11-02")));
  must(j.run({"done", "wake", "--date", "2026-11-03"}, on("2026-11-03")));
  const RunOptions today = on("2026-11-10");
  RunResult csv = j.run({"export", "--format", "csv"}, today);
  REQUIRE(csv.exit_code == 0);
  TempJournal other;
  must(other.run({"init"}, today));
  other.write("export.csv", csv.out);
  must(other.run({"import", "csv", "export.csv"}, today));
  CHECK(other.run({"stats"}, today).out == j.run({"stats"}, today).out);
  CHECK(other.read("goals/coffee.yaml").find("schedule: tracking\n") != std::string::npos);
  CHECK(other.read("goals/wake.yaml").find("schedule: 2 in 3 days\n") != std::string::npos);
  RunResult ics = j.run({"export", "--format", "ics"}, today);
  CHECK(ics.out.find("UID:coffee@microstep") == std::string::npos);
  CHECK(ics.out.find("UID:wake@microstep") != std::string::npos);
  RunResult svg = j.run({"chart", "coffee", "--svg", "-"}, today);
  CHECK(svg.out.find(">tracking \u00B7 3 days done in these 2 weeks<") != std::string::npos);
  CHECK(svg.out.find(">Tracking only: counted, never scored<") != std::string::npos);
}

TEST_CASE("schedules: add and set refuse a rolling window that cannot be kept") {
  TempJournal j;
  j.write("microstep.yaml", "week_starts: monday\n");
  RunResult r = j.run({"add", "wake", "Get up at six", "--every", "4 in 3 days"}, on("2026-11-02"));
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "microstep: --every '4 in 3 days' is not a schedule; use daily, weekdays, weekends, a list of days such "
        "as mon,wed,fri, N/week, N/month, weekly, monthly, 'every N days', 'K in N days' or tracking\n");
}

}  // namespace microstep::test
