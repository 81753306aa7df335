#pragma once
/// The ics export (RFC 5545): one recurring VEVENT per active goal for calendar apps (time
/// blocking). CRLF line ends, lines folded at 75 octets without splitting a UTF-8 sequence,
/// TEXT escaped.
///   UID        ID@microstep
///   DTSTAMP    the export moment, UTC
///   DTSTART    the first scheduled day on or after the current version took effect (since),
///              at the goal's `at:` time as a floating local time, or an all-day DATE
///   DURATION   with `at:`: the goal's minutes (rounded up), 15 minutes when it has none
///   RRULE      daily: FREQ=DAILY; weekdays and day lists: FREQ=WEEKLY;BYDAY=MO,WE,FR;
///              every N days: FREQ=DAILY;INTERVAL=N; N/week: FREQ=WEEKLY;BYDAY= N days spread
///              over the week from DTSTART's weekday; N/month: FREQ=MONTHLY;BYMONTHDAY= N days
///              spread over days 1-28 from DTSTART's day. For quotas the DESCRIPTION says that
///              any N days count and the calendar days are only suggestions.
///   SUMMARY    the step
///   DESCRIPTION "After <anchor>, I will <step>.", the goal, the quota note, how to check in
#include <string>
#include <string_view>
#include <vector>

#include "core/model/goal.hpp"
#include "core/model/moment.hpp"

namespace microstep {

/// Active goals only (status active), and not those tracked only (never due); `stamp` is
/// DTSTAMP.
std::string export_ics(const std::vector<Goal>& goals, const Moment& stamp);

// ---- iCalendar pieces, for tests ----------------------------------------------------------

/// TEXT escaping: backslash, ';', ',' and newlines (CRLF, LF or CR become \n); other control
/// characters but tab become spaces.
std::string ics_escape_text(std::string_view text);
/// One content line folded at 75 octets (continuations start with a space), each physical line
/// ending in CRLF.
std::string ics_fold_line(std::string_view line);
/// "FREQ=..." for a goal's current schedule, and the day its series starts.
std::string ics_rrule(const Goal& goal);
Day ics_first_day(const Goal& goal);

}  // namespace microstep
