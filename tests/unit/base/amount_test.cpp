/// Tests of core/base/amount: the plain decimal numbers a check-in may carry.
#include "core/base/amount.hpp"

#include <doctest/doctest.h>

#include <string>

namespace microstep {

TEST_CASE("parse_amount accepts plain decimals") {
  SUBCASE("integers") {
    CHECK(parse_amount("3") == 3.0);
    CHECK(parse_amount("0") == 0.0);
    CHECK(parse_amount("007") == 7.0);
    // Up to 9 digits take the whole-number path, 10 the decimal parser: both ends of the switch.
    CHECK(parse_amount("999999999") == 999999999.0);
    CHECK(parse_amount("123456789") == 123456789.0);
    CHECK(parse_amount("0000000012") == 12.0);
    CHECK_FALSE(parse_amount("1000000001"));
  }
  SUBCASE("fractions") {
    CHECK(parse_amount("2.5") == 2.5);
    CHECK(parse_amount("0.0") == 0.0);
    CHECK(parse_amount("0.001") == 0.001);
    CHECK(parse_amount("999999999.999") == 999999999.999);
  }
  SUBCASE("the maximum") {
    CHECK(parse_amount("1000000000") == kMaxAmount);
    CHECK(parse_amount("1000000000.0") == kMaxAmount);
  }
  SUBCASE("32 characters is the longest text") {
    CHECK(parse_amount(std::string(31, '0') + "3") == 3.0);
  }
}

TEST_CASE("parse_amount refuses everything else") {
  SUBCASE("empty and too long") {
    CHECK_FALSE(parse_amount(""));
    CHECK_FALSE(parse_amount(std::string(32, '0') + "3"));
  }
  SUBCASE("signs") {
    CHECK_FALSE(parse_amount("-1"));
    CHECK_FALSE(parse_amount("+1"));
    CHECK_FALSE(parse_amount("-0"));
  }
  SUBCASE("exponents, inf and nan") {
    CHECK_FALSE(parse_amount("1e3"));
    CHECK_FALSE(parse_amount("1E3"));
    CHECK_FALSE(parse_amount("inf"));
    CHECK_FALSE(parse_amount("nan"));
    CHECK_FALSE(parse_amount("0x10"));
  }
  SUBCASE("misplaced dots") {
    CHECK_FALSE(parse_amount(".5"));
    CHECK_FALSE(parse_amount("5."));
    CHECK_FALSE(parse_amount("."));
    CHECK_FALSE(parse_amount("1.2.3"));
  }
  SUBCASE("other characters") {
    CHECK_FALSE(parse_amount(" 3"));
    CHECK_FALSE(parse_amount("3 "));
    CHECK_FALSE(parse_amount("1,5"));
    CHECK_FALSE(parse_amount("3km"));
  }
  SUBCASE("above the maximum") {
    CHECK_FALSE(parse_amount("1000000000.5"));
    CHECK_FALSE(parse_amount("1000000001"));
    CHECK_FALSE(parse_amount("99999999999999999999"));
  }
}

}  // namespace microstep
