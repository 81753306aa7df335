/// Tests of core/judge/quantities: the numbers a step names, and what each one measures.
#include "core/judge/quantities.hpp"

#include <doctest/doctest.h>

#include "unit/builders.hpp"

namespace microstep {

namespace {

using Kind = Quantity::Kind;

std::vector<Quantity> of(const std::string& step) { return quantities(step, test::source_rules()); }

Quantity only(const std::string& step) {
  auto qs = of(step);
  REQUIRE(qs.size() == 1);
  return qs[0];
}

}  // namespace

TEST_CASE("quantities: durations, in minutes") {
  CHECK(only("Write for 30 minutes").minutes == 30);
  CHECK(only("Practice for an hour").minutes == 60);
  CHECK(only("Practice for an hour").article);
  CHECK(only("Read for half an hour").minutes == 30);
  CHECK(only("Go for a ten-minute walk").minutes == 10);
  CHECK(only("Go for a ten-minute walk").compound);
  CHECK(only("Study 2 hrs").minutes == 120);
  CHECK(only("Hold a plank for 30 seconds").minutes == doctest::Approx(0.5));
  CHECK(only("Write for 30 minutes").kind == Kind::duration);
  SUBCASE("minutes earlier or later is a shift in time, not a length") {
    CHECK(only("Go to bed 5 minutes earlier").kind == Kind::shift);
  }
}

TEST_CASE("quantities: distances, in metres") {
  CHECK(only("Run 5 km").kind == Kind::distance);
  CHECK(only("Run 5 km").metres == 5000);
  CHECK(only("Run a mile").metres == 1609);
  CHECK(only("Run a 5k").metres == 5000);
  CHECK(only("Cycle 10km").metres == 10000);
  CHECK(only("Walk 100 metres").metres == 100);
}

TEST_CASE("quantities: counts, with what they count and its handful") {
  Quantity glasses = only("Drink 8 glasses of water");
  CHECK(glasses.kind == Kind::count);
  CHECK(glasses.value == 8);
  CHECK(glasses.noun == "glass");
  CHECK(glasses.handful == 5);
  CHECK_FALSE(glasses.own_handful);
  Quantity words = only("Write 500 words");
  CHECK(words.own_handful);
  CHECK(words.handful == 50);
  CHECK(only("Do 10 jumping jacks").noun == "jumping jack");
  CHECK(only("Walk 10,000 steps").value == 10000);
  CHECK(only("Send 10 networking emails").noun == "email");
  CHECK(only("Do ten squats").as_word);
}

TEST_CASE("quantities: money and times of day are not sizes") {
  CHECK(only("Donate $5 to charity").kind == Kind::money);
  CHECK(only("Save 5 dollars").kind == Kind::money);
  CHECK(only("Go to bed by 10 pm").kind == Kind::time_of_day);
  CHECK(only("Stretch at 7").kind == Kind::time_of_day);
  CHECK(of("Stretch at 7:30").size() == 2);
  for (const Quantity& q : of("Stretch at 7:30")) CHECK(q.kind == Kind::time_of_day);
  CHECK(of("Write one sentence").size() == 1);
  CHECK(of("Call mom").empty());
}

TEST_CASE("quantities: numbers as a step writes them") {
  CHECK(number_text(1, true) == "one");
  CHECK(number_text(2, true) == "two");
  CHECK(number_text(2, false) == "2");
  CHECK(number_text(50, true) == "50");
  CHECK(number_text(2.5, true) == "2.5");
}

}  // namespace microstep
