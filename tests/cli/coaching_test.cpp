// Coaching end to end: suggest, shrink, grow (refused and forced), review, due, remind,
// evidence, and the facts a done states, checked against the data.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

RunOptions at(const std::string& now) { return RunOptions{.env = {{"MICROSTEP_NOW", now}}}; }

/// A daily goal started 2026-10-01 with a done on every listed day (all of them by default).
void daily(const TempJournal& j, const std::string& step, int first_day, int last_day,
           std::vector<int> missed_in_november = {}) {
  j.write("microstep.yaml", "week_starts: monday\n");
  j.write("goals/g.yaml", "id: g\nstep: " + step +
                              "\nafter: I pour my morning coffee\nschedule: daily\nstarted: 2026-10-" +
                              (first_day < 10 ? "0" : "") + std::to_string(first_day) +
                              "\nunit: sentences\nminimum: 1\n");
  std::string log;
  for (int month : {10, 11})
    for (int d = 1; d <= 31; ++d) {
      if (month == 10 && d < first_day) continue;
      if (month == 11 && (d > last_day || d > 30)) continue;
      bool missed = month == 11 && std::find(missed_in_november.begin(), missed_in_november.end(), d) !=
                                       missed_in_november.end();
      if (missed) continue;
      char day[11];
      std::snprintf(day, sizeof day, "2026-%02d-%02d", month, d);
      log += std::string(day) + "\t" + day + "T08:00:00+00:00\tdone\tg\t\t\n";
    }
  j.write("checkins.log", log);
}

Json json_of(const RunResult& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return parse_json(r.out);
}

}  // namespace

TEST_CASE("suggest: make it smaller after 4 of 7, with the rule and a concrete step") {
  TempJournal j;
  daily(j, "Write one chapter", 1, 21, {15, 17, 19});
  Json s = json_of(j.run({"--json", "--today", "2026-11-21", "suggest"}));
  const Json& suggestion = s[0]["suggestion"];
  CHECK(suggestion["kind"].as_string() == "smaller");
  CHECK(suggestion["rule"].as_string() == "7-day rule");
  CHECK(suggestion["step"].as_string() == "Write one page");
  CHECK(suggestion["shrink_rule"].as_string().rfind("ladder: ", 0) == 0);
  // Long lines wrap at the terminal's width (80 when stdout is no terminal), at spaces.
  RunResult text = j.run({"--today", "2026-11-21", "suggest"});
  CHECK(text.out ==
        "g: Write one chapter\n"
        "  below 5 of 7: 4 of the last 7 scheduled days done\n"
        "  Make it smaller: \"Write one page\" (7-day rule: 4 of the last 7 scheduled days\n"
        "    done; 5 is on track)\n"
        "  One chapter is a big unit; one page is the next size down. Take it with:\n"
        "    microstep shrink g\n");
  RunResult wide = j.run({"--today", "2026-11-21", "suggest"}, {.env = {{"COLUMNS", "200"}}});
  CHECK(wide.out ==
        "g: Write one chapter\n"
        "  below 5 of 7: 4 of the last 7 scheduled days done\n"
        "  Make it smaller: \"Write one page\" (7-day rule: 4 of the last 7 scheduled days done; 5 is on track)\n"
        "  One chapter is a big unit; one page is the next size down. Take it with: microstep shrink g\n");
}

TEST_CASE("shrink takes the suggestion and keeps the ladder of sizes") {
  TempJournal j;
  daily(j, "Write one chapter", 1, 21, {15, 17, 19});
  RunResult r = j.run({"shrink", "g"}, at("2026-11-22T08:00:00Z"));
  CHECK(r.exit_code == 0);
  std::string file = j.read("goals/g.yaml");
  CHECK(file.find("step: Write one page\n") != std::string::npos);
  CHECK(file.find("history:\n  - from: 2026-10-01\n    step: Write one chapter\n") != std::string::npos);
  Json stats = json_of(j.run({"--json", "--today", "2026-11-22", "stats", "g"}));
  REQUIRE(stats[0]["rungs"].size() == 2);
  CHECK(stats[0]["rungs"][0]["step"].as_string() == "Write one chapter");
  CHECK(stats[0]["rungs"][0]["rate"].as_number() == doctest::Approx(49.0 / 52).epsilon(0.0001));
  CHECK(stats[0]["rungs"][1]["rate"].is_null());  // today is open
}

