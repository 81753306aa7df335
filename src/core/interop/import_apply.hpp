#pragma once
/// Importing: the neutral plan every importer produces (Loop Habit Tracker, harsh, microstep's
/// own csv and json exports), the helpers they share, and applying a plan to a journal
/// without ever adding the same goal or check-in twice.
#include <filesystem>
#include <iosfwd>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/event.hpp"
#include "core/model/goal.hpp"
#include "core/journal/journal.hpp"

namespace microstep {

/// What an importer read, before anything is written.
struct ImportPlan {
  std::vector<Goal> goals;
  std::vector<Event> events;  ///< in the order they are to be appended
  /// What could not carry over, each a sentence naming FILE:LINE (or FILE).
  std::vector<std::string> not_carried;
  /// Schedules (and targets) mapped to the nearest microstep equivalent, each naming FILE:LINE.
  std::vector<std::string> approximations;
};

/// A schedule mapped from another tracker, and whether it is an exact equivalent.
struct MappedSchedule {
  Schedule schedule;
  bool exact = true;
  std::string meaning;  ///< the original in words, for the report: "2 times in any 10 days"
};

/// K times in any N days, as harsh and Loop Habit Tracker count it (a rolling window): K in N
/// days, exactly (daily when K >= N). A window over 365 days keeps its share of a year (K' in
/// 365 days, at least 1; not exact). 0 times (harsh's "tracking only") -> tracking, exactly.
MappedSchedule map_times_in_days(unsigned times, unsigned days);

/// Orders messages "FILE:LINE: ..." by file (in order of first appearance) and line; messages
/// naming a file without a line come first for that file. Stable otherwise.
void sort_by_place(std::vector<std::string>& messages);

/// The goal id for a habit name: lowercase ASCII letters and digits with '-' between words;
/// other characters (punctuation, non-ASCII letters) separate words or vanish. At most 64
/// bytes; "habit" when nothing is left. Always a valid goal id.
std::string slug_goal_id(std::string_view name);

/// `base`, or base-2, base-3... whichever is not in `taken` yet; the result is added to `taken`.
std::string unique_goal_id(const std::string& base, std::set<std::string>& taken);

/// The `written` moment of an imported check-in that had none: its day at 12:00 UTC. Fixed, so
/// that importing the same file again finds the same events.
Moment import_moment(Day day);

/// Reads a whole file to import; an io Failure names it when it cannot be read, a data Failure
/// when it is not UTF-8 text. A leading UTF-8 byte order mark is dropped.
std::string read_import_file(const std::filesystem::path& path, const std::string& display_path);
/// The same for a stream read to its end (standard input, for `import csv -`).
std::string read_import_stream(std::istream& in, const std::string& display_path);

/// One record of a CSV file (RFC 4180: ',' separated, '"' quoted with "" inside, CRLF or LF)
/// and the line it starts on.
struct CsvRecord {
  size_t line = 0;
  std::vector<std::string> fields;
};

/// All records; blank lines are left out. An unterminated quote is a data Failure
/// "DISPLAY_PATH:LINE: ...".
std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& display_path);

/// One CSV field written back: quoted when it holds ',', '"', CR or LF, or starts or ends with a
/// space.
std::string csv_field(std::string_view text);

/// What applying a plan did (or, with dry_run, would do).
struct ApplyResult {
  std::vector<std::string> goals_added;      ///< new goal files
  std::vector<std::string> goals_unchanged;  ///< already there, identical
  std::vector<std::string> goals_kept;       ///< already there with other fields: left as they are
  size_t events_added = 0;
  size_t events_present = 0;                 ///< already in the log: not appended again
  /// Check-ins whose goal is neither in the plan nor in the journal, one sentence per goal.
  std::vector<std::string> skipped;
  bool wrote() const { return !goals_added.empty() || events_added > 0; }
};

/// Applies a plan: writes the goals that do not exist yet (an existing goal file is never
/// overwritten), then appends the events the log does not hold yet, all under the journal's
/// lock. Two events are the same when day, goal, kind, amount, note and truth agree; the
/// moment they were written is ignored. Events are counted as a multiset, so two identical check-ins on one day
/// in the plan and one in the log add one. Check-ins of a goal that already exists (kept or
/// identical) are still added: the id names the same goal. Everything is validated before
/// anything is written.
/// The log's own problems are returned in `diagnostics` (errors throw, like every reader).
ApplyResult apply_import(const Journal& journal, const ImportPlan& plan, bool dry_run,
                         LogDiagnostics& diagnostics);

}  // namespace microstep
