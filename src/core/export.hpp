#pragma once
/// Exporting goals and check-ins, and reading microstep's own exports back.
///
/// csv (one stream, RFC 4180 quoting, LF line ends). Rows starting with '#' are headers that
/// name the columns of the rows of one record type that follow; readers find columns by name:
///
///   #microstep-export,1
///   #goal,id,goal,step,after,schedule,started,since,status,feeling,unit,minimum,minutes,at
///   goal,write-novel,Write a novel,Write one sentence,...
///   #version,goal,from,step,schedule,minimum,after          (a goal's earlier versions)
///   version,write-novel,2026-10-01,Write one word,daily,,
///   #event,day,written,event,goal,amount,note,truth
///   event,2026-10-26,2026-10-26T07:40:00+01:00,done,write-novel,,"First sentence, at last."
///
/// json: {"format": "microstep-export", "version": 1, "goals": [goal objects as in
/// microstep(1) JSON OUTPUT, with history], "events": [{"day", "written", "event", "goal",
/// "amount", "note", "truth"}]}.
///
/// Both keep every field of goals and check-ins (the moment written too, which orders undo and
/// resume), so an export imported into an empty journal gives the same stats.
///
/// ics (RFC 5545): one recurring VEVENT per active goal for calendar apps (time blocking).
/// CRLF line ends, lines folded at 75 octets without splitting a UTF-8 sequence, TEXT escaped.
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
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/import_apply.hpp"

namespace microstep {

/// Check-ins on or after `since` (all when nullopt), in their order.
std::vector<Event> events_since(const std::vector<Event>& events, std::optional<Day> since);

std::string export_csv(const std::vector<Goal>& goals, const std::vector<Event>& events);
std::string export_json(const std::vector<Goal>& goals, const std::vector<Event>& events);
/// Active goals only (status active), and not those tracked only (never due); `stamp` is
/// DTSTAMP.
std::string export_ics(const std::vector<Goal>& goals, const Moment& stamp);

/// Reads an export back. Anything malformed is a data Failure "DISPLAY_PATH:LINE: ...": an
/// export is read whole or not at all.
ImportPlan parse_export_csv(std::string_view text, const std::string& display_path);
ImportPlan parse_export_json(std::string_view text, const std::string& display_path);

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
