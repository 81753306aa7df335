#pragma once
/// microstep's own export format, as the csv and json exports and their readers share it: its
/// name and version, the fields of each record, and goals, earlier versions and check-ins read
/// back from those fields by name.
///
/// Both forms keep every field of goals and check-ins (the moment written too, which orders
/// undo and resume), so an export imported into an empty journal gives the same stats.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/event.hpp"
#include "core/model/goal.hpp"

namespace microstep {

inline constexpr std::string_view kExportFormatName = "microstep-export";
inline constexpr int kExportFormatVersion = 1;

/// The fields of each record, in the csv export's column order (the json export names the
/// same fields; a goal's are those of microstep(1) JSON OUTPUT).
extern const std::vector<std::string> kExportGoalFields;
extern const std::vector<std::string> kExportVersionFields;  ///< a goal's earlier versions
extern const std::vector<std::string> kExportEventFields;

/// The present, non-empty fields of one record, by name, and where it is. Every reading
/// helper throws a data Failure "FILE:LINE: ..." naming the field.
struct ExportFields {
  std::string where;  ///< "FILE:LINE: "
  std::map<std::string, std::string, std::less<>> values;

  /// The field's text; empty when absent.
  std::string text(std::string_view name) const;
  [[noreturn]] void fail(const std::string& what) const;
  /// A date (YYYY-MM-DD); Day{} when absent and not required.
  Day day(std::string_view name, bool required) const;
  /// An amount as parse_amount reads it; nullopt when absent.
  std::optional<double> number(std::string_view name) const;
  /// The "schedule" field (daily when absent), its text in `text_out`.
  Schedule schedule(std::string& text_out) const;
};

/// A goal record (its earlier versions are read apart).
Goal export_goal(const ExportFields& fields);
/// One earlier version of a goal.
StepVersion export_version(const ExportFields& fields);
/// A check-in record; without `written`, it is import_moment(day).
Event export_event(const ExportFields& fields);
/// The earlier versions of `goal` must be in order and before its since; `where` is "FILE:LINE: ".
void check_export_history(const Goal& goal, const std::string& where);

/// Goals as they are read, refusing an id that comes twice.
struct ExportGoals {
  std::vector<Goal> goals;
  std::map<std::string, size_t, std::less<>> index;  ///< id -> position in goals
  /// Adds `goal`; a data Failure "`where`goal ID comes twice" if its id is taken.
  void add(Goal goal, const std::string& where);
};

}  // namespace microstep
