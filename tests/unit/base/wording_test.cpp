/// Tests of core/base/wording: numbers turned into words.
#include "core/base/wording.hpp"

#include <doctest/doctest.h>

namespace microstep {

TEST_CASE("wording: counts with their unit") {
  CHECK(count_with_unit(0, "day") == "0 days");
  CHECK(count_with_unit(1, "day") == "1 day");
  CHECK(count_with_unit(2, "week") == "2 weeks");
  CHECK(count_with_unit(1, "month") == "1 month");
  CHECK(count_with_unit(12, "sentence") == "12 sentences");
  CHECK(count_with_unit(2, "glass") == "2 glasses");
  CHECK(count_with_unit(3, "scheduled day") == "3 scheduled days");
  CHECK(count_with_unit(1, "check-in") == "1 check-in");
}

TEST_CASE("wording: an amount agrees with the unit the person wrote") {
  CHECK(amount_with_unit(1, "sentences") == "1 sentence");
  CHECK(amount_with_unit(3, "sentences") == "3 sentences");
  CHECK(amount_with_unit(1, "glasses of water") == "1 glass of water");
  CHECK(amount_with_unit(2, "glass of water") == "2 glasses of water");
  CHECK(amount_with_unit(1, "check-ins") == "1 check-in");
  CHECK(amount_with_unit(2.5, "km") == "2.5 km");
  CHECK(amount_with_unit(1, "km") == "1 km");
  CHECK(amount_with_unit(0, "pages") == "0 pages");
  CHECK(amount_with_unit(4, "") == "4");
}

TEST_CASE("wording: percentages and numbers for people") {
  CHECK(percent(std::nullopt) == "-");  // nothing to judge
  CHECK(percent(0.0) == "0%");
  CHECK(percent(1.0) == "100%");
  CHECK(percent(5.0 / 6) == "83%");
  CHECK(percent(6.0 / 7) == "86%");
  CHECK(percent(0.996) == "100%");
  CHECK(format_number(3) == "3");
  CHECK(format_number(2.5) == "2.5");
  CHECK(format_number(1.0 / 3) == "0.33");
  CHECK(format_number(2.0 / 3) == "0.67");
  CHECK(format_number(0) == "0");
  CHECK(format_number(100000) == "100000");  // never 1e+05
}

}  // namespace microstep
