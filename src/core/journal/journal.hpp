#pragma once
/// A journal directory: where it is, its settings, its goal files and its log.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/model/checkins.hpp"
#include "core/model/goal.hpp"
#include "core/journal/journal_lock.hpp"
#include "core/journal/log_file.hpp"
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
  /// Reads and validates one goal file (its id must match its file name); from the goal
  /// cache, when it holds the file's bytes as they are.
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

  /// The resolved check-ins of one goal, and its check-ins of `day` as read, into
  /// `day_checkins` (for DayMarks::without): what `done` needs, from the log cache too.
  DayMarks read_goal_marks(const Goal& goal, Day day, CheckinCollector& day_checkins,
                           LogDiagnostics& diagnostics) const;

  /// Where the log cache is kept (see log_cache.hpp), and from what size on it is used:
  /// read_marks and read_goal_marks then read a log that only grew from where the cache
  /// stops. Without a call to this, the log is read whole every time.
  struct LogCacheSettings {
    std::filesystem::path file;
    std::uint64_t min_log_bytes = 16 << 10;  ///< a smaller log is read whole: as fast as its cache
    /// The cache is written again once a 32nd of the log is new to it, but at least
    /// min_new_bytes and at most max_new_bytes: the lines after it are read by every
    /// command, and writing it costs in proportion to the whole log.
    std::uint64_t min_new_bytes = 16 << 10;
    std::uint64_t max_new_bytes = 1 << 20;
    /// A check of the log against the cache is recorded (log_cache.hpp, write_log_check) when
    /// the log last changed at least this long before it (by the system clock, as the file
    /// system stamps files): a write in the same tick as that change would leave the stamp
    /// as it was. Two seconds cover any file system's timestamp granularity.
    std::chrono::nanoseconds settled_after = std::chrono::seconds{2};
  };
  void use_log_cache(LogCacheSettings settings) { log_cache_ = std::move(settings); }
  /// The cache file of the journal at `root` under `cache_home` ($XDG_CACHE_HOME, or
  /// ~/.cache): named by a hash of the journal's absolute path, so each journal has its own.
  static std::filesystem::path log_cache_file(const std::filesystem::path& root,
                                              const std::filesystem::path& cache_home);

  /// Where the goal cache is kept (see goal_cache.hpp), and from how many goal files on it
  /// is used: load_goals then parses only the files it does not hold as they are. Without a
  /// call to this, every goal file is parsed every time.
  struct GoalCacheSettings {
    std::filesystem::path file;
    size_t min_goals = 1;  ///< yaml-cpp takes about 150 us a goal file: worth a cache from one
  };
  void use_goal_cache(GoalCacheSettings settings) { goal_cache_ = std::move(settings); }
  /// The goal cache file of the journal at `root` under `cache_home`, beside its log cache.
  static std::filesystem::path goal_cache_file(const std::filesystem::path& root,
                                               const std::filesystem::path& cache_home);

  /// The file where `remind` keeps what it said for the journal at `root`, under
  /// `state_home` ($XDG_STATE_HOME, or ~/.local/state), named like the cache files.
  static std::filesystem::path remind_state_file(const std::filesystem::path& root,
                                                 const std::filesystem::path& state_home);

  /// The events of the given goals (all goals when `ids` is empty) whose day lies in
  /// [from, to], in log order, notes unescaped: for evidence, log, export and import.
  std::vector<Event> read_events(const std::set<std::string, std::less<>>& ids, Day from, Day to,
                                 LogDiagnostics& diagnostics) const;

 private:
  Journal(std::filesystem::path root, Settings settings);
  struct LogReading;
  /// read_marks' work, the marks in the order of `goals`; with `day_checkins`, also the
  /// check-ins of goals[0] on `day`.
  std::vector<DayMarks> resolve_marks(const std::vector<Goal>& goals, Day from, Day to, std::vector<Event>& events,
                                      LogDiagnostics& diagnostics, Day day, CheckinCollector* day_checkins,
                                      std::map<Day, int>* moods = nullptr) const;
  std::filesystem::path root_;
  std::filesystem::path real_root_;  ///< the root with every symbolic link resolved
  std::filesystem::path log_path_, settings_path_, goals_dir_;
  Settings settings_;
  std::optional<LogCacheSettings> log_cache_;
  std::optional<GoalCacheSettings> goal_cache_;
};

}  // namespace microstep
