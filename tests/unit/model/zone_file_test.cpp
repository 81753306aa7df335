/// Tests of core/model/zone_file and of LocalZone built on it: the one zone file read gives the
/// offsets date's full zone database gives, across every transition from 1970 to 2037.
#include "core/model/zone_file.hpp"

#include <doctest/doctest.h>
#include <date/tz.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/model/local_zone.hpp"

namespace microstep {

namespace {
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

std::string zone_bytes(const std::string& name) {
  std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

date::sys_seconds year_start(int y) { return date::sys_days{date::year{y} / 1 / 1}; }

/// The reference: what LocalZone::from_local gave when it asked date's full database (a
/// repeated time takes the earlier instant, a skipped one the offset from before the gap).
Moment reference_from_local(const date::time_zone* zone, date::local_seconds wall) {
  date::local_info info = zone->get_info(wall);
  date::sys_seconds utc{wall.time_since_epoch() - info.first.offset};
  return Moment{utc, std::chrono::duration_cast<minutes>(zone->get_info(utc).offset)};
}

// Zones with a bit of everything: both hemispheres, half-hour and 45-minute offsets, a
// half-hour DST, a negative DST (Dublin's winter time), a two-hour DST (Troll), DST that
// ended (Sao Paulo 2019), a skipped calendar day (Apia, 2011-12-30), Ramadan breaks
// (Casablanca), and UTC.
const char* const kZones[] = {"America/New_York", "Europe/Paris",     "Australia/Lord_Howe", "Asia/Kathmandu",
                              "America/St_Johns", "Europe/Dublin",    "Antarctica/Troll",    "America/Sao_Paulo",
                              "Pacific/Apia",     "Africa/Casablanca", "Asia/Tehran",        "Etc/UTC"};
}  // namespace

TEST_CASE("ZoneFile: the offsets of date's full database at every transition, 1970-2037") {
  for (const std::string name : kZones) {
    CAPTURE(name);
    auto zone = ZoneFile::parse(zone_bytes(name));
    REQUIRE(zone);
    LocalZone local = LocalZone::named(name);
    const date::time_zone* reference = date::locate_zone(name);
    int transitions = 0;
    for (date::sys_seconds t = year_start(1970); t < year_start(2037);) {
      date::sys_info info = reference->get_info(t);
      for (date::sys_seconds at : {t, info.end - seconds{1}, info.end, info.end + seconds{1}}) {
        CAPTURE(date::format("%F %T", at));
        CHECK(zone->span_at(at).offset == reference->get_info(at).offset);
        CHECK(local.at(at).offset == std::chrono::duration_cast<minutes>(reference->get_info(at).offset));
      }
      t = info.end;
      ++transitions;
    }
    if (std::string(name) != "Etc/UTC") CHECK(transitions >= 2);  // Kathmandu: one, in 1986
  }
}

TEST_CASE("LocalZone::from_local: what date's full database gave, around every transition") {
  for (const std::string name : kZones) {
    CAPTURE(name);
    LocalZone local = LocalZone::named(name);
    const date::time_zone* reference = date::locate_zone(name);
    for (date::sys_seconds t = year_start(1970); t < year_start(2037);) {
      date::sys_info info = reference->get_info(t);
      // Every quarter of an hour of wall time from three hours before the change to three
      // after, as read just before it: the gap or the repeated hour lies in there.
      const date::local_seconds change{(info.end + info.offset).time_since_epoch()};
      for (auto wall = change - hours{3}; wall <= change + hours{3}; wall += minutes{15}) {
        CAPTURE(date::format("%F %T", wall));
        CHECK(local.from_local(wall) == reference_from_local(reference, wall));
      }
      t = info.end;
    }
  }
}

TEST_CASE("ZoneFile: past the last transition, the file's closing POSIX rule") {
  auto ny = ZoneFile::parse(zone_bytes("America/New_York"));
  REQUIRE(ny);
  auto at = [](int y, unsigned m, unsigned d, int h) { return date::sys_days{date::year{y} / m / d} + hours{h}; };
  // 2060: DST from the second Sunday of March (the 14th) at 07:00 UTC to the first Sunday
  // of November (the 7th) at 06:00 UTC.
  CHECK(ny->span_at(at(2060, 1, 15, 12)).offset == hours{-5});
  CHECK(ny->span_at(at(2060, 3, 14, 6)).offset == hours{-5});
  ZoneSpan summer = ny->span_at(at(2060, 3, 14, 7));
  CHECK(summer.offset == hours{-4});
  CHECK(summer.begin == at(2060, 3, 14, 7));
  CHECK(summer.end == at(2060, 11, 7, 6));
  CHECK(ny->span_at(at(2060, 11, 7, 6)).offset == hours{-5});
}

TEST_CASE("ZoneFile: anything but a whole TZif file is refused") {
  const std::string bytes = zone_bytes("Europe/Paris");
  REQUIRE(ZoneFile::parse(bytes));
  CHECK_FALSE(ZoneFile::parse(""));
  CHECK_FALSE(ZoneFile::parse("Europe/Paris"));
  CHECK_FALSE(ZoneFile::parse("TZjf" + bytes.substr(4)));
  // Cut short anywhere, the file lacks part of a block or its closing rule.
  for (size_t size = 0; size < bytes.size(); ++size) {
    CAPTURE(size);
    CHECK_FALSE(ZoneFile::parse(std::string_view(bytes).substr(0, size)));
  }
}

TEST_CASE("ZoneFile: a zone that counts leap seconds is refused, its posix/ twin read") {
  // Both live in tzdata's right/ and posix/ (tzdata-legacy on newer Debian): skipped without.
  const std::string right = zone_bytes("right/Europe/Paris"), posix = zone_bytes("posix/Europe/Paris");
  if (right.empty() || posix.empty()) return;
  CHECK_FALSE(ZoneFile::parse(right));
  auto twin = ZoneFile::parse(posix);
  auto paris = ZoneFile::parse(zone_bytes("Europe/Paris"));
  REQUIRE(twin);
  REQUIRE(paris);
  for (int y = 1970; y < 2040; y += 3) {
    const date::sys_seconds t = year_start(y) + std::chrono::days{180};
    CHECK(twin->span_at(t).offset == paris->span_at(t).offset);
    CHECK(twin->span_at(t).begin == paris->span_at(t).begin);
  }
}

TEST_CASE("PosixZone: a rule, with its spans") {
  auto rule = PosixZone::parse("EST5EDT,M3.2.0,M11.1.0");
  REQUIRE(rule);
  ZoneSpan winter = rule->span_at(date::sys_days{date::year{2026} / 1 / 15});
  CHECK(winter.offset == hours{-5});
  CHECK(winter.end == date::sys_days{date::year{2026} / 3 / 8} + hours{7});
  CHECK(rule->span_at(winter.end).offset == hours{-4});
  CHECK(PosixZone::parse("<+0330>-3:30")->span_at(winter.begin).offset == hours{3} + minutes{30});
  CHECK_FALSE(PosixZone::parse("Not a zone!"));
  CHECK_FALSE(PosixZone::parse(""));
}

}  // namespace microstep
