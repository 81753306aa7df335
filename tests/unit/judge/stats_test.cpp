#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "core/judge/stats.hpp"
#include "unit/builders.hpp"

namespace microstep {

using test::day;
using test::goal_with;
using test::marks_of;

namespace {

EventView event(const char* on, EventKind kind = EventKind::done, int hour = 8,
                std::optional<double> amount = std::nullopt) {
  EventView e;
  e.day = day(on);
  e.written = Moment{date::sys_seconds{e.day} + std::chrono::hours{hour}, {}};
  e.kind = kind;
  e.goal = "g";
  e.amount = amount;
  return e;
}


GoalStats stats_on(const Goal& g, const DayMarks& m, const char* today) {
  Chain chain(g, m, day(today), 0);
  return compute_stats(chain);
}

}  // namespace

TEST_CASE("a broken daily chain") {
  Goal g = goal_with("2026-11-01");
  // Done 1-3, missed 4, done 5-6; today the 7th is open.
  auto m = marks_of({event("2026-11-01"), event("2026-11-02"), event("2026-11-03"),
                     event("2026-11-05"), event("2026-11-06")});
  GoalStats s = stats_on(g, m, "2026-11-07");
  CHECK(s.current.length == 2);
  CHECK(s.state == StreakState::open);
  CHECK(s.longest.length == 3);
  CHECK(s.longest.first == day("2026-11-01"));
  CHECK(s.longest.last == day("2026-11-03"));
  CHECK(*s.rate_7 == doctest::Approx(5.0 / 6));  // 7 days, today open: 5 of 6
  // The 7-day rule looks at 7 judged days; 5 done of the first 6 is on track whatever the
  // seventh brings, so it says so already.
  CHECK(*s.on_track);
  CHECK(s.verdict.kept == 5);
  CHECK(s.verdict.judged == 6);
  CHECK(verdict_text(s.verdict) == "on track: 5 of 6 scheduled days done so far");
  SUBCASE("4 of 6 with one to come is still open; 2 of 5 cannot reach 5: below") {
    auto four = marks_of({event("2026-11-01"), event("2026-11-02"), event("2026-11-03"), event("2026-11-05")});
    CHECK_FALSE(stats_on(g, four, "2026-11-07").on_track);
    auto two = marks_of({event("2026-11-01"), event("2026-11-02")});
    GoalStats below = stats_on(g, two, "2026-11-06");
    REQUIRE(below.on_track);
    CHECK_FALSE(*below.on_track);
    CHECK(verdict_text(below.verdict) == "below 5 of 7: 2 of 5 scheduled days done so far");
  }
  CHECK(s.done_days == 5);
  CHECK(s.days_since_last_done == 1);
  SUBCASE("missed again: broken, and how long ago") {
    GoalStats later = stats_on(g, m, "2026-11-09");  // 7 and 8 missed, 9 open
    CHECK(later.current.length == 0);
    CHECK(later.state == StreakState::broken);
    CHECK(later.broken_days_ago == 1);
  }
}

TEST_CASE("a skip in the middle of a streak neither breaks nor extends it") {
  Goal g = goal_with("2026-11-01");
  auto m = marks_of({event("2026-11-01"), event("2026-11-02", EventKind::skip), event("2026-11-03")});
  GoalStats s = stats_on(g, m, "2026-11-03");
  CHECK(s.current.length == 2);
  CHECK(s.state == StreakState::alive);
  CHECK(*s.rate_all == 1);  // 2 done / (3 scheduled - 1 skipped)
}

TEST_CASE("a 3/week goal with a partial current week") {
  Goal g = goal_with("2026-11-02", "3/week");  // a Monday
  auto m = marks_of({event("2026-11-02"), event("2026-11-04"), event("2026-11-06"),  // met
                     event("2026-11-09"), event("2026-11-10"), event("2026-11-12"),  // met
                     event("2026-11-16")});                                            // 1 so far
  GoalStats s = stats_on(g, m, "2026-11-18");
  CHECK(s.streak_unit == "week");
  CHECK(s.current.length == 2);  // the current week is passed over while not met
  CHECK(s.state == StreakState::open);
  // Last 7 days (12th..18th): the second week (met, 3 of 3) has 4 of its 7 days in the
  // window; the current week is open until met. So the rate is that week's: 1.
  CHECK(*s.rate_7 == 1);
  // 30 days: two met weeks, each whole in the window: 6 of 6.
  CHECK(*s.rate_30 == 1);
}

TEST_CASE("every 3 days, and a done before the step falls due") {
  Goal g = goal_with("2026-11-01", "every 3 days");
  // Done on the 1st; the 2nd is early (due on the 4th): an extra, and the step now falls due
  // on the 5th, so the 4th is early too and moves it to the 7th: done.
  auto m = marks_of({event("2026-11-01"), event("2026-11-02"), event("2026-11-04"), event("2026-11-07")});
  GoalStats s = stats_on(g, m, "2026-11-09");
  CHECK(s.current.length == 2);  // the 1st and the 7th; the extras count in totals only
  CHECK(s.done_days == 4);
  CHECK(*s.rate_all == 1);
}

TEST_CASE("undo of a day's only done") {
  Goal g = goal_with("2026-11-01");
  auto m = marks_of({event("2026-11-01"), event("2026-11-02"), event("2026-11-02", EventKind::undo, 9)});
  GoalStats s = stats_on(g, m, "2026-11-03");
  CHECK(s.done_days == 1);
  CHECK(s.current.length == 0);
  CHECK(s.state == StreakState::broken);
  SUBCASE("a done written after the undo counts again") {
    auto again = marks_of({event("2026-11-02"), event("2026-11-02", EventKind::undo, 9),
                           event("2026-11-02", EventKind::done, 10)});
    CHECK(again.done(day("2026-11-02")));
  }
}

TEST_CASE("month ends and leap days") {
  Goal g = goal_with("2028-02-27", "2/month");
  auto m = marks_of({event("2028-02-28"), event("2028-02-29"), event("2028-03-01")});
  GoalStats s = stats_on(g, m, "2028-03-01");
  CHECK(s.streak_unit == "month");
  CHECK(s.current.length == 1);  // February met (2 of 2 available), March open
  CHECK(s.longest.first == day("2028-02-27"));
  CHECK(s.longest.last == day("2028-02-29"));
  Goal daily = goal_with("2028-02-28");
  CHECK(stats_on(daily, m, "2028-03-01").current.length == 3);
}

TEST_CASE("N/month: each day of a month expects N over that month's length - 31, 28, 31 days") {
  // One done in each of January, February and March 2027 against 2 a month: each month's
  // days expect 2 in all, whatever its length, so the rate is 3 of 6.
  Goal g = goal_with("2027-01-01", "2/month");
  auto m = marks_of({event("2027-01-05"), event("2027-02-03"), event("2027-03-20")});
  GoalStats s = stats_on(g, m, "2027-04-01");  // today, April 1st, is open: not counted
  REQUIRE(s.rate_all);
  CHECK(*s.rate_all == doctest::Approx(0.5).epsilon(1e-12));
  // February alone: 1 of 2.
  Chain chain(g, m, day("2027-04-01"), 0);
  CHECK(*completion_rate_between(chain, day("2027-02-01"), day("2027-02-28")) == doctest::Approx(0.5).epsilon(1e-12));
}

TEST_CASE("a goal started today: nothing to judge yet") {
  Goal g = goal_with("2026-11-22");
  GoalStats s = stats_on(g, DayMarks{}, "2026-11-22");
  CHECK(s.current.length == 0);
  CHECK_FALSE(s.rate_7);
  CHECK_FALSE(s.rate_all);
  CHECK_FALSE(s.on_track);
  CHECK(s.state == StreakState::open);
  CHECK(s.strength == 0);
}

TEST_CASE("the 7-day rule: just below and at 5 of 7") {
  Goal g = goal_with("2026-11-01");
  std::vector<EventView> five{event("2026-11-10"), event("2026-11-11"), event("2026-11-13"),
                              event("2026-11-15"), event("2026-11-16")};
  CHECK(*stats_on(g, marks_of(five), "2026-11-16").on_track);  // 10..16: 5 of 7
  five.pop_back();
  CHECK_FALSE(*stats_on(g, marks_of(five), "2026-11-17").on_track);  // 11..17: 3 of 6
}

TEST_CASE("strength as Loop Habit Tracker computes it") {
  const double m = std::pow(0.5, 1.0 / 13);
  Goal g = goal_with("2026-11-01");
  CHECK(stats_on(g, marks_of({event("2026-11-01")}), "2026-11-01").strength == doctest::Approx(1 - m));
  auto three = marks_of({event("2026-11-01"), event("2026-11-02"), event("2026-11-03"), event("2026-11-05")});
  CHECK(stats_on(g, three, "2026-11-05").strength == doctest::Approx(0.1848).epsilon(0.001));
  SUBCASE("a skipped day leaves it unchanged") {
    auto skipped = marks_of({event("2026-11-01"), event("2026-11-02", EventKind::skip)});
    CHECK(stats_on(g, skipped, "2026-11-02").strength == doctest::Approx(1 - m));
  }
}

TEST_CASE("strength follows each version: daily days alone, then 3/week days by their week") {
  // Daily from Thu 10-01, 3/week from Tue 10-20; done two days of every three, a skip on
  // the 10th and the 25th.
  Goal g = test::goal_changed_on("2026-10-01", "daily", "2026-10-20", "3/week");
  std::vector<EventView> events;
  for (Day d = day("2026-10-01"); d <= day("2026-11-20"); d += date::days{1}) {
    std::string text = format_day(d);
    if (text == "2026-10-10" || text == "2026-10-25")
      events.push_back(event(text.c_str(), EventKind::skip));
    else if ((d - day("2026-10-01")).count() % 3 != 2)
      events.push_back(event(text.c_str()));
  }
  DayMarks m = marks_of(events);
  Chain chain(g, m, day("2026-11-20"), 0);
  // The definition, a day at a time: a day done or missed (not a rest day, not today) moves
  // the score towards its check, by a factor that depends on the version's checks per day.
  double expected = 0;
  for (Day d = chain.started(); d <= chain.today(); d += date::days{1}) {
    DayState state = chain.state(d);
    bool done = state == DayState::done || state == DayState::done_unscheduled;
    if (!done && (state == DayState::rest || d == chain.today())) continue;
    const Schedule& schedule = chain.version_on(d).schedule;
    double factor = std::pow(0.5, std::sqrt(schedule.checks_per_day()) / 13.0);
    double check = done ? 1 : 0;
    if (schedule.is_quota()) {  // the days done in the 7 days up to d, out of 3
      int in_week = 0;
      for (Day w = std::max(chain.started(), d - date::days{6}); w <= d; w += date::days{1})
        in_week += chain.state(w) == DayState::done || chain.state(w) == DayState::done_unscheduled;
      check = std::min(1.0, in_week / 3.0);
    }
    expected = expected * factor + check * (1 - factor);
  }
  CHECK(habit_strength(chain) == doctest::Approx(expected).epsilon(1e-12));
  CHECK(habit_strength(chain) > 0.5);  // two days of three, and 3/week met most weeks
}

TEST_CASE("K in N days: the streak counts done days to the last missed one - rates count days") {
  // microstep-stats(7)'s example: 2 in 3 days from Monday 11-02, done Mon, Tue, Thu, Sat;
  // Wed and Fri not asked; Sun and Mon missed; Tuesday the 10th open.
  Goal g = goal_with("2026-11-02", "2 in 3 days");
  auto m = marks_of({event("2026-11-02"), event("2026-11-03"), event("2026-11-05"), event("2026-11-07")});
  GoalStats s = stats_on(g, m, "2026-11-10");
  CHECK(s.streak_unit == "day");
  CHECK(s.current.length == 0);
  CHECK(s.state == StreakState::broken);
  CHECK(s.broken_days_ago == 1);  // Monday the 9th
  CHECK(s.longest.length == 4);
  CHECK(s.longest.first == day("2026-11-02"));
  CHECK(s.longest.last == day("2026-11-07"));
  CHECK(*s.rate_all == doctest::Approx(4.0 / 6));  // 4 done of 6 asked (Sun, Mon missed)
  CHECK(*s.rate_7 == doctest::Approx(2.0 / 4));    // 4th-10th: Thu, Sat done; Sun, Mon missed
  CHECK(s.done_days == 4);
  CHECK(verdict_text(s.verdict) == "too early to judge: 4 of 6 scheduled days done so far");
  SUBCASE("on Saturday, done: a 4-day streak, alive") {
    GoalStats sat = stats_on(g, m, "2026-11-07");
    CHECK(sat.current.length == 4);
    CHECK(sat.state == StreakState::alive);
    CHECK(*sat.rate_all == 1);
  }
  SUBCASE("on Wednesday, kept by Monday and Tuesday: nothing asked, alive") {
    GoalStats wed = stats_on(g, m, "2026-11-04");
    CHECK(wed.current.length == 2);
    CHECK(wed.state == StreakState::alive);
  }
  SUBCASE("strength: K/N checks a day, each day's share of K done in its last N days") {
    Chain chain(g, m, day("2026-11-10"), 0);
    const double factor = std::pow(0.5, std::sqrt(2.0 / 3) / 13.0);
    double expected = 0;
    for (Day d = chain.started(); d < chain.today(); d += date::days{1}) {
      int in_window = 0;
      for (Day w = std::max(chain.started(), d - date::days{2}); w <= d; w += date::days{1})
        in_window += chain.state(w) == DayState::done;
      expected = expected * factor + std::min(1.0, in_window / 2.0) * (1 - factor);
    }
    CHECK(habit_strength(chain) == doctest::Approx(expected).epsilon(1e-12));
    CHECK(habit_strength(chain) == doctest::Approx(0.2180).epsilon(0.001));
  }
}

TEST_CASE("a goal tracked only is counted, never scored: no streak, rate, strength or verdict") {
  Goal g = goal_with("2026-11-02", "tracking");
  auto m = marks_of({event("2026-11-02"), event("2026-11-04", EventKind::skip), event("2026-11-05")});
  GoalStats s = stats_on(g, m, "2026-11-06");
  CHECK(s.tracking);
  CHECK(s.done_days == 2);
  CHECK(s.last_done == day("2026-11-05"));
  CHECK(s.current.length == 0);
  CHECK(s.longest.length == 0);
  CHECK(s.state == StreakState::none);
  CHECK_FALSE(s.rate_7);
  CHECK_FALSE(s.rate_all);
  CHECK(s.strength == 0);
  CHECK_FALSE(s.on_track);
  CHECK(s.verdict.tracking);
  CHECK(verdict_name(s.verdict) == "none");
  CHECK(verdict_text(s.verdict) == "tracking only: counted, never scored");
  SUBCASE("after a change from daily, the daily days keep their rate on their rung, and no more") {
    Goal changed = test::goal_changed_on("2026-11-02", "daily", "2026-11-05", "tracking");
    GoalStats c = stats_on(changed, m, "2026-11-06");
    CHECK(c.tracking);
    CHECK(c.current.length == 0);
    CHECK(c.longest.length == 0);
    CHECK_FALSE(c.rate_all);
    CHECK(c.strength == 0);
    auto rungs = rung_rates(Chain(changed, m, day("2026-11-06"), 0));
    REQUIRE(rungs.size() == 2);
    CHECK(*rungs[0].rate == doctest::Approx(1.0 / 2));  // the 2nd done, the 3rd missed
    CHECK_FALSE(rungs[1].rate);
  }
  SUBCASE("and from tracking to daily, the days tracked neither count nor break") {
    Goal changed = test::goal_changed_on("2026-11-02", "tracking", "2026-11-05", "daily");
    GoalStats c = stats_on(changed, m, "2026-11-06");
    CHECK_FALSE(c.tracking);
    CHECK(c.current.length == 1);
    CHECK(c.state == StreakState::open);
    CHECK(*c.rate_all == 1);
  }
}

TEST_CASE("each past day is judged by the version in force on it") {
  Goal g = test::goal_changed_on("2026-11-02", "mon,wed,fri", "2026-11-09", "daily");
  auto m = marks_of({event("2026-11-02"), event("2026-11-04"), event("2026-11-06"), event("2026-11-09"),
                     event("2026-11-10")});
  GoalStats s = stats_on(g, m, "2026-11-10");
  CHECK(s.current.length == 5);  // Tuesday the 3rd was not scheduled then
  auto rungs = rung_rates(Chain(g, m, day("2026-11-10"), 0));
  REQUIRE(rungs.size() == 2);
  CHECK(*rungs[0].rate == 1);
  CHECK(rungs[0].last == day("2026-11-08"));
}

TEST_CASE("the result depends only on the set of events") {
  Goal g = goal_with("2026-01-01", "mon,wed,fri");
  std::mt19937 random(7);
  std::vector<EventView> events;
  for (Day d = day("2026-01-01"); d <= day("2026-06-30"); d += date::days{1}) {
    int r = static_cast<int>(random() % 10);
    if (r < 6) events.push_back(event(format_day(d).c_str(), EventKind::done, 8, r == 0 ? std::optional(2.5) : std::nullopt));
    if (r == 6) events.push_back(event(format_day(d).c_str(), EventKind::skip));
    if (r == 7) {
      events.push_back(event(format_day(d).c_str(), EventKind::done, 8));
      events.push_back(event(format_day(d).c_str(), EventKind::undo, 9));
    }
  }
  GoalStats expected = stats_on(g, marks_of(events), "2026-06-30");
  for (unsigned seed : {1u, 2u, 3u}) {
    auto shuffled = events;
    shuffled.insert(shuffled.end(), events.begin(), events.begin() + 40);  // a union merge
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(seed));
    GoalStats s = stats_on(g, marks_of(shuffled), "2026-06-30");
    CHECK(s.current.length == expected.current.length);
    CHECK(s.longest.length == expected.longest.length);
    CHECK(s.rate_all == expected.rate_all);
    CHECK(s.strength == expected.strength);
    CHECK(s.total_amount == expected.total_amount);
    CHECK(s.done_days == expected.done_days);
  }
}

