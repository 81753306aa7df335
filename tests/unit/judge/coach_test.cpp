#include <doctest/doctest.h>

#include "core/judge/coach.hpp"
#include "unit/builders.hpp"

namespace microstep {

using test::day;

namespace {

Goal goal_with(const std::string& step, const char* started, const char* schedule = "daily") {
  Goal g = test::goal_with(started, schedule);
  g.step = step;
  g.after = "I pour my morning coffee";
  return g;
}

using test::done_except;

const CoachRules& rules() { return test::source_rules(); }

Suggestion suggestion_for(const Goal& g, const DayMarks& m, const char* today) {
  Chain chain(g, m, day(today), 0);
  return suggest(chain, compute_stats(chain), rules());
}

}  // namespace

TEST_CASE("the 7-day rule: fewer than 5 of the last 7 scheduled days makes it smaller") {
  Goal g = goal_with("Write one sentence", "2026-11-01");
  SUBCASE("5 of 7 is on track") {
    // 2026-11-15..21 with misses on the 16th and 19th: 5 of 7, not two in a row.
    auto m = done_except("2026-11-01", "2026-11-21", {"2026-11-16", "2026-11-19"});
    CHECK(suggestion_for(g, m, "2026-11-21").kind == SuggestionKind::keep);
  }
  SUBCASE("4 of 7 is not") {
    auto m = done_except("2026-11-01", "2026-11-21", {"2026-11-15", "2026-11-17", "2026-11-19"});
    Suggestion s = suggestion_for(g, m, "2026-11-21");
    CHECK(s.kind == SuggestionKind::smaller);
    CHECK(s.rule == "7-day rule");
    CHECK(s.reason == "4 of the last 7 scheduled days done; 5 is on track");
    CHECK(s.step == "Write one word");
  }
  SUBCASE("an open today is not counted against the person") {
    auto m = done_except("2026-11-01", "2026-11-20", {"2026-11-16", "2026-11-19"});
    CHECK(suggestion_for(g, m, "2026-11-21").kind == SuggestionKind::keep);
  }
}

TEST_CASE("two scheduled days missed in a row makes it smaller") {
  Goal g = goal_with("Do 10 push-ups", "2026-11-01");
  auto m = done_except("2026-11-01", "2026-11-19", {});
  Suggestion s = suggestion_for(g, m, "2026-11-21");  // the 20th and 21st are missed... 21st is open
  CHECK(s.kind == SuggestionKind::keep);
  s = suggestion_for(g, m, "2026-11-22");  // 20th and 21st missed, 22nd open
  CHECK(s.kind == SuggestionKind::smaller);
  CHECK(s.rule == "missed in a row");
  CHECK(s.step == "Do one push-up");  // 10 is more than a handful
}

TEST_CASE("a step just made smaller does not answer for the bigger one's misses") {
  Goal g = test::goal_changed_on("2026-11-01", "daily", "2026-11-15", "daily");
  g.history[0].step = "Write one chapter";
  g.step = "Write one page";
  auto m = done_except("2026-11-01", "2026-11-14", {"2026-11-12", "2026-11-13", "2026-11-14"});
  // Today, the 15th, the page's first day: nothing judged on it yet, so nothing to shrink.
  CHECK(suggestion_for(g, m, "2026-11-15").kind == SuggestionKind::keep);
}

TEST_CASE("no check-in in the first 3 scheduled days makes it smaller") {
  Goal g = goal_with("Go for a walk", "2026-11-18", "mon,wed,fri");
  DayMarks none;
  CHECK(suggestion_for(g, none, "2026-11-19").kind == SuggestionKind::keep);  // only Wed missed
  Suggestion s = suggestion_for(g, none, "2026-11-23");  // Wed, Fri missed; Mon 23rd is open
  CHECK(s.rule == "missed in a row");
  s = suggestion_for(g, none, "2026-11-24");  // Wed 18, Fri 20, Mon 23 all missed
  CHECK(s.kind == SuggestionKind::smaller);
  CHECK(s.rule == "first days");
  CHECK(s.step == "Put on your shoes");
}

TEST_CASE("misses that cluster on weekdays point at the anchor") {
  Goal g = goal_with("Write one sentence", "2026-10-01");
  // Every Saturday and Sunday of the last four weeks missed, every other day done.
  auto m = done_except("2026-10-01", "2026-11-20",
                       {"2026-10-31", "2026-11-01", "2026-11-07", "2026-11-08", "2026-11-14",
                        "2026-11-15"});
  Chain chain(g, m, day("2026-11-20"), 0);
  CHECK(clustered_miss_weekdays(chain) == std::vector<unsigned>{5, 6});
  Suggestion s = suggest(chain, compute_stats(chain), rules());
  CHECK(s.kind == SuggestionKind::change_anchor);
  CHECK(s.reason ==
        "the misses cluster on Saturday and Sunday: 'I pour my morning coffee' may not happen on "
        "those days; stack the step on a habit that does");
}

TEST_CASE("ready to grow notices when the person already does more") {
  Goal g = goal_with("Write one sentence", "2026-10-01");
  g.minimum = 1;
  CheckinCollector c;
  for (Day d = day("2026-10-01"); d <= day("2026-11-20"); d += date::days{1}) {
    EventView e;
    e.day = d;
    e.written = Moment{date::sys_seconds{d}, {}};
    e.goal = "g";
    e.amount = 3;
    c.add(e);
  }
  DayMarks m(std::move(c), 1);
  Suggestion s = suggestion_for(g, m, "2026-11-20");
  CHECK(s.kind == SuggestionKind::grow);
  CHECK(s.already_doing_more);
  CHECK(s.step == "Write 1-2 sentences");
}

}  // namespace microstep

