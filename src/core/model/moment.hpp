#pragma once
/// A moment in time as a log line records it: an instant plus the UTC offset it was written in.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace microstep {

struct Moment {
  date::sys_seconds utc;            ///< the instant
  std::chrono::minutes offset{0};   ///< local time = utc + offset
  bool operator==(const Moment&) const = default;
};

/// "2026-11-22T07:31:05+01:00" or "...Z"; seconds are optional on input.
std::optional<Moment> parse_moment(std::string_view text);

/// Like parse_moment, but the offset may be missing: then `has_offset` is false and
/// `utc` holds the local wall-clock reading (to be placed in a zone by the caller).
struct MomentText {
  date::sys_seconds wall;  ///< wall-clock reading as if it were UTC
  std::optional<std::chrono::minutes> offset;
};
std::optional<MomentText> parse_moment_text(std::string_view text);

/// Always "YYYY-MM-DDTHH:MM:SS+HH:MM" (a zero offset is written "+00:00").
std::string format_moment(const Moment& moment);

/// The local wall-clock reading of a moment.
inline date::local_seconds local_time(const Moment& m) {
  return date::local_seconds{m.utc.time_since_epoch() + m.offset};
}

}  // namespace microstep
