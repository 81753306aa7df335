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
    rolling,     ///< K done days in any N days in a row, as Loop Habit Tracker and harsh judge
    tracking,    ///< no day asked: done days are counted, never scored
  };
  Kind kind = Kind::days;
  std::uint8_t weekday_mask = 0x7f;  ///< bit i = ISO weekday i (0 = Monday); for `days`
  unsigned n = 1;                    ///< N for every_n, per_week, per_month, rolling (days)
  unsigned k = 1;                    ///< K for rolling (done days in each N); 1 otherwise

  bool is_quota() const { return kind == Kind::per_week || kind == Kind::per_month; }
  bool is_tracking() const { return kind == Kind::tracking; }
  /// The day list of all seven weekdays ("daily"): each day is asked for on its own.
  bool asks_every_day() const { return kind == Kind::days && weekday_mask == 0x7f; }
  /// Day-based schedules only: is `day` a scheduled day? `anchor` is the goal's start. (A
  /// rolling window may be kept on any day; tracking asks for none.)
  bool is_scheduled(Day day, Day anchor) const;
  /// Checks expected per day on average (1 daily, N/7 for N/week, 1/N every N days, K/N for
  /// K in N days, 0 for tracking).
  double checks_per_day() const;
  bool operator==(const Schedule&) const = default;
};

/// N/week or N/month.
Schedule quota_schedule(Schedule::Kind kind, unsigned n);
/// The longest rolling window, N of K in N days (as for every N days).
inline constexpr unsigned kMaxRollingDays = 365;
/// K in N days (1 <= K < N <= kMaxRollingDays; the caller keeps to that).
Schedule rolling_schedule(unsigned k, unsigned n);
/// Tracking only.
Schedule tracking_schedule();

inline constexpr const char* kScheduleRule =
    "daily, weekdays, weekends, a list of days such as mon,wed,fri, N/week, N/month, weekly, "
    "monthly, 'every N days', 'K in N days' or tracking";

/// Accepts the grammar above (case-insensitive, full day names too); nullopt otherwise.
std::optional<Schedule> parse_schedule(std::string_view text);

/// The canonical text: "daily", "weekdays", "mon,wed,fri", "3/week", "every 3 days", "2 in 3
/// days", "tracking"...
std::string to_string(const Schedule& schedule);

/// "day" for day-based schedules, "week" or "month" for quotas: the unit of a streak.
std::string_view streak_unit(const Schedule& schedule);

}  // namespace microstep
