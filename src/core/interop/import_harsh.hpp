#pragma once
/// Importing from harsh (github.com/wakatara/harsh), the command-line habit tracker: its
/// `habits` and `log` files as the current harsh (0.11 and later: the cobra port) documents
/// them in its README ("Habits File Format", "Log File Format") and reads them in
/// internal/storage/config.go and log.go. Older files (plain N frequencies, 3-field log lines)
/// are a subset and read the same way.
///
///   habits:  "# comment", "! Heading", and "Habit name: FREQUENCY[: YYYY-MM-DD end date]"
///            where FREQUENCY is N (once in any N days; 1 daily, 7 weekly, 0 tracking only),
///            Nw (N weeks) or K/N (K times in any N days, N may be Nw too). harsh's windows
///            roll, as microstep's "K in N days" does.
///   log:     "YYYY-MM-DD : Habit name : y|n|s[ : comment[ : amount]]" (fields split on " : ",
///            '#' lines are comments); harsh keeps the last line for a day and habit.
#include <filesystem>

#include "core/interop/import_apply.hpp"

namespace microstep {

/// The schedule for a harsh frequency (see map_times_in_days): 1 daily, N or Nw "1 in N days",
/// K/N "K in N days", 0 tracking, all exactly (a window over 365 days keeps its share of a
/// year). nullopt when the text is not a harsh frequency.
std::optional<MappedSchedule> map_harsh_frequency(std::string_view text);

/// Reads DIR/habits and DIR/log (a missing log is an empty one). Messages name "habits:LINE"
/// and "log:LINE". `today` is the start day of a habit that has no log entry yet.
ImportPlan import_harsh(const std::filesystem::path& dir, Day today);

/// The same from the two files' texts, for tests.
ImportPlan import_harsh_text(std::string_view habits_text, std::string_view log_text, Day today);

}  // namespace microstep
