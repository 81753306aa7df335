#pragma once
/// Calendar days: parsing, formatting and small arithmetic helpers.
#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace microstep {

/// A local calendar day. Arithmetic is on whole days (integers), never on clock time.
using Day = date::sys_days;

/// Strict YYYY-MM-DD, a real calendar date with a year from 0001 to 9999.
std::optional<Day> parse_iso_day(std::string_view text);
std::string format_day(Day day);

/// Days since 1970-01-01, for compact per-day indexing.
inline long day_number(Day day) { return day.time_since_epoch().count(); }
inline Day day_from_number(long n) { return Day{date::days{n}}; }

/// 0 = Monday ... 6 = Sunday (ISO order).
unsigned iso_weekday_index(Day day);
/// The first day of the week containing `day`, weeks starting on `week_start` (0 = Monday).
Day start_of_week(Day day, unsigned week_start);
Day start_of_month(Day day);
unsigned days_in_month(Day day);

/// "Sunday 22 November 2026"
std::string format_long_day(Day day);
/// "mon" ... "sun"
std::string_view weekday_short_name(unsigned iso_index);
std::string_view weekday_long_name(unsigned iso_index);
/// "mon" or "monday" in any case -> 0; nullopt for anything else.
std::optional<unsigned> parse_weekday_name(std::string_view name);
std::string_view month_long_name(unsigned month);

}  // namespace microstep
