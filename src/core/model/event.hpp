#pragma once
/// One check-in event, as written on one line of checkins.log.
#include <optional>
#include <string>
#include <string_view>

#include "core/base/amount.hpp"

#include "core/model/day.hpp"
#include "core/model/moment.hpp"

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


/// An event as read from a line of the log, its text fields still pointing into the line still point into the line (notes stay escaped).
struct EventView {
  Day day;
  Moment written;
  EventKind kind = EventKind::done;
  std::string_view goal;
  std::optional<double> amount;
  std::string_view note_escaped;
  std::string_view truth_escaped;
};

}  // namespace microstep
