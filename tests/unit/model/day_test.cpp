/// Tests of core/model/day: strict ISO dates, formatting and calendar arithmetic.
#include "core/model/day.hpp"

#include <doctest/doctest.h>

namespace microstep {

namespace {
/// A day from its parts, for readable expectations.
Day ymd(int y, unsigned m, unsigned d) {
  return Day{date::year{y} / date::month{m} / date::day{d}};
}
}  // namespace

TEST_CASE("parse_iso_day accepts real calendar dates") {
  SUBCASE("an ordinary date") { CHECK(parse_iso_day("2026-11-22") == ymd(2026, 11, 22)); }
  SUBCASE("a leap day in a leap year") { CHECK(parse_iso_day("2024-02-29") == ymd(2024, 2, 29)); }
  SUBCASE("2000 is a leap year") { CHECK(parse_iso_day("2000-02-29") == ymd(2000, 2, 29)); }
  SUBCASE("the first and last supported days") {
    CHECK(parse_iso_day("0001-01-01") == ymd(1, 1, 1));
    CHECK(parse_iso_day("9999-12-31") == ymd(9999, 12, 31));
  }
}

TEST_CASE("parse_iso_day refuses anything else") {
  SUBCASE("impossible dates") {
    CHECK_FALSE(parse_iso_day("2026-02-29"));
    CHECK_FALSE(parse_iso_day("1900-02-29"));
    CHECK_FALSE(parse_iso_day("2026-02-30"));
    CHECK_FALSE(parse_iso_day("2026-04-31"));
    CHECK_FALSE(parse_iso_day("2026-13-01"));
    CHECK_FALSE(parse_iso_day("2026-00-10"));
    CHECK_FALSE(parse_iso_day("2026-01-00"));
    CHECK_FALSE(parse_iso_day("2026-01-32"));
  }
  SUBCASE("year zero") { CHECK_FALSE(parse_iso_day("0000-01-01")); }
  SUBCASE("wrong shapes") {
    CHECK_FALSE(parse_iso_day(""));
    CHECK_FALSE(parse_iso_day("2026-1-01"));
    CHECK_FALSE(parse_iso_day("2026-01-1"));
    CHECK_FALSE(parse_iso_day("26-01-01"));
    CHECK_FALSE(parse_iso_day("12026-01-01"));
    CHECK_FALSE(parse_iso_day("2026/01/01"));
    CHECK_FALSE(parse_iso_day("20260101"));
    CHECK_FALSE(parse_iso_day("2026-01-01T00:00"));
  }
  SUBCASE("stray characters") {
    CHECK_FALSE(parse_iso_day(" 2026-01-01"));
    CHECK_FALSE(parse_iso_day("2026-01-01 "));
    CHECK_FALSE(parse_iso_day("+026-01-01"));
    CHECK_FALSE(parse_iso_day("-026-01-01"));
    CHECK_FALSE(parse_iso_day("2026-+1-01"));
    CHECK_FALSE(parse_iso_day("2026-0a-01"));
    CHECK_FALSE(parse_iso_day("2026-01- 1"));
  }
}

TEST_CASE("format_day writes YYYY-MM-DD and round-trips") {
  SUBCASE("zero padding") {
    CHECK(format_day(ymd(2026, 1, 5)) == "2026-01-05");
    CHECK(format_day(ymd(1, 1, 1)) == "0001-01-01");
    CHECK(format_day(ymd(9999, 12, 31)) == "9999-12-31");
  }
  SUBCASE("round trip over several years of days") {
    for (Day d = ymd(2023, 12, 25); d <= ymd(2028, 3, 5); d += date::days{1}) {
      auto back = parse_iso_day(format_day(d));
      REQUIRE(back);
      CHECK(*back == d);
    }
  }
}

TEST_CASE("day numbers count days since 1970-01-01") {
  CHECK(day_number(ymd(1970, 1, 1)) == 0);
  CHECK(day_number(ymd(1970, 1, 2)) == 1);
  CHECK(day_number(ymd(1969, 12, 31)) == -1);
  CHECK(day_from_number(day_number(ymd(2026, 11, 22))) == ymd(2026, 11, 22));
  CHECK(day_from_number(-719162) == ymd(1, 1, 1));
}

TEST_CASE("iso_weekday_index counts from Monday") {
  CHECK(iso_weekday_index(ymd(2026, 11, 16)) == 0);  // Monday
  CHECK(iso_weekday_index(ymd(2026, 11, 19)) == 3);  // Thursday
  CHECK(iso_weekday_index(ymd(2026, 11, 22)) == 6);  // Sunday
  CHECK(iso_weekday_index(ymd(1970, 1, 1)) == 3);    // a Thursday
}

TEST_CASE("start_of_week honours the week start") {
  SUBCASE("weeks starting on Monday") {
    CHECK(start_of_week(ymd(2026, 11, 22), 0) == ymd(2026, 11, 16));
    CHECK(start_of_week(ymd(2026, 11, 16), 0) == ymd(2026, 11, 16));
    CHECK(start_of_week(ymd(2026, 11, 18), 0) == ymd(2026, 11, 16));
  }
  SUBCASE("weeks starting on Sunday") {
    CHECK(start_of_week(ymd(2026, 11, 22), 6) == ymd(2026, 11, 22));
    CHECK(start_of_week(ymd(2026, 11, 21), 6) == ymd(2026, 11, 15));
  }
  SUBCASE("across a month and a year") {
    CHECK(start_of_week(ymd(2027, 1, 1), 0) == ymd(2026, 12, 28));
  }
}

TEST_CASE("months: first day and length") {
  CHECK(start_of_month(ymd(2026, 11, 22)) == ymd(2026, 11, 1));
  CHECK(start_of_month(ymd(2026, 11, 1)) == ymd(2026, 11, 1));
  CHECK(days_in_month(ymd(2026, 1, 31)) == 31);
  CHECK(days_in_month(ymd(2026, 4, 10)) == 30);
  CHECK(days_in_month(ymd(2026, 2, 1)) == 28);
  CHECK(days_in_month(ymd(2024, 2, 1)) == 29);
  CHECK(days_in_month(ymd(1900, 2, 1)) == 28);
  CHECK(days_in_month(ymd(2000, 2, 1)) == 29);
  CHECK(days_in_month(ymd(2026, 12, 31)) == 31);
}

TEST_CASE("names of days and months") {
  CHECK(format_long_day(ymd(2026, 11, 22)) == "Sunday 22 November 2026");
  CHECK(format_long_day(ymd(2026, 1, 5)) == "Monday 5 January 2026");
  CHECK(weekday_short_name(0) == "mon");
  CHECK(weekday_short_name(6) == "sun");
  CHECK(weekday_long_name(2) == "Wednesday");
  CHECK(month_long_name(1) == "January");
  CHECK(month_long_name(12) == "December");
}

}  // namespace microstep
