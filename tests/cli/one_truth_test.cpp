// One truth on every screen: each case a contradiction a new user met between commands, and
// what every command says now (issue "one judgement").
#include <doctest/doctest.h>

#include <string>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

RunOptions at(const std::string& now) { return RunOptions{.env = {{"MICROSTEP_NOW", now}}}; }

/// A terminal wide enough that no line is wrapped: the cases check words, not wrapping.
const RunOptions kWide{.env = {{"COLUMNS", "200"}}};

Json json_of(const RunResult& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return parse_json(r.out);
}

RunResult ok(const TempJournal& j, const std::vector<std::string>& args, const RunOptions& o = {}) {
  RunResult r = j.run(args, o);
  INFO("args: " << args.back() << "\nstdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

/// A log line: a done (or another event) of `goal` on `day`, written at 08:00 UTC that day.
std::string line(const std::string& day, const std::string& goal, const std::string& event = "done",
                 const std::string& amount = "") {
  return day + "\t" + day + "T08:00:00+00:00\t" + event + "\t" + goal + "\t" + amount + "\t\n";
}

/// A journal with weeks from Monday and the given goal files and log.
void journal(const TempJournal& j, const std::string& settings, const std::vector<std::string>& goals,
             const std::string& log) {
  j.write("microstep.yaml", "week_starts: monday\n" + settings);
  for (const auto& g : goals) j.write("goals/" + g.substr(4, g.find('\n') - 4) + ".yaml", g);
  j.write("checkins.log", log);
}

/// The state of `day` in calendar --json for the first goal.
std::string calendar_state(const TempJournal& j, const std::string& today, const std::string& day) {
  Json c = json_of(j.run({"--json", "--today", today, "calendar", "--weeks", "8"}));
  const Json& days = c["goals"][0]["days"];
  for (size_t i = 0; i < days.size(); ++i)
    if (days[i]["day"].as_string() == day) return days[i]["state"].as_string();
  return "(not shown)";
}

}  // namespace

TEST_CASE("one truth: with day_starts_at 04:00, 01:30 belongs to yesterday for every command") {
  TempJournal j;
  journal(j, "day_starts_at: \"04:00\"\n", {"id: floss\nstep: Floss one tooth\nstarted: 2026-11-20\n"}, "");
  const RunOptions night = at("2026-11-23T01:30:00Z");
  Json done = json_of(j.run({"--json", "done", "floss"}, night));
  CHECK(done["day"].as_string() == "2026-11-22");
  Json today = json_of(j.run({"--json", "today"}, night));
  CHECK(today["today"].as_string() == "2026-11-22");
  CHECK(today["steps"][0]["done"].as_bool());
  CHECK(today["steps"][0]["state"].as_string() == "done");
  CHECK(j.run({"due"}, night).exit_code == 0);
  CHECK(j.run({"today"}, night).out.rfind("Sunday 22 November 2026\n  [x] ", 0) == 0);
  Json calendar = json_of(j.run({"--json", "calendar"}, night));
  CHECK(calendar["today"].as_string() == "2026-11-22");
  Json stats = json_of(j.run({"--json", "stats"}, night));
  CHECK(stats[0]["days_since_last_done"].as_number() == 0);
  CHECK(stats[0]["streak_state"].as_string() == "alive");
  RunResult svg = ok(j, {"chart", "--svg", "-"}, night);
  CHECK(svg.out.find("2026-11-22") != std::string::npos);
  CHECK(svg.out.find("2026-11-23") == std::string::npos);
  // At 04:00 the new day begins: floss is open again.
  CHECK(j.run({"due"}, at("2026-11-23T04:00:00Z")).exit_code == 1);
}

TEST_CASE("one truth: a quota period counts its done days only up to its quota") {
  TempJournal j;
  std::string log;
  for (const char* d : {"02", "03", "04", "09", "10", "16", "17", "18", "19"}) log += line(std::string("2026-11-") + d, "run");
  journal(j, "", {"id: run\nstep: Run for 2 minutes\nschedule: 3/week\nstarted: 2026-11-02\n"}, log);
  // Weeks of 3, 2 and 4 done days; today Monday the 23rd, nothing yet this week.
  Json stats = json_of(j.run({"--json", "--today", "2026-11-23", "stats"}));
  CHECK(stats[0]["rate_30"].as_number() == doctest::Approx(0.8889));  // 8 of 9
  CHECK(stats[0]["rate_all"].as_number() == doctest::Approx(0.8889));
  CHECK(stats[0]["current_streak"].as_number() == 1);
  CHECK(stats[0]["on_track"].is_null());  // 3 weeks judged: the rule looks at 4
  CHECK(stats[0]["verdict"]["text"].as_string() == "too early to judge: 3/week met in 2 of 3 weeks so far");
  RunResult review = ok(j, {"--today", "2026-11-23", "review", "--week", "2026-11-10"}, kWide);
  CHECK(review.out ==
        "Week of 2026-11-09 to 2026-11-15\n"
        "\n"
        "run: Run for 2 minutes\n"
        "  3/week: 2 of 3 days done: below the quota\n"
        "  too early to judge: 3/week met in 2 of 3 weeks so far\n"
        "  Keep going: 22 days on this step at 89%\n"
        "\n"
        "Summary: 0 of 1 goal on track, 2 check-ins that week. Where a step did not happen, make it smaller: "
        "that is the plan working, not failing.\n");
  Json week = json_of(j.run({"--json", "--today", "2026-11-23", "review", "--week", "2026-11-10"}));
  CHECK_FALSE(week["goals"][0]["on_track"].as_bool());
  CHECK(week["goals"][0]["quota"]["needed"].as_number() == 3);
  CHECK(week["goals"][0]["rate"].as_number() == doctest::Approx(0.6667));
  CHECK(calendar_state(j, "2026-11-23", "2026-11-11") == "missed");
  SUBCASE("four weeks judged: the quota's own wording") {
    Json later = json_of(j.run({"--json", "--today", "2026-11-30", "stats"}));
    CHECK(later[0]["verdict"]["text"].as_string() == "below 3 of 4: 3/week met in 2 of the last 4 weeks");
    CHECK_FALSE(later[0]["on_track"].as_bool());
  }
}

TEST_CASE("one truth: streak_state of quota goals follows microstep-stats(7)") {
  TempJournal j;
  journal(j, "",
          {"id: gym\nstep: Go to the gym\nschedule: 3/week\nstarted: 2026-11-02\n",
           "id: mom\nstep: Call mom\nschedule: 1/week\nstarted: 2026-11-02\n"},
          line("2026-11-09", "mom") + line("2026-11-16", "mom", "skip") + line("2026-11-16", "gym") +
              line("2026-11-17", "gym") + line("2026-11-18", "gym"));
  Json stats = json_of(j.run({"--json", "--today", "2026-11-19", "stats"}));
  // gym: met this week: alive. mom: done last week, skipped this week, so nothing more is
  // asked this week: alive, not open.
  CHECK(stats[0]["id"].as_string() == "gym");
  CHECK(stats[0]["streak_state"].as_string() == "alive");
  CHECK(stats[1]["streak_state"].as_string() == "alive");
  CHECK(stats[1]["current_streak"].as_number() == 1);
  CHECK(j.run({"--today", "2026-11-19", "due"}).exit_code == 0);
  // gym the week before: nothing: broken; this week 1 so far: open again only once met.
  Json monday = json_of(j.run({"--json", "--today", "2026-11-16", "stats"}));
  CHECK(monday[0]["streak_state"].as_string() == "broken");
  CHECK(monday[0]["broken_days_ago"].as_number() == 1);
}

TEST_CASE("one truth: review judges a week's last day, and says when a week is not over") {
  TempJournal j;
  std::string log;
  for (int d = 16; d <= 21; ++d) log += line("2026-11-" + std::to_string(d), "floss");
  journal(j, "", {"id: floss\nstep: Floss one tooth\nstarted: 2026-11-16\n"}, log);
  RunResult past = ok(j, {"--today", "2026-11-25", "review", "--week", "2026-11-16"});
  CHECK(past.out.find("  6 of 7 scheduled days done: on track (5 of 7 or better)\n  missed on sun\n") !=
        std::string::npos);
  Json week = json_of(j.run({"--json", "--today", "2026-11-25", "review", "--week", "2026-11-16"}));
  CHECK(week["goals"][0]["rate"].as_number() == doctest::Approx(0.8571));
  CHECK(week["goals"][0]["days"][6]["state"].as_string() == "missed");
  CHECK_FALSE(week["so_far"].as_bool());
  // This week, on its Tuesday: two days so far.
  j.write("checkins.log", log + line("2026-11-23", "floss") + line("2026-11-24", "floss"));
  RunResult now = ok(j, {"--today", "2026-11-24", "review"});
  CHECK(now.out.rfind("Week of 2026-11-23 to 2026-11-29 (so far: to 2026-11-24)\n", 0) == 0);
  CHECK(now.out.find("  2 of 2 scheduled days done so far: on track (5 of 7 or better)\n") != std::string::npos);
  CHECK(now.out.find("2 check-ins so far this week.") != std::string::npos);
}

TEST_CASE("one truth: stats says one verdict, and suggest and review say the same") {
  TempJournal j;
  // mon,wed,fri, done on 5 of the last 7 asked days, but 1 of 3 in the last 7 calendar days:
  // the 7-day rule looks at the last 7 scheduled days.
  std::string log;
  for (const char* d : {"02", "04", "06", "09", "11", "13", "18"}) log += line(std::string("2026-11-") + d, "yoga");
  journal(j, "", {"id: yoga\nstep: Roll out the mat\nschedule: mon,wed,fri\nstarted: 2026-11-02\n"}, log);
  RunResult stats = ok(j, {"--today", "2026-11-22", "stats"});
  CHECK(stats.out.find("  on track: 5 of the last 7 scheduled days done\n  Keep going: 21 days on this step at 78%\n") !=
        std::string::npos);
  CHECK(stats.out.find("not met") == std::string::npos);
  RunResult suggest = ok(j, {"--today", "2026-11-22", "suggest"});
  CHECK(suggest.out == "yoga: Roll out the mat\n  on track: 5 of the last 7 scheduled days done\n"
                       "  Keep going: 21 days on this step at 78%\n");
  RunResult review = ok(j, {"--today", "2026-11-22", "review"});
  CHECK(review.out.find("  on track: 5 of the last 7 scheduled days done\n  Keep going: 21 days on this step at 78%\n") !=
        std::string::npos);
  Json s = json_of(j.run({"--json", "--today", "2026-11-22", "stats"}));
  Json r = json_of(j.run({"--json", "--today", "2026-11-22", "review"}));
  Json g = json_of(j.run({"--json", "--today", "2026-11-22", "suggest"}));
  CHECK(s[0]["on_track"].as_bool());
  CHECK(s[0]["verdict"]["text"].as_string() == r["goals"][0]["verdict"]["text"].as_string());
  CHECK(s[0]["verdict"]["text"].as_string() == g[0]["verdict"]["text"].as_string());
  CHECK(s[0]["suggestion"]["reason"].as_string() == r["goals"][0]["suggestion"]["reason"].as_string());
  CHECK(s[0]["suggestion"]["reason"].as_string() == g[0]["suggestion"]["reason"].as_string());
}

TEST_CASE("one truth: a change applies from its day - upcoming until then") {
  TempJournal j;
  journal(j, "", {"id: novel\nstep: Write one sentence\nstarted: 2026-11-16\n"}, line("2026-11-21", "novel"));
  ok(j, {"set", "novel", "--step", "Write two sentences", "--from", "2026-11-23"}, at("2026-11-22T08:00:00Z"));
  Json today = json_of(j.run({"--json", "today"}, at("2026-11-22T09:00:00Z")));
  CHECK(today["steps"][0]["step"].as_string() == "Write one sentence");
  RunResult list = ok(j, {"--today", "2026-11-22", "list"});
  CHECK(list.out == "novel  active    daily     Write one sentence  [from 2026-11-23: Write two sentences]\n");
  Json listed = json_of(j.run({"--json", "--today", "2026-11-22", "list"}));
  CHECK(listed[0]["step"].as_string() == "Write one sentence");
  CHECK(listed[0]["since"].as_string() == "2026-11-16");
  CHECK(listed[0]["history"].size() == 0);
  CHECK(listed[0]["upcoming"][0]["step"].as_string() == "Write two sentences");
  RunResult stats = ok(j, {"--today", "2026-11-22", "stats"});
  CHECK(stats.out.rfind("novel: Write one sentence (daily)\n  upcoming   from 2026-11-23: Write two sentences (daily)\n", 0) == 0);
  CHECK(stats.out.find("sizes") == std::string::npos);  // no size from 2026-11-23 to 2026-11-22
  Json s = json_of(j.run({"--json", "--today", "2026-11-22", "stats"}));
  CHECK(s[0]["rungs"].size() == 1);
  CHECK(s[0]["upcoming"]["from"].as_string() == "2026-11-23");
  // On the 23rd the new step is in force.
  Json monday = json_of(j.run({"--json", "--today", "2026-11-23", "list"}));
  CHECK(monday[0]["step"].as_string() == "Write two sentences");
  CHECK(monday[0]["upcoming"].size() == 0);
  SUBCASE("a change from daily to 3/week judges the earlier days by the daily schedule") {
    ok(j, {"set", "novel", "--every", "3/week", "--from", "2026-11-25"}, at("2026-11-23T08:00:00Z"));
    // Daily 16-24: only the 21st done (the 16th-20th and 22nd-24th missed); 3/week from Wed
    // the 25th: today the 26th, nothing yet: open, and no streak in weeks yet.
    CHECK(calendar_state(j, "2026-11-26", "2026-11-18") == "missed");
    CHECK(calendar_state(j, "2026-11-26", "2026-11-25") == "unscheduled");
    Json later = json_of(j.run({"--json", "--today", "2026-11-26", "stats"}));
    CHECK(later[0]["streak_unit"].as_string() == "week");
    CHECK(later[0]["rate_all"].as_number() == doctest::Approx(1.0 / 9));
  }
}

TEST_CASE("one truth: the minimum is what counts") {
  TempJournal j;
  journal(j, "", {"id: read\nstep: Read 10 pages\nstarted: 2026-11-21\nunit: pages\nminimum: 10\n"}, "");
  const RunOptions now = at("2026-11-22T20:00:00Z");
  RunResult three = ok(j, {"done", "read", "--amount", "3"}, now);
  CHECK(three.out == "3 of 10 pages recorded: 7 more and today counts.\n"
                     "read: chain broken 1 day ago: today is a fresh start.\n");
  Json today = json_of(j.run({"--json", "today"}, now));
  CHECK_FALSE(today["steps"][0]["done"].as_bool());
  CHECK(today["steps"][0]["state"].as_string() == "partial");
  RunOptions wide_now = now;
  wide_now.env.push_back({"COLUMNS", "200"});
  CHECK(ok(j, {"today"}, wide_now).out.find("      read: 3 of 10 pages so far, 7 to go; chain broken 1 day ago: today is a fresh start\n") !=
        std::string::npos);
  CHECK(j.run({"due"}, now).exit_code == 1);
  RunResult seven = ok(j, {"done", "read", "--amount", "7"}, now);
  CHECK(seven.out.find("read: 1-day streak.\n") != std::string::npos);
  CHECK(seven.out.find("Your first check-in.") != std::string::npos);
  CHECK(j.run({"due"}, now).exit_code == 0);
  // Yesterday's 5 pages: below the minimum, a partial day that counts as missed (as it was
  // before: the streak stays 1).
  ok(j, {"done", "read", "--amount", "5", "--date", "yesterday"}, now);
  CHECK(calendar_state(j, "2026-11-22", "2026-11-21") == "partial");
  RunResult grid = ok(j, {"--today", "2026-11-22", "calendar", "read", "--ascii", "--months", "1"});
  CHECK(grid.out.find(" 20   21~ [22X]") != std::string::npos);
  Json stats = json_of(j.run({"--json", "--today", "2026-11-22", "stats"}));
  CHECK(stats[0]["done_days"].as_number() == 1);
  CHECK(stats[0]["total_amount"].as_number() == 15);
  CHECK(stats[0]["rate_7"].as_number() == doctest::Approx(0.5));  // 1 of 2: the 21st and 22nd
  CHECK(stats[0]["current_streak"].as_number() == 1);
}

TEST_CASE("one truth: grow with a text of one's own keeps the 10% rule and the ridiculous test") {
  TempJournal j;
  std::string log;
  for (int d = 1; d <= 31; ++d) log += line("2026-10-" + std::string(d < 10 ? "0" : "") + std::to_string(d), "push");
  journal(j, "", {"id: push\nstep: Do 10 push-ups\nstarted: 2026-10-01\nminimum: 10\n"}, log);
  const RunOptions now = at("2026-10-31T20:00:00Z");
  RunResult marathon = j.run({"grow", "push", "Run a marathon"}, now);
  CHECK(marathon.exit_code == 2);
  CHECK(marathon.err ==
        "microstep: 'Run a marathon' is not 'Do 10 push-ups' grown by at most 10%: the 10% rule keeps the step "
        "and grows its number a little, or adds an optional plus ('Do 11 push-ups'); use --force to grow anyway\n");
  RunResult twenty = j.run({"grow", "push", "Do 20 push-ups"}, now);
  CHECK(twenty.exit_code == 2);
  CHECK(twenty.err == "microstep: growing 'Do 10 push-ups' to 'Do 20 push-ups' is more than the 10% rule allows "
                      "(at most 11, or the optional plus 'Do 11 push-ups'); use --force to grow anyway\n");
  CHECK(j.read("goals/push.yaml").find("Do 10 push-ups") != std::string::npos);
  CHECK(j.read("goals/push.yaml").find("history") == std::string::npos);
  RunResult eleven = j.run({"grow", "push", "Do 11 push-ups"}, now);
  CHECK(eleven.exit_code == 0);
  CHECK(j.read("goals/push.yaml").find("step: Do 11 push-ups\n") != std::string::npos);
  SUBCASE("--force grows anyway") {
    TempJournal k;
    journal(k, "", {"id: push\nstep: Do 10 push-ups\nstarted: 2026-10-01\nminimum: 10\n"}, log);
    CHECK(k.run({"grow", "push", "Run a marathon", "--force"}, now).exit_code == 0);
  }
}

TEST_CASE("one truth: every N days falls due N days after the last done") {
  TempJournal j;
  journal(j, "", {"id: plant\nstep: Water the plant\nschedule: every 3 days\nstarted: 2026-11-01\n"},
          line("2026-11-01", "plant"));
  // Due on the 4th; watered a day late on the 5th.
  CHECK(j.run({"--today", "2026-11-04", "due"}).exit_code == 1);
  RunResult late = ok(j, {"done", "plant"}, at("2026-11-05T08:00:00Z"));
  CHECK(late.out.find("fresh start") == std::string::npos);
  CHECK(late.out.find("plant: 1-day streak.\n") != std::string::npos);
  CHECK(calendar_state(j, "2026-11-05", "2026-11-05") == "done");
  CHECK(calendar_state(j, "2026-11-05", "2026-11-04") == "missed");
  // Next due on the 8th (5 + 3), not the 7th (1 + 6).
  CHECK(j.run({"--today", "2026-11-07", "due"}).exit_code == 0);
  CHECK(j.run({"--today", "2026-11-08", "due"}).exit_code == 1);
}

TEST_CASE("one truth: a second done on a day already done says so") {
  TempJournal j;
  journal(j, "", {"id: write\nstep: Write one sentence\nstarted: 2026-11-20\nunit: sentences\n"}, "");
  const RunOptions now = at("2026-11-22T08:00:00Z");
  ok(j, {"done", "write"}, now);
  RunResult again = ok(j, {"done", "write", "--amount", "2"}, now);
  CHECK(again.out == "Already done today: this check-in is recorded too, 3 sentences in all.\nwrite: 1-day streak.\n");
  Json json = json_of(j.run({"--json", "done", "write"}, at("2026-11-22T09:00:00Z")));
  CHECK(json["already_done"].as_bool());
  CHECK(json["celebration"].is_null());
  CHECK(json["day_amount"].as_number() == 4);
}

TEST_CASE("one truth: an absent value is null in every JSON form") {
  TempJournal j;
  journal(j, "", {"id: floss\nstep: Floss one tooth\nstarted: 2026-11-20\n"}, "");
  Json list = json_of(j.run({"--json", "--today", "2026-11-22", "list"}));
  for (const char* field : {"goal", "after", "unit", "at", "feeling"}) {
    CAPTURE(field);
    CHECK(list[0][field].is_null());
  }
  Json done = json_of(j.run({"--json", "done", "floss"}, at("2026-11-22T08:00:00Z")));
  CHECK(done["note"].is_null());
  CHECK(done["truth"].is_null());
  Json suggest = json_of(j.run({"--json", "--today", "2026-11-22", "suggest"}));
  CHECK(suggest[0]["suggestion"]["shrink_rule"].is_null());
  Json stats = json_of(j.run({"--json", "--today", "2026-11-22", "stats"}));
  CHECK(stats[0]["unit"].is_null());
  Json today = json_of(j.run({"--json", "--today", "2026-11-22", "today"}));
  CHECK(today["steps"][0]["after"].is_null());
  SUBCASE("calendar --json gives the days' states") {
    Json c = json_of(j.run({"--json", "--today", "2026-11-22", "calendar", "--weeks", "1"}));
    CHECK(c["from"].as_string() == "2026-11-16");
    REQUIRE(c["goals"][0]["days"].size() == 7);
    CHECK(c["goals"][0]["days"][3]["state"].as_string() == "not_started");
    CHECK(c["goals"][0]["days"][4]["state"].as_string() == "missed");
    CHECK(c["goals"][0]["days"][6]["state"].as_string() == "done");
  }
}

}  // namespace microstep::test
