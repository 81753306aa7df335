#pragma once
/// Importing from Loop Habit Tracker (github.com/iSoron/uhabits), from its CSV export (the
/// "Loop Habits CSV YYYY-MM-DD.zip" archive, unzipped):
///
///   Habits.csv              one row per habit. Loop 2.x writes
///                           Position,Name,Type,Question,Description,FrequencyNumerator,
///                           FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?
///                           and Loop 1.x wrote Position,Name,Question,Description,
///                           NumRepetitions,Interval,Color; columns are found by name.
///   NNN Name/Checkmarks.csv one folder per habit ("%03d" position and the name stripped to
///                           [ A-Za-z0-9._-]): Date,Value,Notes (2.x; Value is YES_MANUAL,
///                           YES_AUTO, NO, SKIP, UNKNOWN or, for measurable habits, the amount
///                           times 1000) or Date,Value with numbers (1.x: 2 checked, 1 implied by
///                           the frequency, 0 unchecked, -1 unknown, 3 or -3 skipped).
///   Checkmarks.csv          Date,Habit 1,Habit 2,... (a trailing comma on every line), newest
///                           first, the same values; used for habits that have no folder.
///
/// Dates are YYYY-MM-DD. Only check-marks the person made carry over: YES_MANUAL (done), SKIP
/// (skip) and measurable amounts; YES_AUTO is Loop's own inference from the frequency, which
/// microstep makes again: a frequency K/N (K times in any N days) becomes "K in N days".
#include <filesystem>
#include <map>
#include <optional>

#include "core/interop/import_apply.hpp"

namespace microstep {

/// The files of one export, by their names in the archive.
struct LoopFiles {
  std::string habits;                                   ///< Habits.csv
  std::map<std::string, std::string> habit_checkmarks;  ///< "001 Meditate" -> its Checkmarks.csv
  std::optional<std::string> checkmarks;                ///< the combined Checkmarks.csv
};

/// PATH is the unzipped export directory or its Habits.csv. `today` is the start day of a habit
/// that has no check-mark at all. Messages name "Habits.csv:LINE", "001 Name/Checkmarks.csv:LINE".
ImportPlan import_loop(const std::filesystem::path& path, Day today);

/// The same from the files' texts, for tests.
ImportPlan import_loop_files(const LoopFiles& files, Day today);

/// Loop's folder name for a habit: "%03d NAME" with NAME stripped to [ A-Za-z0-9._-] and cut at
/// 100 characters, the whole trimmed.
std::string loop_habit_folder(unsigned position, std::string_view name);

}  // namespace microstep
