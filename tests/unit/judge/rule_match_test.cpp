/// Tests of core/judge/rule_match: which of the coaching rules' phrases a step holds.
#include "core/judge/rule_match.hpp"

#include <doctest/doctest.h>

#include "unit/builders.hpp"

namespace microstep {

namespace {

const CoachRules& rules() { return test::source_rules(); }

}  // namespace

TEST_CASE("rule match: a phrase with a {noun} finds the noun") {
  auto m = match_phrase("learn spanish", rules().skills);
  REQUIRE(m);
  CHECK(m->noun == "Spanish");
  CHECK(fill_template(m->rule->step, "Learn Spanish", *m) == "Learn one new Spanish word");
  CHECK_FALSE(match_phrase("learn one new spanish word", rules().skills));
}

TEST_CASE("rule match: {object} is what the verb acts on") {
  auto m = match_phrase("call my sister on sundays", rules().preparations);
  REQUIRE(m);
  CHECK(fill_template(m->rule->step, "Call my sister on Sundays", *m) == "Send my sister a one-line text");
  auto alone = match_phrase("call", rules().preparations);
  REQUIRE(alone);
  CHECK(fill_template(alone->rule->step, "Call", *alone) == "Send a one-line text");
}

TEST_CASE("rule match: a job is found with its determiner, not after a preposition") {
  auto m = match_job("clean the whole kitchen", rules().jobs);
  REQUIRE(m);
  CHECK(m->start == 6);
  CHECK(m->det == "the");
  CHECK(fill_template(m->rule->part, "Clean the whole kitchen", *m) == "one counter in the kitchen");
  auto mine = match_job("clean my kitchen", rules().jobs);
  REQUIRE(mine);
  CHECK(fill_template(mine->rule->part, "Clean my kitchen", *mine) == "one counter in my kitchen");
  CHECK(match_job("floss all of my teeth", rules().jobs)->start == 6);
  CHECK_FALSE(match_job("clean one counter in the kitchen", rules().jobs));
  CHECK_FALSE(match_job("clean kitchen", rules().jobs));
}

TEST_CASE("rule match: the generic whole job") {
  auto m = match_whole("paint the whole fence today");
  REQUIRE(m);
  CHECK(m->noun == "fence");
  CHECK(m->det == "the");
  CHECK_FALSE(match_whole("eat a whole apple"));  // no determiner: a whole thing, not a job
}

TEST_CASE("rule match: a place to go, and a session the step does") {
  CHECK(match_place("go to the gym", rules().going, rules().places)->noun == "gym");
  CHECK(match_place("head to my yoga class", rules().going, rules().places)->noun == "yoga class");
  CHECK_FALSE(match_place("go to bed", rules().going, rules().places));
  CHECK(match_session("do a workout", rules().replacements));
  CHECK(match_session("meditate", rules().replacements));
  CHECK_FALSE(match_session("put on your workout clothes", rules().replacements));
  CHECK_FALSE(match_session("complete one exercise", rules().replacements));
}

}  // namespace microstep
