/// Tests of core/judge/milestones: what a done celebrates (seed 002) and the one honest fact the
/// data proves (seed 001: believable, true evidence, tied to the feeling the step is for).
#include "core/judge/milestones.hpp"
#include "unit/builders.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace microstep {

using test::day;

namespace {

Goal goal_with(const char* started, const char* schedule = "daily", const char* unit = "") {
  Goal g = test::goal_with(started, schedule);
  g.unit = unit;
  return g;
}

struct Check {
  std::string on;
  EventKind kind = EventKind::done;
  std::optional<double> amount = std::nullopt;
};

DayMarks marks_of(const std::vector<Check>& checks) {
  CheckinCollector c;
  for (const auto& k : checks) {
    EventView e;
    e.day = day(k.on.c_str());
    e.written = Moment{date::sys_seconds{e.day} + std::chrono::hours{8}, {}};
    e.kind = k.kind;
    e.goal = "g";
    e.amount = k.amount;
    c.add(e);
  }
  return DayMarks(c, 1);
}

/// A done on every day from `first` to `last`.
std::vector<Check> every_day(const char* first, const char* last, std::optional<double> amount = std::nullopt) {
  std::vector<Check> out;
  for (Day d = day(first); d <= day(last); d += date::days{1}) out.push_back({format_day(d), EventKind::done, amount});
  return out;
}

/// The milestones of a done on `on` (the last of `checks` on that day), judged as of `today`
/// against the goal as it was without that done.
std::vector<std::string> reached(const Goal& g, const std::vector<Check>& checks, const char* today,
                                 const char* on = nullptr) {
  const std::string checkin_day = on ? on : today;
  std::vector<Check> earlier = checks;
  auto checkin = std::find_if(earlier.rbegin(), earlier.rend(), [&](const Check& c) { return c.on == checkin_day; });
  REQUIRE(checkin != earlier.rend());
  earlier.erase(std::next(checkin).base());
  DayMarks m = marks_of(checks), m_before = marks_of(earlier);
  Chain chain(g, m, day(today), 0), before(g, m_before, day(today), 0);
  return milestones(chain, compute_stats(chain), day(checkin_day.c_str()), before);
}

bool has(const std::vector<std::string>& lines, const std::string& part) {
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

/// Every fact honest_fact can choose for this chain, over enough seeds to see them all.
std::set<std::string> facts(const Goal& g, const std::vector<Check>& checks, const char* today) {
  DayMarks m = marks_of(checks);
  Chain chain(g, m, day(today), 0);
  GoalStats stats = compute_stats(chain);
  std::set<std::string> out;
  for (long seed = -20; seed <= 20; ++seed) {
    std::string fact = honest_fact(chain, stats, seed);
    CHECK(fact == honest_fact(chain, stats, seed));  // the same seed, the same fact
    out.insert(fact);
  }
  return out;
}

}  // namespace

TEST_CASE("milestones: the first check-in") {
  auto got = reached(goal_with("2026-11-01"), {{"2026-11-01"}}, "2026-11-01");
  REQUIRE(got.size() == 1);
  CHECK(got[0].find("first check-in") != std::string::npos);
  // A second done day is no first check-in any more.
  CHECK_FALSE(has(reached(goal_with("2026-11-01"), {{"2026-11-01"}, {"2026-11-02"}}, "2026-11-02"), "first"));
}

TEST_CASE("milestones: 7 days done - the first week at 5 of 7 - no record in a first run") {
  Goal g = goal_with("2026-11-01");
  auto got = reached(g, every_day("2026-11-01", "2026-11-07"), "2026-11-07");
  CHECK(got == std::vector<std::string>{"7 days done.", "Your first week at 5 of 7: on track."});
  SUBCASE("the day after: nothing new") {
    // 8 is no round number, the first week at 5 of 7 was reached on the 7th, and a first run
    // beats no earlier streak: it is no record each day it grows.
    CHECK(reached(g, every_day("2026-11-01", "2026-11-08"), "2026-11-08").empty());
  }
}

TEST_CASE("milestones: 21 30 66 and 100 days done - and not the days between") {
  Goal g = goal_with("2026-01-01");
  for (int n : {21, 30, 66, 100}) {
    CAPTURE(n);
    Day last = day("2026-01-01") + date::days{n - 1};
    std::string last_text = format_day(last);
    auto got = reached(g, every_day("2026-01-01", last_text.c_str()), last_text.c_str());
    CHECK(has(got, std::to_string(n) + " days done."));
    // 66 days is about how long a habit takes to become automatic: that is said too.
    CHECK(has(got, "automatic") == (n == 66));
    std::string after_text = format_day(last + date::days{1});
    auto later = reached(g, every_day("2026-01-01", after_text.c_str()), after_text.c_str());
    CHECK_FALSE(has(later, "days done."));
  }
}

TEST_CASE("milestones: equalling the longest streak is no new record - passing it is") {
  // Done 1-3, missed 4, done 5-7: the second run equals the first, 3 days.
  Goal g = goal_with("2026-11-01");
  std::vector<Check> checks{{"2026-11-01"}, {"2026-11-02"}, {"2026-11-03"},
                            {"2026-11-05"}, {"2026-11-06"}, {"2026-11-07"}};
  auto got = reached(g, checks, "2026-11-07");
  CHECK_FALSE(has(got, "longest streak"));
  // 6 of 7 days in the first week: that is reached on the 7th.
  CHECK(got == std::vector<std::string>{"Your first week at 5 of 7: on track."});
  checks.push_back({"2026-11-08"});
  got = reached(g, checks, "2026-11-08");
  CHECK(has(got, "A new longest streak: 4 days, past your earlier best of 3."));
  CHECK(has(got, "7 days done."));
  CHECK_FALSE(has(got, "first week"));  // once only
  SUBCASE("the day after passing it: the record is not said again") {
    checks.push_back({"2026-11-09"});
    CHECK_FALSE(has(reached(g, checks, "2026-11-09"), "longest streak"));
  }
}

TEST_CASE("milestones: a late check-in that joins two runs sets a record") {
  // Done 1-3 and 5-7, the 4th forgotten: two runs of 3. Checking in the 4th on the 7th
  // makes one run of 7, though the check-in is not its last day.
  Goal g = goal_with("2026-11-01");
  std::vector<Check> checks{{"2026-11-01"}, {"2026-11-02"}, {"2026-11-03"}, {"2026-11-05"},
                            {"2026-11-06"}, {"2026-11-07"}, {"2026-11-04"}};
  CHECK(has(reached(g, checks, "2026-11-07", "2026-11-04"), "A new longest streak: 7 days, past your earlier best of 3."));
  SUBCASE("runs in the past, with today's run shorter: still a record, and its length") {
    checks.push_back({"2026-11-09"});  // the 8th missed
    CHECK(has(reached(g, checks, "2026-11-09", "2026-11-04"), "A new longest streak: 7 days, past your earlier best of 3."));
  }
  SUBCASE("a late check-in that leaves the longest run as it was: no record") {
    std::vector<Check> short_gap{{"2026-11-01"}, {"2026-11-02"}, {"2026-11-03"}, {"2026-11-04"},
                                 {"2026-11-07"}, {"2026-11-09"}, {"2026-11-10"}, {"2026-11-06"}};
    // The 6th joins the 7th: a run of 2, against the run of 4 from the 1st.
    CHECK_FALSE(has(reached(g, short_gap, "2026-11-10", "2026-11-06"), "longest streak"));
  }
}

TEST_CASE("milestones: a second done on a day already done reaches nothing again") {
  Goal g = goal_with("2026-11-01");
  CHECK(reached(g, {{"2026-11-01"}, {"2026-11-01", EventKind::done, 2.0}}, "2026-11-01").empty());
  auto week = every_day("2026-11-01", "2026-11-07");
  CHECK(has(reached(g, week, "2026-11-07"), "7 days done."));
  week.push_back({"2026-11-07", EventKind::done, 3.0});
  CHECK(reached(g, week, "2026-11-07").empty());
}

TEST_CASE("milestones: a comeback after a miss") {
  SUBCASE("the day after the miss") {
    auto got = reached(goal_with("2026-11-01"), {{"2026-11-01"}, {"2026-11-02"}, {"2026-11-03"}, {"2026-11-05"}},
                       "2026-11-05");
    CHECK(got == std::vector<std::string>{"Missing a day is human: you came back."});
  }
  SUBCASE("a rest day between the miss and the comeback is passed over") {
    auto got = reached(goal_with("2026-11-01"),
                       {{"2026-11-01"}, {"2026-11-02"}, {"2026-11-03"}, {"2026-11-05", EventKind::skip}, {"2026-11-06"}},
                       "2026-11-06");
    CHECK(has(got, "you came back"));
  }
  SUBCASE("unscheduled days are passed over: a missed Wednesday and a done Friday") {
    auto got = reached(goal_with("2026-11-02", "mon,wed,fri"), {{"2026-11-02"}, {"2026-11-06"}}, "2026-11-06");
    CHECK(has(got, "you came back"));
  }
  SUBCASE("no comeback on a first check-in: missed days before it are a start, not a return") {
    auto got = reached(goal_with("2026-11-01"), {{"2026-11-04"}}, "2026-11-04");
    CHECK(got == std::vector<std::string>{"Your first check-in. Every chain starts with one link."});
  }
  SUBCASE("no comeback when the occurrence before was done") {
    // Missed the 2nd, done the 3rd and 4th: the 4th is no comeback, and a run of 2 after a
    // single day beats no streak (a streak is two or more).
    auto got = reached(goal_with("2026-11-01"), {{"2026-11-01"}, {"2026-11-03"}, {"2026-11-04"}}, "2026-11-04");
    CHECK(got.empty());
  }
}

TEST_CASE("milestones: the first week at 5 of 7 can come later than the first week") {
  // Missed the 1st, 5th and 6th: the 7th's done makes 4 of 7. The 8th's: the 2nd to the 8th
  // hold 5 of 7, for the first time.
  Goal g = goal_with("2026-11-01");
  std::vector<Check> checks{{"2026-11-02"}, {"2026-11-03"}, {"2026-11-04"}, {"2026-11-07"}};
  CHECK_FALSE(has(reached(g, checks, "2026-11-07"), "first week"));
  checks.push_back({"2026-11-08"});
  CHECK(reached(g, checks, "2026-11-08") == std::vector<std::string>{"Your first week at 5 of 7: on track."});
  // A backfilled done for an earlier day does not claim it: it is about today's week.
  CHECK_FALSE(has(reached(g, checks, "2026-11-08", "2026-11-04"), "first week"));
}

TEST_CASE("milestones: a quota goal's record is counted in weeks") {
  // 3/week from Monday 11-02: two weeks met, the third missed, then two more met by Friday
  // 12-04, and the third of the new run by Friday 12-11: 3 weeks, past the earlier 2.
  Goal g = goal_with("2026-11-02", "3/week");
  std::vector<Check> checks{{"2026-11-02"}, {"2026-11-04"}, {"2026-11-06"}, {"2026-11-09"}, {"2026-11-11"},
                            {"2026-11-13"}, {"2026-11-23"}, {"2026-11-25"}, {"2026-11-27"}, {"2026-11-30"},
                            {"2026-12-02"}, {"2026-12-04"}};
  CHECK_FALSE(has(reached(g, checks, "2026-12-04"), "longest streak"));  // 2 weeks: equal, no record
  for (const char* d : {"2026-12-07", "2026-12-09", "2026-12-11"}) checks.push_back({d});
  CHECK(reached(g, checks, "2026-12-11") ==
        std::vector<std::string>{"A new longest streak: 3 weeks, past your earlier best of 2."});
}

TEST_CASE("milestones: honest fact - this month's amount - the last 7 scheduled days - the yearly pace") {
  // Two sentences a day from the 1st to the 10th: 20 this month, 7 of the last 7, and
  // 2 a day x 365 = 730 a year.
  Goal g = goal_with("2026-11-01", "daily", "sentences");
  CHECK(facts(g, every_day("2026-11-01", "2026-11-10", 2.0), "2026-11-10") ==
        std::set<std::string>{"That is 20 sentences this month.", "7 of the last 7 scheduled days.",
                              "At this rate, about 730 sentences in a year (a projection, not a promise)."});
}

TEST_CASE("milestones: honest fact - only this month counts for the month - every day for the pace") {
  // Done every day from 10-25 to 11-03 with no unit: 3 check-ins in November; 10 in 10 days
  // is one a day, 365 a year.
  Goal g = goal_with("2026-10-25");
  CHECK(facts(g, every_day("2026-10-25", "2026-11-03"), "2026-11-03") ==
        std::set<std::string>{"That is 3 check-ins this month.", "7 of the last 7 scheduled days.",
                              "At this rate, about 365 check-ins in a year (a projection, not a promise)."});
}

TEST_CASE("milestones: honest fact - the last 7 scheduled days pass over the days not asked for") {
  // Mon, Wed, Fri from Monday 11-02 to Friday 11-20, all done but Wednesday the 11th.
  // The last 7 occurrences: 20, 18, 16, 13, 11, 9, 6: 6 done. 8 check-ins in 19 days:
  // 8 / 19 x 365 = 153.7, about 154 a year.
  Goal g = goal_with("2026-11-02", "mon,wed,fri");
  std::vector<Check> checks{{"2026-11-02"}, {"2026-11-04"}, {"2026-11-06"}, {"2026-11-09"},
                            {"2026-11-13"}, {"2026-11-16"}, {"2026-11-18"}, {"2026-11-20"}};
  CHECK(facts(g, checks, "2026-11-20") ==
        std::set<std::string>{"That is 8 check-ins this month.", "6 of the last 7 scheduled days.",
                              "At this rate, about 154 check-ins in a year (a projection, not a promise)."});
}

TEST_CASE("milestones: honest fact - only facts that hold are offered") {
  SUBCASE("three days in: too early for a pace or a week") {
    CHECK(facts(goal_with("2026-11-01"), every_day("2026-11-01", "2026-11-03"), "2026-11-03") ==
          std::set<std::string>{"That is 3 check-ins this month."});
  }
  SUBCASE("a quota goal has no scheduled days to count") {
    auto all = facts(goal_with("2026-11-02", "3/week"), every_day("2026-11-02", "2026-11-20"), "2026-11-20");
    CHECK(std::none_of(all.begin(), all.end(), [](const std::string& f) { return f.find("of the last 7") != std::string::npos; }));
    CHECK(all.count("That is 19 check-ins this month.") == 1);
  }
  SUBCASE("dones dated before the goal's start are not this month's") {
    // Started on the 5th; dones on the 2nd and 3rd (before it), the 5th and the 6th.
    CHECK(facts(goal_with("2026-11-05"), {{"2026-11-02"}, {"2026-11-03"}, {"2026-11-05"}, {"2026-11-06"}},
                "2026-11-06") == std::set<std::string>{"That is 2 check-ins this month."});
  }
  SUBCASE("nothing else holds: the days done since the start") {
    // A done with amount 0 on the first day: nothing this month to add up.
    CHECK(facts(goal_with("2026-11-01"), {{"2026-11-01", EventKind::done, 0.0}}, "2026-11-01") ==
          std::set<std::string>{"1 day done since 2026-11-01."});
  }
}

TEST_CASE("milestones: honest fact - one count is singular") {
  CHECK(facts(goal_with("2026-11-01"), {{"2026-11-01"}}, "2026-11-01") ==
        std::set<std::string>{"That is 1 check-in this month."});
  CHECK(facts(goal_with("2026-11-01", "daily", "sentences"), {{"2026-11-01"}}, "2026-11-01") ==
        std::set<std::string>{"That is 1 sentence this month."});
}

TEST_CASE("milestones: honest fact - tied to the feeling in the person's own words") {
  Goal g = goal_with("2026-11-01", "daily", "sentences");
  g.feeling = "capable";
  // The projection is no evidence: it is offered, but not tied to the feeling.
  CHECK(facts(g, every_day("2026-11-01", "2026-11-10", 2.0), "2026-11-10") ==
        std::set<std::string>{"Evidence for feeling \"capable\": that is 20 sentences this month.",
                              "Evidence for feeling \"capable\": 7 of the last 7 scheduled days.",
                              "At this rate, about 730 sentences in a year (a projection, not a promise)."});
  SUBCASE("any feeling reads right: first person, a phrase, a sentence") {
    for (const char* feeling : {"like someone who takes care of myself", "I am enough", "like a musician"}) {
      g.feeling = feeling;
      CHECK(facts(g, every_day("2026-11-01", "2026-11-03"), "2026-11-03") ==
            std::set<std::string>{"Evidence for feeling \"" + std::string(feeling) + "\": that is 3 sentences this month."});
    }
  }
}

}  // namespace microstep
