/// Tests of core/model/local_zone: named zones across DST changes, odd offsets, and $TZ.
#include "core/model/local_zone.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "core/base/error.hpp"
#include "unit/builders.hpp"

namespace microstep {

using test::utc;

namespace {
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;


/// A local wall-clock reading.
date::local_seconds wall(int y, unsigned m, unsigned d, int hh, int mm, int ss = 0) {
  return date::local_days{date::year{y} / date::month{m} / date::day{d}} + hours{hh} +
         minutes{mm} + seconds{ss};
}

/// Sets $TZ for one scope and puts the old value back afterwards.
class ScopedTz {
 public:
  explicit ScopedTz(const char* value) {
    if (const char* old = std::getenv("TZ")) old_ = old;
    ::setenv("TZ", value, 1);
  }
  ~ScopedTz() {
    if (old_)
      ::setenv("TZ", old_->c_str(), 1);
    else
      ::unsetenv("TZ");
  }
  ScopedTz(const ScopedTz&) = delete;
  ScopedTz& operator=(const ScopedTz&) = delete;

 private:
  std::optional<std::string> old_;
};
}  // namespace

TEST_CASE("America/New_York: the 2026-03-08 spring-forward") {
  LocalZone ny = LocalZone::named("America/New_York");
  CHECK(ny.name() == "America/New_York");
  SUBCASE("offsets on either side of the change") {
    CHECK(ny.at(utc(2026, 3, 8, 6, 59, 59)).offset == minutes{-300});
    CHECK(ny.at(utc(2026, 3, 8, 7, 0, 0)).offset == minutes{-240});
  }
  SUBCASE("wall times around the gap are unique") {
    Moment before = ny.from_local(wall(2026, 3, 8, 1, 59, 59));
    CHECK(before.utc == utc(2026, 3, 8, 6, 59, 59));
    CHECK(before.offset == minutes{-300});
    Moment after = ny.from_local(wall(2026, 3, 8, 3, 0));
    CHECK(after.utc == utc(2026, 3, 8, 7, 0));
    CHECK(after.offset == minutes{-240});
  }
  SUBCASE("a skipped wall time moves forward") {
    Moment m = ny.from_local(wall(2026, 3, 8, 2, 30));
    CHECK(m.utc == utc(2026, 3, 8, 7, 30));
    CHECK(m.offset == minutes{-240});
    CHECK(local_time(m) == wall(2026, 3, 8, 3, 30));
    CHECK(format_moment(m) == "2026-03-08T03:30:00-04:00");
  }
  SUBCASE("the first second of the gap") {
    Moment m = ny.from_local(wall(2026, 3, 8, 2, 0));
    CHECK(m.utc == utc(2026, 3, 8, 7, 0));
    CHECK(local_time(m) == wall(2026, 3, 8, 3, 0));
  }
}

TEST_CASE("America/New_York: the 2026-11-01 fall-back") {
  LocalZone ny = LocalZone::named("America/New_York");
  SUBCASE("offsets on either side of the change") {
    CHECK(ny.at(utc(2026, 11, 1, 5, 59, 59)).offset == minutes{-240});
    CHECK(ny.at(utc(2026, 11, 1, 6, 0, 0)).offset == minutes{-300});
  }
  SUBCASE("a repeated wall time takes the earlier instant") {
    Moment m = ny.from_local(wall(2026, 11, 1, 1, 30));
    CHECK(m.utc == utc(2026, 11, 1, 5, 30));
    CHECK(m.offset == minutes{-240});
    CHECK(format_moment(m) == "2026-11-01T01:30:00-04:00");
  }
  SUBCASE("wall times after the repeated hour are unique") {
    Moment m = ny.from_local(wall(2026, 11, 1, 2, 0));
    CHECK(m.utc == utc(2026, 11, 1, 7, 0));
    CHECK(m.offset == minutes{-300});
  }
  SUBCASE("both instants of 01:30 read back as 01:30") {
    CHECK(local_time(ny.at(utc(2026, 11, 1, 5, 30))) == wall(2026, 11, 1, 1, 30));
    CHECK(local_time(ny.at(utc(2026, 11, 1, 6, 30))) == wall(2026, 11, 1, 1, 30));
  }
}

TEST_CASE("Asia/Kathmandu is at +05:45") {
  LocalZone ktm = LocalZone::named("Asia/Kathmandu");
  CHECK(ktm.at(utc(2026, 1, 15, 12, 0)).offset == minutes{345});
  CHECK(ktm.at(utc(2026, 7, 15, 12, 0)).offset == minutes{345});
  Moment m = ktm.from_local(wall(2026, 11, 22, 12, 0));
  CHECK(m.utc == utc(2026, 11, 22, 6, 15));
  CHECK(format_moment(m) == "2026-11-22T12:00:00+05:45");
  // 18:15 UTC is already the next day there.
  CHECK(format_moment(ktm.at(utc(2026, 11, 22, 18, 15))) == "2026-11-23T00:00:00+05:45");
}

TEST_CASE("Australia/Lord_Howe moves its clocks by half an hour") {
  LocalZone lh = LocalZone::named("Australia/Lord_Howe");
  SUBCASE("standard and summer offsets") {
    CHECK(lh.at(utc(2026, 7, 15, 0, 0)).offset == minutes{630});
    CHECK(lh.at(utc(2026, 1, 15, 0, 0)).offset == minutes{660});
  }
  SUBCASE("2026-10-04: 02:00 becomes 02:30, and a skipped time moves forward") {
    Moment before = lh.from_local(wall(2026, 10, 4, 1, 59));
    CHECK(before.offset == minutes{630});
    Moment skipped = lh.from_local(wall(2026, 10, 4, 2, 15));
    CHECK(skipped.utc == utc(2026, 10, 3, 15, 45));
    CHECK(skipped.offset == minutes{660});
    CHECK(local_time(skipped) == wall(2026, 10, 4, 2, 45));
  }
  SUBCASE("2026-04-05: 02:00 becomes 01:30, and a repeated time takes the earlier instant") {
    Moment repeated = lh.from_local(wall(2026, 4, 5, 1, 45));
    CHECK(repeated.utc == utc(2026, 4, 4, 14, 45));
    CHECK(repeated.offset == minutes{660});
    Moment after = lh.from_local(wall(2026, 4, 5, 2, 0));
    CHECK(after.offset == minutes{630});
    CHECK(after.utc == utc(2026, 4, 4, 15, 30));
  }
}

TEST_CASE("LocalZone::named refuses unknown zones") {
  CHECK_THROWS(LocalZone::named("Mars/Olympus_Mons"));
}

TEST_CASE("LocalZone::from_environment honours $TZ") {
  SUBCASE("a zone name") {
    ScopedTz tz("Europe/Paris");
    LocalZone z = LocalZone::from_environment();
    CHECK(z.name() == "Europe/Paris");
    CHECK(z.at(utc(2026, 1, 15, 12, 0)).offset == minutes{60});
    CHECK(z.at(utc(2026, 7, 15, 12, 0)).offset == minutes{120});
  }
  SUBCASE("a leading colon") {
    ScopedTz tz(":Europe/Paris");
    LocalZone z = LocalZone::from_environment();
    CHECK(z.name() == "Europe/Paris");
    CHECK(z.at(utc(2026, 7, 15, 12, 0)).offset == minutes{120});
  }
  SUBCASE("a path into the zoneinfo directory") {
    ScopedTz tz("/usr/share/zoneinfo/Asia/Kathmandu");
    LocalZone z = LocalZone::from_environment();
    CHECK(z.name() == "Asia/Kathmandu");
    CHECK(z.at(utc(2026, 7, 15, 12, 0)).offset == minutes{345});
  }
  SUBCASE("UTC") {
    ScopedTz tz("UTC");
    CHECK(LocalZone::from_environment().at(utc(2026, 7, 15, 12, 0)).offset == minutes{0});
  }
  SUBCASE("a POSIX rule") {
    ScopedTz tz("EST5EDT,M3.2.0,M11.1.0");
    LocalZone z = LocalZone::from_environment();
    CHECK(z.at(utc(2026, 1, 15, 12, 0)).offset == minutes{-300});
    CHECK(z.at(utc(2026, 7, 15, 12, 0)).offset == minutes{-240});
    CHECK(z.at(utc(2026, 3, 8, 6, 59, 59)).offset == minutes{-300});
    CHECK(z.at(utc(2026, 3, 8, 7, 0)).offset == minutes{-240});
    Moment skipped = z.from_local(wall(2026, 3, 8, 2, 30));
    CHECK(local_time(skipped) == wall(2026, 3, 8, 3, 30));
    Moment repeated = z.from_local(wall(2026, 11, 1, 1, 30));
    CHECK(repeated.utc == utc(2026, 11, 1, 5, 30));
  }
  SUBCASE("a POSIX rule with a quoted name and minutes") {
    ScopedTz tz("<+0330>-3:30");
    LocalZone z = LocalZone::from_environment();
    CHECK(z.at(utc(2026, 7, 15, 12, 0)).offset == minutes{210});
  }
  SUBCASE("an unusable value is a usage error naming it") {
    ScopedTz tz("Not a zone!");
    try {
      LocalZone::from_environment();
      FAIL("no exception");
    } catch (const Failure& e) {
      CHECK(e.code() == ExitCode::usage);
      CHECK(std::string(e.what()).find("Not a zone!") != std::string::npos);
    }
  }
}

}  // namespace microstep
