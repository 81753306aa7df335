// Mood follows action (seed 000): `mood`, `done --mood`, and the honest comparison that
// stats, review and evidence show once there is enough data.
#include <doctest/doctest.h>

#include <string>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

RunOptions at(const std::string& now) { return RunOptions{.env = {{"MICROSTEP_NOW", now}}}; }

Json json_of(const RunResult& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return parse_json(r.out);
}

std::string day_of(int d) { return std::string("2026-11-") + (d < 10 ? "0" : "") + std::to_string(d); }

std::string done_line(int d) { return day_of(d) + "\t" + day_of(d) + "T08:00:00+00:00\tdone\tg\t\t\n"; }

std::string mood_line(int d, int mood, const std::string& time = "21:00:00") {
  return day_of(d) + "\t" + day_of(d) + "T" + time + "+00:00\tmood\t\t" + std::to_string(mood) + "\t\n";
}

/// A daily goal done on the 1st to the 10th and not on the 11th to the 14th; a mood of 4 on
/// each done day (the 5th: 2 in the morning, then 5 in the evening: the later one counts) and
/// of 2 on the other days. 14 days with a mood: the threshold.
void journal(const TempJournal& j, int last_other_day = 14) {
  j.write("microstep.yaml", "week_starts: monday\n");
  j.write("goals/g.yaml", "id: g\nstep: Write one sentence\nstarted: 2026-11-01\n");
  j.write("goals/h.yaml", "id: h\nstep: Floss one tooth\nstarted: 2026-11-01\n");
  std::string log;
  for (int d = 1; d <= 10; ++d) {
    log += done_line(d);
    if (d == 5) log += mood_line(d, 2, "07:00:00") + mood_line(d, 5);
    else log += mood_line(d, 4);
  }
  for (int d = 11; d <= last_other_day; ++d) log += mood_line(d, 2);
  j.write("checkins.log", log);
}

}  // namespace

TEST_CASE("mood: recorded alone or with a check-in, as lines of their own") {
  TempJournal j;
  REQUIRE(j.run({"init"}).exit_code == 0);
  REQUIRE(j.run({"add", "g", "Write one sentence"}, at("2026-11-20T08:00:00Z")).exit_code == 0);
  RunResult alone = j.run({"mood", "3", "--note", "tired"}, at("2026-11-20T08:00:00Z"));
  CHECK(alone.exit_code == 0);
  CHECK(alone.out == "Mood 3 of 5 recorded for today.\n");
  RunResult with = j.run({"done", "g", "--mood", "4"}, at("2026-11-20T09:00:00Z"));
  CHECK(with.exit_code == 0);
  std::string log = j.read("checkins.log");
  CHECK(log.find("2026-11-20\t2026-11-20T08:00:00+00:00\tmood\t\t3\ttired\n") != std::string::npos);
  CHECK(log.find("2026-11-20\t2026-11-20T09:00:00+00:00\tdone\tg\t\t\n"
                 "2026-11-20\t2026-11-20T09:00:00+00:00\tmood\t\t4\t\n") != std::string::npos);
  Json json = json_of(j.run({"--json", "mood", "5", "--date", "yesterday"}, at("2026-11-21T08:00:00Z")));
  CHECK(json["day"].as_string() == "2026-11-20");
  CHECK(json["mood"].as_number() == 5);
  CHECK(json["note"].is_null());
  // The log reads as before, moods and all: log shows them, the goal's numbers ignore them.
  CHECK(j.run({"check"}, at("2026-11-21T08:00:00Z")).exit_code == 0);
  CHECK(j.run({"--today", "2026-11-21", "log"}).out.find("mood") != std::string::npos);
  SUBCASE("a mood is 1 to 5, nothing else") {
    for (const char* bad : {"0", "6", "3.5", "x", "-1"}) {
      CAPTURE(bad);
      RunResult r = j.run({"mood", bad}, at("2026-11-21T08:00:00Z"));
      CHECK(r.exit_code == 2);
      CHECK(r.err == "microstep: MOOD '" + std::string(bad) + "' is not a mood from 1 (low) to 5 (high)\n");
    }
    CHECK(j.run({"done", "g", "--mood", "9"}, at("2026-11-21T08:00:00Z")).exit_code == 2);
    CHECK(j.read("checkins.log") == log + "2026-11-20\t2026-11-21T08:00:00+00:00\tmood\t\t5\t\n");
  }
}

