/// Tests of core/model/clock: the local day a moment counts for, pinned clocks and DATE arguments.
#include "core/model/clock.hpp"

#include <doctest/doctest.h>

#include "core/base/error.hpp"

namespace microstep {

namespace {
using std::chrono::hours;
using std::chrono::minutes;

/// A day from its parts.
Day ymd(int y, unsigned m, unsigned d) {
  return Day{date::year{y} / date::month{m} / date::day{d}};
}

/// A moment from its text, which must be valid.
Moment moment(const char* text) {
  auto m = parse_moment(text);
  REQUIRE(m);
  return *m;
}

/// A zone provider that fails the test if it is asked: pinned runs must not need a zone.
const LocalZone& no_zone() { throw std::logic_error("the zone was asked for"); }

/// Checks that `f` throws a usage error whose message contains `text`.
template <class F>
void check_usage_error(F f, const std::string& text) {
  try {
    f();
    FAIL("no exception");
  } catch (const Failure& e) {
    CHECK(e.code() == ExitCode::usage);
    CHECK(std::string(e.what()).find(text) != std::string::npos);
  }
}
}  // namespace

TEST_CASE("day_of: the day boundary") {
  SUBCASE("with the day starting at midnight") {
    CHECK(day_of(moment("2026-11-22T00:00:00Z"), minutes{0}) == ymd(2026, 11, 22));
    CHECK(day_of(moment("2026-11-22T23:59:59Z"), minutes{0}) == ymd(2026, 11, 22));
  }
  SUBCASE("with the day starting at 04:00, 01:30 counts for the day before") {
    CHECK(day_of(moment("2026-11-22T01:30:00+01:00"), hours{4}) == ymd(2026, 11, 21));
    CHECK(day_of(moment("2026-11-22T03:59:59+01:00"), hours{4}) == ymd(2026, 11, 21));
    CHECK(day_of(moment("2026-11-22T04:00:00+01:00"), hours{4}) == ymd(2026, 11, 22));
    CHECK(day_of(moment("2026-11-22T23:59:59+01:00"), hours{4}) == ymd(2026, 11, 22));
  }
  SUBCASE("across a month and a year") {
    CHECK(day_of(moment("2026-12-01T01:30:00Z"), hours{4}) == ymd(2026, 11, 30));
    CHECK(day_of(moment("2027-01-01T02:00:00Z"), hours{4}) == ymd(2026, 12, 31));
  }
  SUBCASE("the local reading counts, not the UTC one") {
    // 23:30 UTC is already 01:30 the next day at +02:00.
    Moment m = moment("2026-11-23T01:30:00+02:00");
    CHECK(day_of(m, minutes{0}) == ymd(2026, 11, 23));
    CHECK(day_of(m, hours{4}) == ymd(2026, 11, 22));
    Moment west = moment("2026-11-22T20:00:00-05:00");  // 01:00 UTC on the 23rd
    CHECK(day_of(west, minutes{0}) == ymd(2026, 11, 22));
  }
}

TEST_CASE("time_of_day_has_come: a reminder's time in a journal day") {
  // The day starts at midnight: 08:30 has come at 08:30, not at 08:29.
  CHECK(time_of_day_has_come(hours{8} + minutes{30}, moment("2026-11-22T08:30:00Z"), minutes{0}));
  CHECK_FALSE(time_of_day_has_come(hours{8} + minutes{30}, moment("2026-11-22T08:29:00Z"), minutes{0}));
  // The day starts at 04:00: at 01:30 the day is late, so 22:00 has come; 05:00 has not.
  CHECK(time_of_day_has_come(hours{22}, moment("2026-11-23T01:30:00Z"), hours{4}));
  CHECK_FALSE(time_of_day_has_come(hours{5}, moment("2026-11-23T04:30:00Z"), hours{4}));
  CHECK(time_of_day_has_come(hours{5}, moment("2026-11-23T05:00:00Z"), hours{4}));
  // 02:00 belongs to the end of a day that starts at 04:00: not come at 23:00.
  CHECK_FALSE(time_of_day_has_come(hours{2}, moment("2026-11-22T23:00:00Z"), hours{4}));
}

TEST_CASE("resolve_clock: --now with an offset needs no zone") {
  SUBCASE("today follows from now") {
    Clock c = resolve_clock(std::nullopt, "2026-11-22T07:31:05+01:00", minutes{0}, no_zone);
    CHECK(c.now == moment("2026-11-22T07:31:05+01:00"));
    CHECK(c.today == ymd(2026, 11, 22));
  }
  SUBCASE("with the day starting at 04:00") {
    Clock c = resolve_clock(std::nullopt, "2026-11-22T01:30+01:00", hours{4}, no_zone);
    CHECK(c.today == ymd(2026, 11, 21));
    CHECK(c.now.offset == minutes{60});
  }
  SUBCASE("Z") {
    Clock c = resolve_clock(std::nullopt, "2026-11-22T23:30Z", minutes{0}, no_zone);
    CHECK(c.now.offset == minutes{0});
    CHECK(c.today == ymd(2026, 11, 22));
  }
  SUBCASE("--today wins over the day of --now") {
    Clock c = resolve_clock("2026-01-05", "2026-11-22T07:31:05+01:00", minutes{0}, no_zone);
    CHECK(c.today == ymd(2026, 1, 5));
    CHECK(c.now == moment("2026-11-22T07:31:05+01:00"));
  }
}

TEST_CASE("resolve_clock: --now without an offset is placed in the local zone") {
  LocalZone paris = LocalZone::named("Europe/Paris");
  int asked = 0;
  auto zone = [&]() -> const LocalZone& {
    ++asked;
    return paris;
  };
  SUBCASE("winter") {
    Clock c = resolve_clock(std::nullopt, "2026-11-22T07:31:05", minutes{0}, zone);
    CHECK(asked == 1);
    CHECK(c.now == moment("2026-11-22T07:31:05+01:00"));
    CHECK(c.today == ymd(2026, 11, 22));
  }
  SUBCASE("summer, just after midnight, with the day starting at 04:00") {
    Clock c = resolve_clock(std::nullopt, "2026-07-01T00:15", hours{4}, zone);
    CHECK(c.now == moment("2026-07-01T00:15:00+02:00"));
    CHECK(c.today == ymd(2026, 6, 30));
  }
}

TEST_CASE("resolve_clock: the real clock") {
  LocalZone utc = LocalZone::named("UTC");
  int asked = 0;
  auto zone = [&]() -> const LocalZone& {
    ++asked;
    return utc;
  };
  auto before = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  SUBCASE("today from now") {
    Clock c = resolve_clock(std::nullopt, std::nullopt, minutes{0}, zone);
    auto after = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    CHECK(asked == 1);
    CHECK(c.now.utc >= before);
    CHECK(c.now.utc <= after);
    CHECK(c.now.offset == minutes{0});
    CHECK(c.today == day_of(c.now, minutes{0}));
  }
  SUBCASE("--today alone pins the day but not the time") {
    Clock c = resolve_clock("2026-11-22", std::nullopt, minutes{0}, zone);
    CHECK(c.today == ymd(2026, 11, 22));
    CHECK(c.now.utc >= before);
  }
}

TEST_CASE("resolve_clock refuses bad pins with a usage error") {
  SUBCASE("--now") {
    check_usage_error([] { resolve_clock(std::nullopt, "yesterday", minutes{0}, no_zone); },
                      "--now 'yesterday'");
    check_usage_error(
        [] { resolve_clock(std::nullopt, "2026-11-22T25:00Z", minutes{0}, no_zone); },
        "--now");
  }
  SUBCASE("--today") {
    check_usage_error(
        [] { resolve_clock("2026-02-30", "2026-11-22T07:31Z", minutes{0}, no_zone); },
        "--today '2026-02-30'");
    check_usage_error(
        [] { resolve_clock("2026-11-22T07:31Z", "2026-11-22T07:31Z", minutes{0}, no_zone); },
        "--today");
  }
}

TEST_CASE("parse_date_arg") {
  const Day today = ymd(2026, 3, 1);
  SUBCASE("today and yesterday") {
    CHECK(parse_date_arg("today", today) == today);
    CHECK(parse_date_arg("yesterday", today) == ymd(2026, 2, 28));
  }
  SUBCASE("-N days before today") {
    CHECK(parse_date_arg("-0", today) == today);
    CHECK(parse_date_arg("-1", today) == ymd(2026, 2, 28));
    CHECK(parse_date_arg("-3", today) == ymd(2026, 2, 26));
    CHECK(parse_date_arg("-365", today) == ymd(2025, 3, 1));
    CHECK(parse_date_arg("-100000", today) == today - date::days{100000});
  }
  SUBCASE("ISO dates") {
    CHECK(parse_date_arg("2026-11-22", today) == ymd(2026, 11, 22));
    CHECK(parse_date_arg("2024-02-29", today) == ymd(2024, 2, 29));
  }
  SUBCASE("impossible dates") {
    CHECK_FALSE(parse_date_arg("2026-02-30", today));
    CHECK_FALSE(parse_date_arg("0000-01-01", today));
  }
  SUBCASE("no days into the future, no junk") {
    CHECK_FALSE(parse_date_arg("+3", today));
    CHECK_FALSE(parse_date_arg("3", today));
    CHECK_FALSE(parse_date_arg("--3", today));
    CHECK_FALSE(parse_date_arg("-+3", today));
    CHECK_FALSE(parse_date_arg("-x", today));
    CHECK_FALSE(parse_date_arg("-", today));
    CHECK_FALSE(parse_date_arg("-3x", today));
    CHECK_FALSE(parse_date_arg("- 3", today));
    CHECK_FALSE(parse_date_arg("-100001", today));
    CHECK_FALSE(parse_date_arg("-99999999999999999999999", today));
    CHECK_FALSE(parse_date_arg("", today));
    CHECK_FALSE(parse_date_arg("Today", today));
    CHECK_FALSE(parse_date_arg("tomorrow", today));
    CHECK_FALSE(parse_date_arg(" today", today));
  }
}

TEST_CASE("clock: durations such as remind --again-after takes") {
  using namespace std::chrono_literals;
  CHECK(parse_duration("90m") == 90min);
  CHECK(parse_duration("2h") == 2h);
  CHECK(parse_duration("1h30m") == 90min);
  for (const char* bad : {"", "2", "h", "2 h", "2hours", "30m1h", "0m", "1h1h", "-2h", "1.5h"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_duration(bad));
  }
}

}  // namespace microstep
