/// Tests of core/judge/mood: each day's mood, and the comparison of days with and without a step.
#include "core/judge/mood.hpp"
#include "unit/builders.hpp"

#include <doctest/doctest.h>

namespace microstep {

using test::day;

namespace {

Event mood(const char* on, int value, int hour = 20) {
  Event e;
  e.day = day(on);
  e.written = Moment{date::sys_seconds{e.day} + std::chrono::hours{hour}, {}};
  e.kind = EventKind::mood;
  e.amount = value;
  return e;
}

}  // namespace

TEST_CASE("mood: the last mood written on a day counts") {
  auto moods = moods_by_day({mood("2026-11-02", 5, 21), mood("2026-11-02", 2, 7), mood("2026-11-01", 3)});
  REQUIRE(moods.size() == 2);
  CHECK(moods.at(day("2026-11-02")) == 5);
  CHECK(moods.at(day("2026-11-01")) == 3);
}

TEST_CASE("mood: compared from the threshold on, with both kinds of day") {
  std::map<Day, int> moods;
  for (int d = 1; d <= 14; ++d) moods[day("2026-11-01") + date::days{d - 1}] = d <= 10 ? 4 : 2;
  auto on_step_days = [](Day d) { return d <= day("2026-11-10"); };
  CoachThresholds t;
  auto c = compare_moods(moods, day("2026-11-14"), on_step_days, t);
  REQUIRE(c);
  CHECK(c->with_step.days == 10);
  CHECK(c->with_step.mean == 4);
  CHECK(c->without_step.days == 4);
  CHECK(mood_text(*c, "a step") == "Mood on days you did a step: 4.0 (10 days); on other days: 2.0 (4 days).");
  // Moods after today do not count: 13 days is below the threshold.
  CHECK_FALSE(compare_moods(moods, day("2026-11-13"), on_step_days, t));
  // One kind of day only: nothing to compare.
  CHECK_FALSE(compare_moods(moods, day("2026-11-14"), [](Day) { return true; }, t));
  t.mood_min_days = 5;
  CHECK(compare_moods(moods, day("2026-11-13"), on_step_days, t));
}

}  // namespace microstep
