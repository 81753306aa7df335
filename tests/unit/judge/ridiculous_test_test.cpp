/// Tests of core/judge/ridiculous_test: why a step is probably still too big for a bad day.
#include "core/judge/ridiculous_test.hpp"

#include <doctest/doctest.h>

#include "unit/builders.hpp"

namespace microstep {

namespace {

const CoachRules& installed_rules() { return test::source_rules(); }

std::vector<std::string> too_big(const std::string& step, std::optional<double> minutes = std::nullopt) {
  return ridiculous_test(step, minutes, installed_rules());
}

}  // namespace

TEST_CASE("the ridiculous test: why a step is too big") {
  CHECK(too_big("Write one sentence").empty());
  CHECK(too_big("Write one sentence", 2.0).empty());
  CHECK(too_big("Do 10 jumping jacks").empty());
  CHECK(too_big("Write 50 words").empty());
  CHECK(too_big("Hold a plank for 30 seconds").empty());
  CHECK(too_big("Go to bed 5 minutes earlier").empty());
  auto one = [](const std::string& step, std::optional<double> minutes = std::nullopt) {
    auto reasons = too_big(step, minutes);
    REQUIRE(reasons.size() == 1);
    return reasons[0];
  };
  CHECK(one("Write one sentence", 5.0) == "it takes 5 minutes; aim for 2 or less (the 2-minute rule)");
  CHECK(one("Write for 30 minutes") == "it names a duration over 2 minutes (the 2-minute rule)");
  CHECK(one("Run 5 km") == "'5 km' is a distance; on a bad day a start is enough");
  CHECK(one("Drink 8 glasses of water") == "'8 glasses' is more than a handful for a bad day");
  CHECK(one("Do 50 push-ups") == "'50 push-ups' is more than a handful for a bad day");
  CHECK(one("Learn Spanish") == "'Learn Spanish' is a big goal rather than a step");
  CHECK(one("Go to the gym") == "'Go to the gym' starts with a trip before the step");
  CHECK(one("Meditate") == "'Meditate' is a whole session");
  CHECK(one("Clean the whole kitchen") == "'the whole kitchen' is a whole job");
  CHECK(one("Be healthier") == "'be healthier' is vague: there is nothing to measure");
  SUBCASE("a big goal is named once, not also as vague wording") {
    CHECK(one("Work on my business") == "'Work on my business' is a big goal rather than a step");
  }
  SUBCASE("without counting numbers (grow), the 10% rule judges them") {
    CHECK(ridiculous_test("Do 50 push-ups", std::nullopt, installed_rules(), false).empty());
    CHECK(ridiculous_test("Run 5 km", std::nullopt, installed_rules(), false).empty());
    CHECK(ridiculous_test("Do 11 push-ups", 5.0, installed_rules(), false).size() == 1);  // the estimate stays
  }
}

}  // namespace microstep
