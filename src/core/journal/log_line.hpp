#pragma once
/// One line of checkins.log: parsing (without copying) and formatting.
///
///   DAY <tab> WRITTEN <tab> EVENT <tab> GOAL <tab> AMOUNT <tab> NOTE [<tab> TRUTH]
///
/// AMOUNT may be empty; NOTE and TRUTH are escaped with escape_field().
#include <optional>
#include <string>
#include <string_view>

#include "core/model/event.hpp"

namespace microstep {

/// What a line turned out to be.
struct LineParse {
  enum class Kind { event, blank, error } kind = Kind::blank;
  EventView event;       ///< when kind == event
  std::string problem;   ///< when kind == error: what was wrong, in plain words
};

/// Is this line a marker git leaves in a file after a failed merge (<<<<<<<, =======, ...)?
bool is_conflict_marker(std::string_view line);

/// Parses one line without its newline (a trailing '\r' is accepted).
/// Blank lines and lines starting with '#' are `blank`.
LineParse parse_log_line(std::string_view line);

/// The fast path parse_log_line takes first, alone: true (and `event` filled) for an event
/// line written the way microstep writes them, without its newline. False says nothing
/// about the line (it may be blank, bad, end in '\r' or just be written another way): ask
/// parse_log_line. For readers of many lines, which skip building a LineParse for each.
bool parse_written_log_line(std::string_view line, EventView& event);

/// The same result by the long way: every check in the order that picks a bad line's
/// problem, without the fast path parse_log_line takes for the lines microstep writes.
/// The reference that fast path is tested against.
LineParse parse_log_line_reference(std::string_view line);

/// Copies the view into an Event, unescaping the note and the truth.
Event to_event(const EventView& view);

/// The line for an event, ending in '\n'.
std::string format_log_line(const Event& event);

/// format_log_line, checked to read back as the same event (encode, decode, compare) before
/// anything is written: what microstep writes, it reads back identically. A usage Failure
/// says why not: an offset outside -23:59..+23:59 (a TZ such as UTC+25), or the field that
/// would read back otherwise.
std::string checked_log_line(const Event& event);

}  // namespace microstep
