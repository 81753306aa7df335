/// Tests of core/model/schedule: the grammar of the `schedule` field and which days it asks for.
#include "core/model/schedule.hpp"
#include "unit/builders.hpp"

#include <doctest/doctest.h>

#include <string>

namespace microstep {

using test::day;

namespace {

/// The scheduled days of the week starting Monday `monday`, as "MTWTFSS" with '-' for no.
std::string week_of(const Schedule& s, const char* monday, const char* anchor) {
  std::string out;
  for (int i = 0; i < 7; ++i) {
    Day d = day(monday) + date::days{i};
    out += s.is_scheduled(d, day(anchor)) ? "MTWTFSS"[i] : '-';
  }
  return out;
}

}  // namespace

TEST_CASE("schedule: every form of the grammar reads and prints its canonical text") {
  const std::pair<const char*, const char*> forms[] = {
      {"daily", "daily"},          {"weekdays", "weekdays"},       {"weekends", "weekends"},
      {"mon,wed,fri", "mon,wed,fri"}, {"Monday, Friday", "mon,fri"}, {"fri,mon", "mon,fri"},
      {"3/week", "3/week"},        {"2/month", "2/month"},         {"weekly", "1/week"},
      {"monthly", "1/month"},      {"every 3 days", "every 3 days"}, {"DAILY", "daily"},
      {"2 in 3 days", "2 in 3 days"}, {"2 times in any 3 days", "2 in 3 days"}, {"1 in 7 days", "1 in 7 days"},
      {"tracking", "tracking"},    {"Tracking", "tracking"},
  };
  for (const auto& [text, canonical] : forms) {
    CAPTURE(text);
    auto s = parse_schedule(text);
    REQUIRE(s);
    CHECK(to_string(*s) == canonical);
    CHECK(parse_schedule(to_string(*s)) == s);  // the canonical text reads back the same
  }
}

TEST_CASE("schedule: anything else is refused") {
  for (const char* bad : {"", "sometimes", "0/week", "8/week", "0/month", "32/month", "every 0 days",
                          "every -1 days", "mon,,fri", "funday", "3/year", "3 / week", "every day s",
                          "0 in 3 days", "4 in 3 days", "2 in 0 days", "2 in 366 days", "in 3 days", "2 in days",
                          "2 in 3", "2in3 days", "-1 in 3 days", "tracking only"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_schedule(bad));
  }
  // The error message lists what is accepted: each form the grammar has.
  for (const char* form : {"daily", "weekdays", "weekends", "mon,wed,fri", "N/week", "N/month", "weekly",
                           "monthly", "every N days", "K in N days", "tracking"})
    CHECK(std::string(kScheduleRule).find(form) != std::string::npos);
}

TEST_CASE("schedule: the days a day-based schedule asks for") {
  const char* monday = "2026-11-16";
  CHECK(week_of(*parse_schedule("daily"), monday, monday) == "MTWTFSS");
  CHECK(week_of(*parse_schedule("weekdays"), monday, monday) == "MTWTF--");
  CHECK(week_of(*parse_schedule("weekends"), monday, monday) == "-----SS");
  CHECK(week_of(*parse_schedule("tue,thu"), monday, monday) == "-T-T---");
  // Every 3 days counts from the anchor (the goal's start), not from the week.
  CHECK(week_of(*parse_schedule("every 3 days"), monday, "2026-11-17") == "-T--F--");
  CHECK(week_of(*parse_schedule("every 3 days"), monday, "2026-11-01") == "M--T--S");  // 11-01 + 15, 18, 21
  // A rolling window may be kept on any day; a goal tracked only asks for none.
  CHECK(week_of(*parse_schedule("2 in 3 days"), monday, monday) == "MTWTFSS");
  CHECK(week_of(*parse_schedule("tracking"), monday, monday) == "-------");
}

TEST_CASE("schedule: only the list of all seven days asks for every day on its own") {
  CHECK(parse_schedule("daily")->asks_every_day());
  CHECK(parse_schedule("mon,tue,wed,thu,fri,sat,sun")->asks_every_day());
  for (const char* text : {"weekdays", "mon,wed,fri", "every 2 days", "7/week", "3/month", "2 in 3 days", "tracking"}) {
    CAPTURE(text);
    CHECK_FALSE(parse_schedule(text)->asks_every_day());
  }
}

TEST_CASE("schedule: the limits of each form") {
  // N/week runs from 1 to 7, N/month from 1 to 28 (every month has 28 days), every N days
  // from 1 to 365; 'every 1 days' is daily by another name.
  CHECK(to_string(*parse_schedule("7/week")) == "7/week");
  CHECK(to_string(*parse_schedule("1/week")) == "1/week");
  CHECK(to_string(*parse_schedule("28/month")) == "28/month");
  CHECK_FALSE(parse_schedule("29/month"));
  CHECK(to_string(*parse_schedule("every 365 days")) == "every 365 days");
  CHECK_FALSE(parse_schedule("every 366 days"));
  CHECK(parse_schedule("every 1 days") == parse_schedule("daily"));
  CHECK(parse_schedule("every day") == parse_schedule("daily"));
  // Case and the white space around the text do not matter, nor around the commas.
  CHECK(parse_schedule("  Weekdays \t") == parse_schedule("weekdays"));
  CHECK(parse_schedule("Every 3 Days") == parse_schedule("every 3 days"));
  CHECK(parse_schedule("MON, WEDNESDAY,fri") == parse_schedule("mon,wed,fri"));
  CHECK(parse_schedule("mon ,\twed,\t fri") == parse_schedule("mon,wed,fri"));
  CHECK_FALSE(parse_schedule("mon,,wed"));  // an empty item is no day
  // All five weekdays named one by one are the weekdays; both weekend days are the weekends.
  CHECK(to_string(*parse_schedule("fri,thu,wed,tue,mon")) == "weekdays");
  CHECK(to_string(*parse_schedule("sunday,saturday")) == "weekends");
  CHECK(to_string(*parse_schedule("mon,tue,wed,thu,fri,sat,sun")) == "daily");
  // A day named twice is the same day.
  CHECK(to_string(*parse_schedule("mon,mon")) == "mon");
  // K in N days: K from 1 to N, N from 1 to 365; K in K days asks for every day: daily.
  CHECK(to_string(*parse_schedule("1 in 365 days")) == "1 in 365 days");
  CHECK(to_string(*parse_schedule("364 in 365 days")) == "364 in 365 days");
  CHECK(parse_schedule("3 in 3 days") == parse_schedule("daily"));
  CHECK(parse_schedule("1 in 1 days") == parse_schedule("daily"));
  CHECK(parse_schedule("  2 TIMES in ANY 3 Days ") == parse_schedule("2 in 3 days"));
  CHECK(parse_schedule("2 in any 3 days") == parse_schedule("2 in 3 days"));
  CHECK(parse_schedule("2 times in 3 days") == parse_schedule("2 in 3 days"));
  // 1 in N days is its own schedule: every done counts (every N days counts one per N days).
  CHECK(parse_schedule("1 in 3 days") != parse_schedule("every 3 days"));
}

TEST_CASE("schedule: weekday lists ignore the anchor - every N days never asks before it") {
  Schedule mwf = *parse_schedule("mon,wed,fri");
  CHECK_FALSE(mwf.is_scheduled(day("2026-11-22"), day("2026-11-30")));  // a Sunday
  CHECK(mwf.is_scheduled(day("2026-11-23"), day("2026-11-30")));        // a Monday, before the anchor
  Schedule every = *parse_schedule("every 2 days");
  CHECK_FALSE(every.is_scheduled(day("2026-11-18"), day("2026-11-20")));  // 2 days before the anchor
  CHECK(every.is_scheduled(day("2026-11-20"), day("2026-11-20")));        // the anchor itself
}

TEST_CASE("schedule: every N days across a month end and a leap day") {
  Schedule s = *parse_schedule("every 2 days");
  // 2028-02-27, 02-29, 03-02: the leap day is one of the days.
  CHECK(s.is_scheduled(day("2028-02-29"), day("2028-02-27")));
  CHECK_FALSE(s.is_scheduled(day("2028-03-01"), day("2028-02-27")));
  CHECK(s.is_scheduled(day("2028-03-02"), day("2028-02-27")));
  // In 2027 there is no 02-29: 02-27, 03-01, 03-03.
  CHECK(s.is_scheduled(day("2027-03-01"), day("2027-02-27")));
}

TEST_CASE("schedule: checks per day and the unit of a streak") {
  CHECK(parse_schedule("daily")->checks_per_day() == doctest::Approx(1.0));
  CHECK(parse_schedule("3/week")->checks_per_day() == doctest::Approx(3.0 / 7));
  CHECK(parse_schedule("every 4 days")->checks_per_day() == doctest::Approx(0.25));
  CHECK(parse_schedule("mon,wed,fri")->checks_per_day() == doctest::Approx(3.0 / 7));
  CHECK(parse_schedule("weekends")->checks_per_day() == doctest::Approx(2.0 / 7));
  CHECK(parse_schedule("monthly")->checks_per_day() == doctest::Approx(12 / 365.25));  // one per average month
  CHECK(parse_schedule("2 in 3 days")->checks_per_day() == doctest::Approx(2.0 / 3));
  CHECK(parse_schedule("tracking")->checks_per_day() == doctest::Approx(0.0));  // nothing expected
  CHECK(streak_unit(*parse_schedule("2 in 3 days")) == "day");
  CHECK_FALSE(parse_schedule("2 in 3 days")->is_quota());
  CHECK_FALSE(parse_schedule("tracking")->is_quota());
  CHECK(parse_schedule("tracking")->is_tracking());
  CHECK_FALSE(parse_schedule("daily")->is_tracking());
  CHECK(streak_unit(*parse_schedule("weekdays")) == "day");
  CHECK(streak_unit(*parse_schedule("every 2 days")) == "day");
  CHECK(streak_unit(*parse_schedule("2/week")) == "week");
  CHECK(streak_unit(*parse_schedule("monthly")) == "month");
  CHECK(parse_schedule("2/week")->is_quota());
  CHECK_FALSE(parse_schedule("mon,wed")->is_quota());
}

}  // namespace microstep
