#pragma once
/// `microstep check`: every problem in a journal, not only the first, each with its file and
/// line. Other commands stop at the first bad goal file (and keep 20 bad log lines); this
/// reads everything and reports it all.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/day.hpp"
#include "core/model/goal.hpp"

namespace microstep {

/// One problem: a file relative to the journal ("goals/run.yaml"), a 1-based line, what is wrong.
struct JournalProblem {
  std::string file;
  size_t line = 1;
  std::string problem;
  bool operator==(const JournalProblem&) const = default;
};

/// "file:line: problem", the shape every message of microstep has.
std::string format_problem(const JournalProblem& problem);

/// Splits a message "file:LINE: problem" (as parsers throw them) back into its parts; a
/// message without a location is put on `fallback_file` line 1.
JournalProblem located_problem(const std::string& message, const std::string& fallback_file);

/// What checking one goal file's text found.
struct GoalTextCheck {
  std::optional<Goal> goal;              ///< when the text parses
  std::vector<JournalProblem> problems;  ///< conflict markers, CRLF, parse error, id mismatch
  /// The text would be accepted as goals/ID.yaml: it parses and its id is the expected one
  /// (CRLF line endings are reported, but accepted).
  bool accepted = false;
};

/// Checks the text of a goal file that should hold `expected_id`; `display_path` names the file
/// in the problems. Used by `check` for each goal file and by `edit` for the edited text.
GoalTextCheck check_goal_text(std::string_view text, const std::string& expected_id,
                              const std::string& display_path);

/// The result of checking a whole journal.
struct JournalCheck {
  /// In a stable order: microstep.yaml, the goal files by name, then checkins.log by line.
  std::vector<JournalProblem> problems;
  size_t goals = 0;     ///< goal files that are fine
  size_t checkins = 0;  ///< well-formed event lines in the log
};

/// Checks the journal at `root` as of `today`: the settings file, every goal file (syntax and
/// fields, the id against the file name, ids declared twice, conflict markers, CRLF), the
/// temporary files interrupted writes left in the journal and in goals/, and every
/// log line (syntax, unknown goal ids, days after today or before the goal started, conflict
/// markers, torn lines, CRLF). A missing journal is an io Failure; a file that cannot be read too.
JournalCheck check_journal(const std::filesystem::path& root, Day today);

}  // namespace microstep
