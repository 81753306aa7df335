#pragma once
/// One check-in event, as written on one line of checkins.log.
#include <optional>
#include <string>
#include <string_view>

#include "core/day.hpp"
#include "core/moment.hpp"

namespace microstep {

/// What a line of the log records. A mood (1 to 5, seed 000: "the activity creates the mood")
/// belongs to the person, not to a goal: its goal field is empty.
enum class EventKind : unsigned char { done, skip, undo, pause, resume, mood };

/// The lowest and highest mood.
inline constexpr int kMoodLow = 1, kMoodHigh = 5;

std::string_view to_string(EventKind kind);
std::optional<EventKind> parse_event_kind(std::string_view text);

struct Event {
  Day day;              ///< the local day it counts for; authoritative
  Moment written;       ///< when the line was written, with its UTC offset
  EventKind kind = EventKind::done;
  std::string goal;     ///< goal id
  std::optional<double> amount;
  std::string note;     ///< free text, any characters
  std::string truth;    ///< a believable truth the person noticed (done --truth)
  bool operator==(const Event&) const = default;
};

/// Shortest text that reads back as the same number ("3", "2.5").
std::string format_amount(double amount);

}  // namespace microstep
