#pragma once
/// "Today" and "now": inputs to every computation, pinned by --today/--now in tests.
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/day.hpp"
#include "core/model/local_zone.hpp"
#include "core/model/moment.hpp"

namespace microstep {

struct Clock {
  Day today;
  Moment now;
};

/// The local day a moment counts for: with day_starts_at 04:00, 01:30 belongs to the day before.
Day day_of(const Moment& moment, std::chrono::minutes day_starts_at);

/// Builds the clock from the pinned values (either may be empty) and the real clock.
/// `zone` is only asked for when it is needed (a real clock, or --now without an offset),
/// so pinned runs never load the time-zone database.
Clock resolve_clock(const std::optional<std::string>& today_text,
                    const std::optional<std::string>& now_text, std::chrono::minutes day_starts_at,
                    const std::function<const LocalZone&()>& zone);

/// "HH:MM" (00:00 to 23:59) as minutes after midnight; nullopt for anything else.
std::optional<std::chrono::minutes> parse_time_of_day(std::string_view text);

/// A length of time: "90m", "2h", "1h30m" (hours, then minutes, each a whole number; more
/// than zero in all); nullopt for anything else.
std::optional<std::chrono::minutes> parse_duration(std::string_view text);

/// Minutes since the start of the journal day (which begins at day_starts_at) of a moment.
std::chrono::minutes minutes_into_day(const Moment& moment, std::chrono::minutes day_starts_at);

/// Has the time of day `at` ("HH:MM", as parse_time_of_day reads it) come by `now`, in a
/// journal day that begins at day_starts_at? (With 04:00, 01:30 is late in the day before.)
bool time_of_day_has_come(std::chrono::minutes at, const Moment& now, std::chrono::minutes day_starts_at);

/// A DATE argument: YYYY-MM-DD, "today", "yesterday" or "-N" (N days before today).
/// Returns nullopt for anything else.
std::optional<Day> parse_date_arg(const std::string& text, Day today);

}  // namespace microstep
