#pragma once
/// A journal directory: where it is, its settings, its goal files and its log.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/model/checkins.hpp"
#include "core/model/goal.hpp"
#include "core/journal/goal_reader.hpp"
#include "core/journal/journal_lock.hpp"
#include "core/journal/log_file.hpp"
#include "core/journal/log_reader.hpp"
#include "core/journal/settings.hpp"

namespace microstep {

/// Where the journal is: --dir, else $MICROSTEP_DIR, else the nearest directory at or above
/// `cwd` holding microstep.yaml, else ${XDG_DATA_HOME:-$HOME/.local/share}/microstep, each
/// of those two only when absolute. Neither: an io Failure that says so, never a path
/// relative to the current directory.
std::filesystem::path locate_journal(const std::optional<std::string>& dir_option,
                                     const std::filesystem::path& cwd);

class Journal {
 public:
  /// Opens an existing journal; a missing one is an io Failure that says how to create it.
  /// checkins.log, microstep.yaml or goals/ as a symbolic link out of the journal is a data
  /// Failure: microstep reads and writes only the journal's own files.
  static Journal open(const std::filesystem::path& root);
  /// The same with the settings given, microstep.yaml unread (`check` reports a bad one and goes on).
  static Journal open(const std::filesystem::path& root, Settings settings);

  const std::filesystem::path& root() const { return root_; }
  /// checkins.log, microstep.yaml and goals/ as the journal uses them: the paths themselves,
  /// or where a symbolic link leads, which must stay inside the journal (open refuses one
  /// that leaves it, as a data Failure).
  const std::filesystem::path& log_path() const { return log_path_; }
  const std::filesystem::path& settings_path() const { return settings_path_; }
  const std::filesystem::path& goals_dir() const { return goals_dir_; }
  std::filesystem::path goal_path(const std::string& id) const;
  /// "goals/ID.yaml": how messages name a goal file.
  static std::string goal_display_path(const std::string& id);
  const Settings& settings() const { return settings_; }

  /// The journal's write lock (see JournalLock), waited for: every change to the journal
  /// holds it from the read the change is based on to its last write. What an import killed
  /// half-way left is settled first (see staged_goals.hpp).
  JournalLock lock() const;

  /// Ids of all goal files, sorted (from file names; files are not read).
  std::vector<std::string> goal_ids() const;
  bool has_goal(const std::string& id) const;
  /// The text of goals/FILE_NAME; a data Failure for a symbolic link out of the journal.
  std::string read_goal_text(const std::string& file_name) const;
  /// Reads and validates one goal file (its id must match its file name).
  Goal load_goal(const std::string& id) const;
  /// All goals, sorted by id.
  std::vector<Goal> load_goals() const;
  /// An exact id, or the one id that starts with `prefix`; a usage Failure otherwise
  /// (an ambiguous prefix lists the candidates).
  std::string resolve_id(const std::string& prefix) const;

  /// Streams the log once and resolves the check-ins of the given goals.
  /// Events for ids with no goal file are warned about once per id. With `moods`, each day's
  /// mood (the last written that day) from the same pass.
  std::map<std::string, DayMarks> read_marks(const std::vector<Goal>& goals, LogDiagnostics& diagnostics,
                                             std::map<Day, int>* moods = nullptr) const;
  /// The same pass, which also keeps in full the events of those goals whose day lies in
  /// [from, to], into `events` (in log order, notes unescaped): a command that needs both
  /// (review: the marks, and the week's notes) reads the log, and reports its problems, once.
  std::map<std::string, DayMarks> read_marks(const std::vector<Goal>& goals, Day from, Day to,
                                             std::vector<Event>& events, LogDiagnostics& diagnostics,
                                             std::map<Day, int>* moods = nullptr) const;
  /// The marks of one goal, and (second) as they were without `checkin`, a check-in of it
  /// now in the log: what `done` needs to celebrate only what it changed.
  std::pair<DayMarks, DayMarks> read_goal_marks(const Goal& goal, const Event& checkin,
                                                LogDiagnostics& diagnostics) const;

  /// The readers used: the plain ones unless others are given (the caches, core/cache, give
  /// the same answers faster).
  void use_log_reader(std::shared_ptr<const LogReader> reader) { log_reader_ = std::move(reader); }
  void use_goal_reader(std::shared_ptr<const GoalReader> reader) { goal_reader_ = std::move(reader); }

  /// A file of this journal's kept outside it, under `dir` (the user's cache or state
  /// directory): dir/microstep/KIND-HASH, HASH that of the journal's absolute path, so that
  /// each journal has its own.
  static std::filesystem::path outside_file(const std::filesystem::path& root, const std::filesystem::path& dir,
                                            const char* kind);
  /// The same for this journal, from the root resolved when it was opened (no second walk of
  /// its path, a readlink(2) for each folder).
  std::filesystem::path outside_file(const std::filesystem::path& dir, const char* kind) const;
  /// The file where `remind` keeps what it said for the journal at `root`, under
  /// `state_home` ($XDG_STATE_HOME, or ~/.local/state).
  static std::filesystem::path remind_state_file(const std::filesystem::path& root,
                                                 const std::filesystem::path& state_home) {
    return outside_file(root, state_home, "remind");
  }

  /// The events of the given goals (all goals when `ids` is empty) whose day lies in
  /// [from, to], in log order, notes unescaped: for evidence, log, export and import.
  std::vector<Event> read_events(const std::set<std::string, std::less<>>& ids, Day from, Day to,
                                 LogDiagnostics& diagnostics) const;

 private:
  Journal(std::filesystem::path root, Settings settings);
  std::filesystem::path root_;
  std::filesystem::path real_root_;  ///< the root with every symbolic link resolved
  bool root_resolved_ = false;       ///< real_root_ is canonical (else only absolute)
  std::filesystem::path log_path_, settings_path_, goals_dir_;
  Settings settings_;
  std::shared_ptr<const LogReader> log_reader_;
  std::shared_ptr<const GoalReader> goal_reader_;
};

}  // namespace microstep