TEST_CASE("grow: refused before the 30-day rule and above 10%, allowed with --force") {
  TempJournal j;
  daily(j, "Write one sentence", 25, 22);  // 2026-10-25..11-22: 29 days by the 22nd
  RunResult early = j.run({"grow", "g"}, at("2026-11-22T20:00:00Z"));
  CHECK(early.exit_code == 2);
  CHECK(early.err.find("not ready to grow: 29 days on this step at 100%") != std::string::npos);
  CHECK(j.read("goals/g.yaml").find("history") == std::string::npos);

  RunResult too_much = j.run({"grow", "g", "Write two sentences", "--minimum", "2"}, at("2026-11-23T20:00:00Z"));
  CHECK(too_much.exit_code == 2);  // the 23rd is open: 29 of 29 done, 30 days on the step...
  daily(j, "Write one sentence", 20, 23);
  too_much = j.run({"grow", "g", "Write two sentences", "--minimum", "2"}, at("2026-11-23T20:00:00Z"));
  CHECK(too_much.exit_code == 2);
  CHECK(too_much.err.find("more than the 10% rule allows") != std::string::npos);

  RunResult plus = j.run({"--json", "grow", "g"}, at("2026-11-23T20:00:00Z"));
  Json grown = json_of(plus);
  CHECK(grown["step"].as_string() == "Write 1-2 sentences");
  CHECK(grown["rule"].as_string() == "optional plus");

  RunResult forced = j.run({"grow", "g", "Write a page", "--force"}, at("2026-11-24T20:00:00Z"));
  CHECK(forced.exit_code == 0);
  CHECK(j.read("goals/g.yaml").find("step: Write a page\n") != std::string::npos);
}

TEST_CASE("done states facts the data proves, tied to the feeling") {
  TempJournal j;
  daily(j, "Write one sentence", 1, 20);
  j.write("goals/g.yaml", j.read("goals/g.yaml") + "feeling: capable\n");
  Json done = json_of(j.run({"--json", "done", "g", "--amount", "4"}, at("2026-11-21T08:00:00Z")));
  // November: 20 plain days + 4 today = 24 sentences; the last 7 scheduled days all done.
  std::string fact = done["fact"].as_string();
  bool one_of = fact == "Evidence for feeling \"capable\": that is 24 sentences this month." ||
                fact == "Evidence for feeling \"capable\": 7 of the last 7 scheduled days." ||
                fact == "At this rate, about 376 sentences in a year (a projection, not a promise).";
  CHECK_MESSAGE(one_of, fact);
  CHECK(done["done_days"].as_number() == 52);
}

TEST_CASE("a comeback after a miss is celebrated") {
  TempJournal j;
  daily(j, "Write one sentence", 1, 19);
  Json done = json_of(j.run({"--json", "done", "g"}, at("2026-11-21T08:00:00Z")));
  bool comeback = false;
  for (size_t i = 0; i < done["milestones"].size(); ++i)
    comeback = comeback || done["milestones"][i].as_string() == "Missing a day is human: you came back.";
  CHECK(comeback);
}

TEST_CASE("done: a late check-in that joins two runs is a record - done again, it reaches nothing") {
  // October 25 to November 10, the 5th forgotten: runs of 11 and 5 days.
  TempJournal j;
  daily(j, "Write one sentence", 25, 10, {5});
  Json late = json_of(j.run({"--json", "done", "g", "--date", "2026-11-05"}, at("2026-11-10T20:00:00Z")));
  REQUIRE(late["milestones"].size() == 1);
  CHECK(late["milestones"][0].as_string() == "A new longest streak: 17 days, past your earlier best of 11.");
  RunResult text = j.run({"done", "g", "--date", "2026-11-05"}, at("2026-11-10T20:05:00Z"));
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("longest streak") == std::string::npos);
  Json again = json_of(j.run({"--json", "done", "g"}, at("2026-11-10T20:10:00Z")));  // the 10th was done
  CHECK(again["milestones"].size() == 0);
  CHECK(again["current_streak"].as_number() == 17);
}

TEST_CASE("evidence lists the truths with their dates") {
  TempJournal j;
  daily(j, "Play one scale", 1, 20);
  REQUIRE(j.run({"done", "g", "--truth", "I played a whole scale without stopping"},
                at("2026-11-21T08:00:00Z")).exit_code == 0);
  CHECK(j.run({"--today", "2026-11-21", "evidence"}).out ==
        "2026-11-21  g  I played a whole scale without stopping\n");
  Json e = json_of(j.run({"--json", "--today", "2026-11-21", "evidence", "g"}));
  CHECK(e[0]["truth"].as_string() == "I played a whole scale without stopping");
}

