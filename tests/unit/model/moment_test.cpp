/// Tests of core/model/moment: timestamps with their UTC offset, as log lines write them.
#include "core/model/moment.hpp"

#include <doctest/doctest.h>

#include "core/model/day.hpp"
#include "unit/builders.hpp"

namespace microstep {

using test::utc;

namespace {
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

}  // namespace

TEST_CASE("parse_moment reads a timestamp with its offset") {
  SUBCASE("a positive offset") {
    auto m = parse_moment("2026-11-22T07:31:05+01:00");
    REQUIRE(m);
    CHECK(m->utc == utc(2026, 11, 22, 6, 31, 5));
    CHECK(m->offset == minutes{60});
  }
  SUBCASE("Z is UTC") {
    auto m = parse_moment("2026-11-22T07:31:05Z");
    REQUIRE(m);
    CHECK(m->utc == utc(2026, 11, 22, 7, 31, 5));
    CHECK(m->offset == minutes{0});
  }
  SUBCASE("a negative offset with minutes") {
    auto m = parse_moment("2026-11-22T22:00:00-03:30");
    REQUIRE(m);
    CHECK(m->utc == utc(2026, 11, 23, 1, 30));
    CHECK(m->offset == minutes{-210});
  }
  SUBCASE("seconds are optional") {
    auto m = parse_moment("2026-11-22T07:31+05:45");
    REQUIRE(m);
    CHECK(m->utc == utc(2026, 11, 22, 1, 46));
    CHECK(m->offset == minutes{345});
  }
  SUBCASE("a space may stand for the T") {
    CHECK(parse_moment("2026-11-22 07:31:05Z") == parse_moment("2026-11-22T07:31:05Z"));
  }
  SUBCASE("an offset that crosses the day back") {
    auto m = parse_moment("2026-01-01T00:30:00+01:00");
    REQUIRE(m);
    CHECK(m->utc == utc(2025, 12, 31, 23, 30));
  }
}

TEST_CASE("parse_moment needs an offset - parse_moment_text does not") {
  CHECK_FALSE(parse_moment("2026-11-22T07:31:05"));
  auto t = parse_moment_text("2026-11-22T07:31:05");
  REQUIRE(t);
  CHECK(t->wall == utc(2026, 11, 22, 7, 31, 5));
  CHECK_FALSE(t->offset);
  auto z = parse_moment_text("2026-11-22T07:31-02:00");
  REQUIRE(z);
  CHECK(z->wall == utc(2026, 11, 22, 7, 31));
  CHECK(z->offset == minutes{-120});
}

TEST_CASE("parse_moment_text refuses malformed timestamps") {
  SUBCASE("out of range fields") {
    CHECK_FALSE(parse_moment_text("2026-11-22T24:00:00Z"));
    CHECK_FALSE(parse_moment_text("2026-11-22T23:60:00Z"));
    CHECK_FALSE(parse_moment_text("2026-11-22T23:59:60Z"));
    CHECK_FALSE(parse_moment_text("2026-02-30T10:00Z"));
    CHECK_FALSE(parse_moment_text("0000-01-01T10:00Z"));
  }
  SUBCASE("bad offsets") {
    CHECK_FALSE(parse_moment_text("2026-11-22T07:31+24:00"));
    CHECK_FALSE(parse_moment_text("2026-11-22T07:31+01:60"));
    CHECK_FALSE(parse_moment_text("2026-11-22T07:31+0100"));
    CHECK_FALSE(parse_moment_text("2026-11-22T07:31+01"));
    CHECK_FALSE(parse_moment_text("2026-11-22T07:31 +01:00"));
    CHECK_FALSE(parse_moment_text("2026-11-22T07:31z"));
    CHECK_FALSE(parse_moment_text("2026-11-22T07:31UTC"));
  }
  SUBCASE("wrong shapes") {
    CHECK_FALSE(parse_moment_text(""));
    CHECK_FALSE(parse_moment_text("2026-11-22"));
    CHECK_FALSE(parse_moment_text("2026-11-22T7:31"));
    CHECK_FALSE(parse_moment_text("2026-11-22t07:31"));
    CHECK_FALSE(parse_moment_text("2026-11-22T07-31"));
    CHECK_FALSE(parse_moment_text("2026-11-22T07:31:"));
    CHECK_FALSE(parse_moment_text("2026-11-22T07:31:5"));
    CHECK_FALSE(parse_moment_text("2026-11-22T07:31:05.5Z"));
    CHECK_FALSE(parse_moment_text("2026-11-22T07:31:05Zjunk"));
  }
}

TEST_CASE("format_moment writes the local reading and the offset") {
  SUBCASE("a zero offset is +00:00") {
    CHECK(format_moment({utc(2026, 11, 22, 7, 31, 5), minutes{0}}) ==
          "2026-11-22T07:31:05+00:00");
  }
  SUBCASE("positive and negative offsets") {
    CHECK(format_moment({utc(2026, 11, 22, 6, 31, 5), minutes{60}}) ==
          "2026-11-22T07:31:05+01:00");
    CHECK(format_moment({utc(2026, 11, 23, 1, 30), minutes{-210}}) ==
          "2026-11-22T22:00:00-03:30");
    CHECK(format_moment({utc(2026, 11, 22, 1, 46), minutes{345}}) ==
          "2026-11-22T07:31:00+05:45");
  }
  SUBCASE("the local day may differ from the UTC day") {
    CHECK(format_moment({utc(2026, 11, 22, 23, 30), minutes{60}}) ==
          "2026-11-23T00:30:00+01:00");
    CHECK(format_moment({utc(2026, 1, 1, 0, 30), minutes{-60}}) ==
          "2025-12-31T23:30:00-01:00");
  }
  SUBCASE("round trips") {
    for (int off : {-720, -210, -60, 0, 60, 345, 840}) {
      Moment m{utc(2026, 3, 8, 6, 59, 59), minutes{off}};
      CAPTURE(off);
      CHECK(parse_moment(format_moment(m)) == m);
    }
  }
}

TEST_CASE("local_time adds the offset") {
  Moment m{utc(2026, 11, 22, 23, 30), minutes{90}};
  CHECK(local_time(m) == date::local_days{date::year{2026} / 11 / 23} + hours{1});
}

}  // namespace microstep
