/// Tests of core/judge/growth: the 30-day rule, the 10% rule and the optional plus, for the
/// proposed step and for a step of one's own.
#include "core/judge/growth.hpp"
#include "unit/builders.hpp"

#include <doctest/doctest.h>

namespace microstep {

using test::day;
using test::done_except;

namespace {

Goal goal_with(const std::string& step, const char* started, const char* schedule = "daily") {
  Goal g = test::goal_with(started, schedule);
  g.step = step;
  return g;
}

const CoachRules& rules() { return test::source_rules(); }

}  // namespace

TEST_CASE("the 30-day rule and the 10% rule") {
  std::string why;
  SUBCASE("29 days at 100% is not yet ready, 30 days is") {
    Goal g = goal_with("Write one sentence", "2026-10-24");
    auto m = done_except("2026-10-24", "2026-11-22", {});
    Chain at29(g, m, day("2026-11-21"), 0);
    CHECK_FALSE(ready_to_grow(at29, rules().thresholds, why));
    CHECK(why == "29 days on this step at 100%");
    Chain at30(g, m, day("2026-11-22"), 0);
    CHECK(ready_to_grow(at30, rules().thresholds, why));
  }
  SUBCASE("89% is not enough, 90% is") {
    Goal g = goal_with("Write one sentence", "2026-10-24");
    // 30 days with 3 misses: 27/30 = 90%; with 4 misses (one in the window's 31st day): 26/29...
    auto ninety = done_except("2026-10-24", "2026-11-22", {"2026-10-25", "2026-10-30", "2026-11-05"});
    Chain c90(g, ninety, day("2026-11-22"), 0);
    CHECK(ready_to_grow(c90, rules().thresholds, why));
    CHECK(why == "30 days on this step at 90%");
    auto below = done_except("2026-10-24", "2026-11-22",
                             {"2026-10-25", "2026-10-30", "2026-11-05", "2026-11-10"});
    Chain c87(g, below, day("2026-11-22"), 0);
    CHECK_FALSE(ready_to_grow(c87, rules().thresholds, why));
    CHECK(why == "30 days on this step at 87%");
  }
  SUBCASE("a whole minimum grows by +10% only when that rounds to at least 1") {
    Goal g = goal_with("Write 10 sentences", "2026-10-01");
    g.minimum = 10;
    Suggestion s = growth_proposal(g.current(), rules().thresholds);
    CHECK(s.rule == "10% rule");
    CHECK(s.minimum == 11);
    CHECK(s.step == "Write 11 sentences");
    g.minimum = 5;
    g.step = "Do 5 push-ups";
    CHECK(growth_proposal(g.current(), rules().thresholds).minimum == 6);
  }
  SUBCASE("otherwise the optional plus: the minimum stays, more is welcome") {
    Goal g = goal_with("Write one sentence", "2026-10-01");
    g.minimum = 1;
    Suggestion s = growth_proposal(g.current(), rules().thresholds);
    CHECK(s.rule == "optional plus");
    CHECK(s.optional_plus);
    CHECK_FALSE(s.minimum);
    CHECK(s.step == "Write 1-2 sentences");
    g.minimum = 3;
    g.step = "Do 3 push-ups";
    CHECK(growth_proposal(g.current(), rules().thresholds).step == "Do 3-4 push-ups");
    g.step = "Meditate";
    CHECK(growth_proposal(g.current(), rules().thresholds).step == "Meditate, more if you like");
  }
}

TEST_CASE("growth: a step of one's own keeps the 10% rule and the ridiculous test") {
  Goal g = goal_with("Do 10 push-ups", "2026-10-01");
  g.minimum = 10;
  auto m = done_except("2026-10-01", "2026-10-31", {});
  Chain chain(g, m, day("2026-10-31"), 0);
  auto refusal = [&](const char* step) { return growth_refusal(chain, std::string(step), std::nullopt, rules()); };
  CHECK_FALSE(growth_refusal(chain, std::nullopt, std::nullopt, rules()));  // the proposal
  CHECK_FALSE(refusal("Do 11 push-ups"));
  CHECK_FALSE(refusal("Do 10-15 push-ups"));  // the optional plus: the minimum stays
  CHECK_FALSE(refusal("do 11 Push-ups"));     // case does not matter
  CHECK(refusal("Run a marathon").value_or("") ==
        "'Run a marathon' is not 'Do 10 push-ups' grown by at most 10%: the 10% rule keeps the step and grows "
        "its number a little, or adds an optional plus ('Do 11 push-ups'); use --force to grow anyway");
  CHECK(refusal("Do 12 push-ups").value_or("") ==
        "growing 'Do 10 push-ups' to 'Do 12 push-ups' is more than the 10% rule allows (at most 11, or the "
        "optional plus 'Do 11 push-ups'); use --force to grow anyway");
  CHECK(refusal("Do 11-12 push-ups").value_or("").starts_with("growing 'Do 10 push-ups' to 'Do 11-12 push-ups'"));
  CHECK(refusal("Do 9 push-ups").value_or("") == "'Do 9 push-ups' is smaller than 'Do 10 push-ups': use shrink to make a step smaller");
  CHECK(refusal("Do 11 push-ups for 30 minutes").value_or("").starts_with("'Do 11 push-ups for 30 minutes' is not"));
  SUBCASE("one sentence grows by the optional plus only") {
    Goal one = goal_with("Write one sentence", "2026-10-01");
    Chain c(one, m, day("2026-10-31"), 0);
    CHECK_FALSE(growth_refusal(c, std::string("Write 1-2 sentences"), std::nullopt, rules()));
    CHECK(growth_refusal(c, std::string("Write 2 sentences"), std::nullopt, rules()));
    CHECK(growth_refusal(c, std::string("Write a paragraph"), std::nullopt, rules()));
  }
  SUBCASE("the ridiculous test still applies: vague wording is refused") {
    Goal vague = goal_with("Do 10 push-ups", "2026-10-01");
    vague.minutes = 5;  // the goal's own estimate is over two minutes
    Chain c(vague, m, day("2026-10-31"), 0);
    CHECK(growth_refusal(c, std::string("Do 11 push-ups"), std::nullopt, rules()).value_or("") ==
          "'Do 11 push-ups' fails the ridiculous test: it takes 5 minutes; aim for 2 or less (the 2-minute "
          "rule); use --force to grow anyway");
  }
  SUBCASE("before the 30-day rule, nothing grows") {
    Chain early(g, m, day("2026-10-20"), 0);
    CHECK(growth_refusal(early, std::string("Do 11 push-ups"), std::nullopt, rules()).value_or("") ==
          "not ready to grow: 20 days on this step at 100%; the 30-day rule asks for 30 days at 90% or more first; "
          "use --force to grow anyway");
  }
  SUBCASE("a minimum of one's own: at most 10% more") {
    CHECK_FALSE(growth_refusal(chain, std::nullopt, 11.0, rules()));
    CHECK(growth_refusal(chain, std::nullopt, 12.0, rules()).value_or("") ==
          "growing from 10 to 12 is more than the 10% rule allows (at most 11); use the optional plus, or --force");
  }
}

}  // namespace microstep