TEST_CASE("due exits 1 while something is due, 0 when not - remind waits for at: or remind_from") {
  TempJournal j;
  daily(j, "Write one sentence", 1, 20);
  RunResult due = j.run({"due"}, at("2026-11-21T07:00:00Z"));
  CHECK(due.exit_code == 1);
  CHECK(due.out == "g\tWrite one sentence\n");
  CHECK(j.run({"due", "--quiet"}, at("2026-11-21T07:00:00Z")).out.empty());
  // No at: of its own: reminded from remind_from, 09:00 unless the journal says otherwise.
  CHECK(j.run({"remind"}, at("2026-11-21T07:00:00Z")).out.empty());
  CHECK(j.run({"due", "--at-time"}, at("2026-11-21T07:00:00Z")).exit_code == 0);
  j.write("goals/g.yaml", j.read("goals/g.yaml") + "at: \"06:30\"\n");
  CHECK(j.run({"remind"}, at("2026-11-21T07:00:00Z")).out ==
        "After you pour your morning coffee: write one sentence. Two minutes is enough.\n");
  CHECK(j.run({"remind"}, at("2026-11-21T07:15:00Z")).out.empty());  // said once today
  CHECK(j.run({"due", "--at-time"}, at("2026-11-21T07:00:00Z")).exit_code == 1);
  REQUIRE(j.run({"done", "g"}, at("2026-11-21T09:00:00Z")).exit_code == 0);
  CHECK(j.run({"due"}, at("2026-11-21T10:00:00Z")).exit_code == 0);
}

TEST_CASE("review: the week per goal and in sum") {
  TempJournal j;
  daily(j, "Write one sentence", 1, 22, {17, 19});
  Json review = json_of(j.run({"--json", "--today", "2026-11-22", "review"}));
  CHECK(review["week_start"].as_string() == "2026-11-16");
  CHECK(review["week_end"].as_string() == "2026-11-22");
  const Json& g = review["goals"][0];
  CHECK(g["done"].as_number() == 5);
  CHECK(g["scheduled"].as_number() == 7);
  CHECK(g["on_track"].as_bool());
  CHECK(g["missed_weekdays"].size() == 2);
  CHECK(g["missed_weekdays"][0].as_string() == "tue");
  CHECK(review["summary"]["on_track"].as_number() == 1);
  RunResult past = j.run({"--today", "2026-11-22", "review", "--week", "2026-11-10"});
  CHECK(past.out.rfind("Week of 2026-11-09 to 2026-11-15\n", 0) == 0);
  CHECK(past.out.find("  7 of 7 scheduled days done: on track (5 of 7 or better)\n") != std::string::npos);
}

TEST_CASE("review: the week's notes, read in the same pass as the marks, and a log problem told once") {
  TempJournal j;
  daily(j, "Write one sentence", 1, 22, {17, 19});
  // A note in the week (Thu 11-19, backfilled), one the week before, and a torn last line.
  j.write("checkins.log", j.read("checkins.log") +
                              "2026-11-19\t2026-11-20T08:00:00+00:00\tdone\tg\t\tlate, but \\\\ done\n"
                              "2026-11-12\t2026-11-12T08:00:00+00:00\tskip\tg\t\tlast week\n"
                              "2026-11-22\t2026-11-22T08:0");
  RunResult r = j.run({"--today", "2026-11-22", "review"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("  note 2026-11-19: late, but \\ done\n") != std::string::npos);  // unescaped
  CHECK(r.out.find("last week") == std::string::npos);
  const std::string warning = "the last line has no newline";
  REQUIRE(r.err.find(warning) != std::string::npos);
  CHECK(r.err.find(warning) == r.err.rfind(warning));  // once, not once per reading
  Json review = json_of(j.run({"--json", "--today", "2026-11-22", "review"}));
  REQUIRE(review["goals"][0]["notes"].size() == 1);
  CHECK(review["goals"][0]["notes"][0]["note"].as_string() == "late, but \\ done");
}

TEST_CASE("add warns about a step that fails the ridiculous test, and adds it anyway") {
  TempJournal j;
  REQUIRE(j.run({"init"}).exit_code == 0);
  RunResult r = j.run({"add", "gym", "Work out for 30 minutes", "--minutes", "30"}, at("2026-11-21T08:00:00Z"));
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("the step may be too big: it takes 30 minutes; aim for 2 or less (the 2-minute rule); try \"Do one push-up\"") !=
        std::string::npos);
  CHECK(j.exists("goals/gym.yaml"));
}

}  // namespace microstep::test