TEST_CASE("mood: stats, review and evidence compare moods on days with a step and other days") {
  TempJournal j;
  journal(j);
  // Step days: nine 4s and the 5th's last mood, 5: 41 / 10 = 4.1. Other days: four 2s.
  const std::string all = "Mood on days you did a step: 4.1 (10 days); on other days: 2.0 (4 days).\n";
  RunResult stats = j.run({"--today", "2026-11-14", "stats"});
  REQUIRE(stats.exit_code == 0);
  CHECK(stats.out.find("\n" + all) != std::string::npos);
  RunResult one = j.run({"--today", "2026-11-14", "stats", "g"});
  CHECK(one.out.find("  Mood on days you did this step: 4.1 (10 days); on other days: 2.0 (4 days).\n") !=
        std::string::npos);
  // h was never done: every mood day is an "other" day for it, so it has no comparison.
  CHECK(j.run({"--today", "2026-11-14", "stats", "h"}).out.find("Mood") == std::string::npos);
  Json json = json_of(j.run({"--json", "--today", "2026-11-14", "stats"}));
  CHECK(json[0]["mood"]["step_days"]["days"].as_number() == 10);
  CHECK(json[0]["mood"]["step_days"]["mean"].as_number() == doctest::Approx(4.1));
  CHECK(json[0]["mood"]["other_days"]["mean"].as_number() == 2);
  CHECK(json[1]["mood"].is_null());
  CHECK(j.run({"--today", "2026-11-14", "review"}).out.find(all) != std::string::npos);
  Json review = json_of(j.run({"--json", "--today", "2026-11-14", "review"}));
  CHECK(review["mood"]["other_days"]["days"].as_number() == 4);
  CHECK(j.run({"--today", "2026-11-14", "evidence"}).out.find(all) != std::string::npos);
  SUBCASE("below 14 days with a mood, nothing is said") {
    TempJournal k;
    journal(k, 13);
    CHECK(k.run({"--today", "2026-11-14", "stats"}).out.find("Mood") == std::string::npos);
    CHECK(json_of(k.run({"--json", "--today", "2026-11-14", "stats"}))[0]["mood"].is_null());
    CHECK(k.run({"--today", "2026-11-14", "evidence"}).out.find("Mood") == std::string::npos);
  }
}

TEST_CASE("mood: the log cache holds moods like check-ins") {
  TempJournal j;
  journal(j);
  // A log past the cache's 4 MiB threshold: ten thousand lines of another goal's old history.
  std::string old;
  for (int i = 0; i < 60000; ++i) old += "2026-01-01\t2026-01-01T08:00:00+00:00\tskip\th\t\tan old note for the padding\n";
  j.write("checkins.log", old + j.read("checkins.log"));
  RunOptions o{.env = {{"XDG_CACHE_HOME", j.file("cache")}}};
  const std::string all = "Mood on days you did a step: 4.1 (10 days); on other days: 2.0 (4 days).";
  RunResult first = j.run({"--today", "2026-11-14", "stats"}, o);
  REQUIRE(first.exit_code == 0);
  CHECK(first.out.find(all) != std::string::npos);
  CHECK(j.exists("cache/microstep"));
  RunResult cached = j.run({"--today", "2026-11-14", "stats"}, o);
  CHECK(cached.out == first.out);
}

TEST_CASE("mood: check explains an event this version does not know") {
  TempJournal j;
  journal(j);
  j.write("checkins.log", j.read("checkins.log") + "2026-11-14\t2026-11-14T08:00:00+00:00\tmeditate\tg\t\t\n");
  RunResult r = j.run({"--today", "2026-11-14", "check"});
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("checkins.log:26: event 'meditate' is not one this microstep knows (done, skip, undo, pause, "
                   "resume, mood): a newer version may have written it; update microstep to read this line") !=
        std::string::npos);
}

}  // namespace microstep::test