TEST_CASE("the standing is what the whole judgement says of where the chain stands") {
  // today, due and remind judge only the standing; stats, review and share judge it all.
  // Both must say the same of every goal, whatever its schedule, history and day.
  std::mt19937 random(11);
  const std::vector<std::pair<const char*, const char*>> schedules{
      {"daily", "daily"},         {"mon,wed,fri", "mon,wed,fri"}, {"3/week", "3/week"},
      {"every 3 days", "every 3 days"}, {"2 in 5 days", "2 in 5 days"}, {"4/month", "4/month"},
      {"tracking", "tracking"},   {"daily", "3/week"},            {"3/week", "daily"},
      {"tracking", "daily"},      {"every 2 days", "2/month"}};
  for (const auto& schedule : schedules) {
    const std::string earlier = schedule.first, later = schedule.second;
    Goal g = earlier == later ? goal_with("2026-01-05", schedule.first)
                              : test::goal_changed_on("2026-01-05", schedule.first, "2026-03-02", schedule.second);
    for (int done_in_10 : {2, 6, 9}) {
      std::vector<EventView> events;
      for (Day d = day("2026-01-05"); d <= day("2026-05-31"); d += date::days{1}) {
        int r = static_cast<int>(random() % 10);
        if (r < done_in_10) events.push_back(event(format_day(d).c_str()));
        else if (r == 9) events.push_back(event(format_day(d).c_str(), EventKind::skip));
      }
      const DayMarks m = marks_of(events);
      for (const char* today : {"2026-01-05", "2026-01-06", "2026-02-28", "2026-03-02", "2026-04-15", "2026-05-31",
                                "2026-06-09"}) {
        CAPTURE(earlier);
        CAPTURE(later);
        CAPTURE(done_in_10);
        CAPTURE(today);
        const Chain chain(g, m, day(today), 0);
        const GoalStats all = compute_stats(chain);
        const GoalStanding standing = judge_standing(chain);
        CHECK(standing.in_force.from == all.in_force.from);
        CHECK(standing.in_force.schedule_text == all.in_force.schedule_text);
        CHECK(standing.upcoming.has_value() == all.upcoming.has_value());
        CHECK(standing.streak_unit == all.streak_unit);
        CHECK(standing.tracking == all.tracking);
        CHECK(standing.current.length == all.current.length);
        CHECK(standing.current.first == all.current.first);
        CHECK(standing.current.last == all.current.last);
        CHECK(standing.state == all.state);
        CHECK(standing.broken_days_ago == all.broken_days_ago);
        CHECK(standing.done_days == all.done_days);
        // The current streak, walked back from today, is the last of all the streaks walked
        // forward (when the chain is not broken).
        const auto every = all_streaks(chain);
        if (standing.current.length > 0) {
          REQUIRE_FALSE(every.empty());
          CHECK(every.back().length == standing.current.length);
          CHECK(every.back().first == standing.current.first);
          CHECK(every.back().last == standing.current.last);
        }
      }
    }
  }
}

}  // namespace microstep
