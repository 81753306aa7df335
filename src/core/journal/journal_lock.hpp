#pragma once
/// The journal's write lock, and appending to checkins.log under it.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/base/descriptor.hpp"
#include "core/model/event.hpp"

namespace microstep {

/// An exclusive flock(2) on checkins.log, the file every append has always locked. Every
/// change to a journal holds it from the read the change is based on to its last write:
/// appends, new goal files, goal file rewrites, edits and imports. Commands that run at
/// once take turns, so every change that succeeds is kept. Released when destroyed, or when
/// the process dies (even by SIGKILL).
class JournalLock {
 public:
  /// Opens `log_path` (creating it when missing) and waits until the lock is ours. A file
  /// that is not regular is a data Failure; one that cannot be opened, an io Failure. A log
  /// that may not be written is still locked (for a goal file rewrite); append() then fails.
  explicit JournalLock(std::filesystem::path log_path);

  /// Appends the events, one line each, with one write(2) and one fdatasync(2). Each line is
  /// checked first to read back as its event (checked_log_line): a usage Failure, and nothing
  /// written, when one would not. A final line left without its newline by an interrupted
  /// write is closed first (kTornMarker), so the new lines stand on their own. A failed write
  /// takes its own partial bytes back.
  void append(const std::vector<Event>& events) const;

  /// The log's size in bytes, now.
  std::uint64_t log_size() const;

 private:
  std::filesystem::path path_;
  Descriptor log_;
  int write_error_ = 0;  ///< why the log could not be opened for writing (0: it could)
};

/// Appends under a lock of its own: JournalLock(path).append(events).
void append_events(const std::filesystem::path& path, const std::vector<Event>& events);
/// One event the same way.
void append_event(const std::filesystem::path& path, const Event& event);

}  // namespace microstep
