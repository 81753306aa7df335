// The local day under several time zones, across DST changes and with a late day start:
// --now without an offset is read in $TZ, and the line keeps the day and the offset.
#include <doctest/doctest.h>

#include "cli/harness.hpp"

namespace microstep::test {

namespace {

/// The first two fields of the line `done` appends at wall-clock `now` in `tz`.
std::string day_and_written(const std::string& tz, const std::string& now,
                            const std::string& day_starts_at = "00:00") {
  TempJournal j;
  j.write("microstep.yaml", "day_starts_at: \"" + day_starts_at + "\"\n");
  j.write("goals/g.yaml", "id: g\nstep: x\nstarted: 2020-01-01\n");
  RunResult r = j.run({"done", "g"}, RunOptions{.env = {{"TZ", tz}, {"MICROSTEP_NOW", now}}});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  std::string line = j.read("checkins.log");
  return line.substr(0, line.find('\t', 11));
}

}  // namespace

TEST_CASE("America/New_York on its spring and autumn change days") {
  // 2026-03-08 02:30 does not exist: it moves forward to 03:30 EDT.
  CHECK(day_and_written("America/New_York", "2026-03-08T02:30") == "2026-03-08\t2026-03-08T03:30:00-04:00");
  CHECK(day_and_written("America/New_York", "2026-03-08T23:59") == "2026-03-08\t2026-03-08T23:59:00-04:00");
  // 2026-11-01 01:30 happens twice: the earlier, EDT, is taken.
  CHECK(day_and_written("America/New_York", "2026-11-01T01:30") == "2026-11-01\t2026-11-01T01:30:00-04:00");
  CHECK(day_and_written("America/New_York", "2026-11-01T23:30") == "2026-11-01\t2026-11-01T23:30:00-05:00");
}

TEST_CASE("half-hour, quarter-hour and +14 zones") {
  CHECK(day_and_written("Australia/Lord_Howe", "2026-11-22T00:10") == "2026-11-22\t2026-11-22T00:10:00+11:00");
  CHECK(day_and_written("Asia/Kathmandu", "2026-11-22T23:50") == "2026-11-22\t2026-11-22T23:50:00+05:45");
  CHECK(day_and_written("Pacific/Kiritimati", "2026-11-22T00:05") == "2026-11-22\t2026-11-22T00:05:00+14:00");
}

TEST_CASE("a day that starts at 04:00, in a zone") {
  CHECK(day_and_written("Asia/Kathmandu", "2026-11-22T03:59", "04:00") == "2026-11-21\t2026-11-22T03:59:00+05:45");
  CHECK(day_and_written("Asia/Kathmandu", "2026-11-22T04:00", "04:00") == "2026-11-22\t2026-11-22T04:00:00+05:45");
  // An offset on --now decides the day, whatever TZ says.
  CHECK(day_and_written("Pacific/Kiritimati", "2026-11-22T01:00:00-10:00", "04:00") ==
        "2026-11-21\t2026-11-22T01:00:00-10:00");
}

TEST_CASE("a leap day and a month end") {
  CHECK(day_and_written("UTC", "2028-02-29T12:00") == "2028-02-29\t2028-02-29T12:00:00+00:00");
  CHECK(day_and_written("UTC", "2028-03-01T02:00", "04:00") == "2028-02-29\t2028-03-01T02:00:00+00:00");
}

TEST_CASE("a zone whose UTC offset a log line cannot hold is refused before anything is written") {
  TempJournal j;
  j.write("microstep.yaml", "");
  j.write("goals/g.yaml", "id: g\nstep: x\nstarted: 2020-01-01\n");
  j.write("checkins.log", "");
  const std::vector<std::pair<std::string, std::string>> zones{
      {"UTC+25", "-25:00"}, {"UTC-24:30", "+24:30"}, {"<+99>-99", "+99:00"}, {"UTC+24", "-24:00"}};
  for (const auto& [tz, offset] : zones) {
    CAPTURE(tz);
    for (const std::string command : {"done", "skip", "pause"}) {
      RunResult r = j.run({command, "g"}, RunOptions{.env = {{"TZ", tz}}});
      CHECK(r.exit_code == 2);
      CHECK_MESSAGE(r.err == "microstep: the UTC offset " + offset +
                                 " cannot be written to checkins.log (it holds offsets from -23:59 to +23:59); set "
                                 "TZ to a real time zone, such as Europe/Paris, or give --now with an offset\n",
                    r.err);
      CHECK(j.read("checkins.log").empty());
    }
    // Reading is not affected, and neither is a zone at the edge.
    CHECK(j.run({"stats"}, RunOptions{.env = {{"TZ", tz}}}).exit_code == 0);
  }
  for (const std::string tz : {"UTC-23:59", "<-1230>+12:30"}) {
    CAPTURE(tz);
    CHECK(j.run({"done", "g"}, RunOptions{.env = {{"TZ", tz}}}).exit_code == 0);
    CHECK(j.run({"stats"}, RunOptions{.env = {{"TZ", tz}}}).exit_code == 0);
  }
  CHECK(lines_of(j.read("checkins.log")).size() == 2);
  CHECK(j.run({"--today", "2099-01-01", "check"}).exit_code == 0);  // days ahead of UTC's today
}

}  // namespace microstep::test
