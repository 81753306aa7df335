#pragma once
/// New goal files and their check-ins written all or nothing, and fast: what `import` writes.
///
/// The files are written into goals/.import.tmp/ (hidden: no command takes them for goals)
/// and synced with one syncfs(2), not one fsync(2) each (a disk flush each: minutes for
/// 100,000 files). Then a manifest is synced (the ids, and the log's size before the append),
/// the files are renamed into goals/ (never over an existing file), goals/ is synced, the
/// check-ins are appended, and the staging directory is removed. A process killed on the way
/// leaves the staging directory behind; the next command that takes the journal's lock
/// settles it: without a manifest nothing was published, and the directory goes; with one, the
/// goal files published are removed again, unless the check-ins were appended too (then the
/// import is complete, and only the directory goes).
#include <filesystem>
#include <string>
#include <vector>

#include "core/model/event.hpp"
#include "core/journal/journal_lock.hpp"

namespace microstep {

/// The staging directory's name in goals/.
inline constexpr const char* kStagingDir = ".import.tmp";

/// A goal file to create: its id and its text.
struct NewGoalFile {
  std::string id;
  std::string text;
};

/// Creates `files` in `goals_dir` (none may exist there yet) and appends `events` to the log
/// of `lock`, all or nothing (see above). On a failure, whatever was written is taken back and
/// an io Failure says what failed.
void publish_goals(const std::filesystem::path& goals_dir, const JournalLock& lock,
                   const std::vector<NewGoalFile>& files, const std::vector<Event>& events);

/// What settle_interrupted_publish found.
enum class Settled { nothing, rolled_back, completed };

/// Settles, under `lock`, what a publish_goals killed half-way left in `goals_dir`.
Settled settle_interrupted_publish(const std::filesystem::path& goals_dir, const JournalLock& lock);

}  // namespace microstep
