#pragma once
/// When a goal expects a check-in: the `schedule` field and `add --every`.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/day.hpp"

namespace microstep {

struct Schedule {
  enum class Kind : std::uint8_t {
    days,        ///< a set of weekdays: daily, weekdays, weekends, mon,wed,fri
    every_n,     ///< every N days, counted from an anchor day (the goal's start)
    per_week,    ///< N distinct days in each calendar week
    per_month,   ///< N distinct days in each calendar month
  };
  Kind kind = Kind::days;
  std::uint8_t weekday_mask = 0x7f;  ///< bit i = ISO weekday i (0 = Monday); for `days`
  unsigned n = 1;                    ///< N for every_n, per_week, per_month

  bool is_quota() const { return kind == Kind::per_week || kind == Kind::per_month; }
  /// The day list of all seven weekdays ("daily"): each day is asked for on its own.
  bool asks_every_day() const { return kind == Kind::days && weekday_mask == 0x7f; }
  /// Day-based schedules only: is `day` a scheduled day? `anchor` is the goal's start.
  bool is_scheduled(Day day, Day anchor) const;
  /// Checks expected per day on average (1 daily, N/7 for N/week, 1/N every N days...).
  double checks_per_day() const;
  bool operator==(const Schedule&) const = default;
};

/// N/week or N/month.
Schedule quota_schedule(Schedule::Kind kind, unsigned n);

inline constexpr const char* kScheduleRule =
    "daily, weekdays, weekends, a list of days such as mon,wed,fri, N/week, N/month, weekly, "
    "monthly or 'every N days'";

/// Accepts the grammar above (case-insensitive, full day names too); nullopt otherwise.
std::optional<Schedule> parse_schedule(std::string_view text);

/// The canonical text: "daily", "weekdays", "mon,wed,fri", "3/week", "every 3 days"...
std::string to_string(const Schedule& schedule);

/// "day" for day-based schedules, "week" or "month" for quotas: the unit of a streak.
std::string_view streak_unit(const Schedule& schedule);

}  // namespace microstep