namespace microstep {

TEST_CASE("still mastering: a goal younger than 30 days, or below 90% over 30 days") {
  Goal g = test::goal_with("2026-11-01");
  auto all = test::done_except("2026-11-01", "2026-12-10", {});
  CoachThresholds t;
  Chain young(g, all, test::day("2026-11-12"), 0);
  CHECK(still_mastering(young, compute_stats(young), t).value_or("") == "g is 12 days old");
  Chain grown(g, all, test::day("2026-12-10"), 0);
  CHECK_FALSE(still_mastering(grown, compute_stats(grown), t));
  auto shaky = test::done_except("2026-11-01", "2026-12-10", {"2026-11-20", "2026-11-25", "2026-12-01", "2026-12-05"});
  Chain shaken(g, shaky, test::day("2026-12-10"), 0);
  CHECK(still_mastering(shaken, compute_stats(shaken), t).value_or("") == "g is at 87% over 30 days");
}

}  // namespace microstep

namespace microstep {

TEST_CASE("a goal tracked only is never coached - and is nothing to master before a new one") {
  Goal g = goal_with("Drink coffee", "2026-11-01", "tracking");
  auto m = test::done_except("2026-11-01", "2026-11-03", {});  // then nothing for a week
  Suggestion s = suggestion_for(g, m, "2026-11-10");
  CHECK(s.kind == SuggestionKind::none);
  CHECK(s.rule == "tracking only");
  CHECK(s.reason == "no suggestion for a goal tracked only: it is counted, never scored");
  Chain chain(g, m, day("2026-11-10"), 0);
  CHECK_FALSE(still_mastering(chain, compute_stats(chain), CoachThresholds{}));
}

TEST_CASE("K in N days: missed days in a row make it smaller, as for any day schedule") {
  Goal g = goal_with("Do 10 push-ups", "2026-11-01", "2 in 3 days");
  // Done every day to the 9th, then nothing: the 10th is kept by the 8th-10th; the 9th-11th
  // holds one done day: the 11th is missed, and the 12th.
  auto m = done_except("2026-11-01", "2026-11-09", {});
  CHECK(suggestion_for(g, m, "2026-11-12").kind == SuggestionKind::keep);  // the 11th missed, today open
  Suggestion s = suggestion_for(g, m, "2026-11-13");
  CHECK(s.kind == SuggestionKind::smaller);
  CHECK(s.rule == "missed in a row");
  CHECK(s.reason == "the last 2 scheduled days were missed in a row");
}

}  // namespace microstep
