#include "core/journal/journal_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/base/error.hpp"
#include "core/journal/log_file.hpp"
#include "core/journal/log_line.hpp"
#include "core/base/regular_file.hpp"

namespace microstep {

namespace {

std::string system_error_text(const std::string& what, const std::filesystem::path& path, int error) {
  return what + " " + path.string() + ": " + std::strerror(error);
}

}  // namespace

JournalLock::JournalLock(std::filesystem::path log_path) : path_(std::move(log_path)) {
  const std::string display = path_.filename().string();
  // Locked through a descriptor that may write: flock on NFS is a POSIX write lock, which
  // needs one. A log only readable (or on a read-only file system) is still locked for a
  // goal file rewrite, through a read-only descriptor.
  log_ = open_regular_file(path_, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW, display, 0666);
  int error = log_.fd < 0 ? errno : 0;
  if (error == EACCES || error == EPERM || error == EROFS) {
    write_error_ = error;
    log_ = open_regular_file(path_, O_RDONLY | O_NOFOLLOW, display);
  }
  if (log_.fd < 0) {
    if (error == ELOOP)  // the journal resolves its links first: this one appeared since
      throw data_error(display + ":1: a symbolic link; refusing to write through it");
    throw io_error(system_error_text("cannot open", path_, error));
  }
  while (::flock(log_.fd, LOCK_EX) != 0)
    if (errno != EINTR) throw io_error(system_error_text("cannot lock", path_, errno));
}

std::uint64_t JournalLock::log_size() const {
  struct stat info {};
  if (::fstat(log_.fd, &info) != 0) throw io_error(system_error_text("cannot stat", path_, errno));
  return static_cast<std::uint64_t>(info.st_size);
}

void JournalLock::append(const std::vector<Event>& events) const {
  if (events.empty()) return;
  if (write_error_) throw io_error(system_error_text("cannot open", path_, write_error_));
  std::string lines;
  for (const auto& event : events) lines += checked_log_line(event);  // all checked before any is written

  const auto size = static_cast<off_t>(log_size());
  if (size > 0) {
    // A final line without its newline was cut short by an interrupted write: close it with
    // a marker, so readers keep ignoring it and the new line stands on its own.
    char last = '\n';
    if (::pread(log_.fd, &last, 1, size - 1) != 1) throw io_error(system_error_text("cannot read", path_, errno));
    if (last != '\n') lines = std::string(kTornMarker) + "\n" + lines;
  }

  ssize_t written = ::write(log_.fd, lines.data(), lines.size());
  if (written != static_cast<ssize_t>(lines.size())) {
    int error = written < 0 ? errno : ENOSPC;
    // Take back our own partial line (we hold the lock), so the log stays as it was.
    if (written > 0 && ::ftruncate(log_.fd, size) != 0) { /* nothing more we can do */ }
    throw io_error(system_error_text("cannot append to", path_, error));
  }
  if (::fdatasync(log_.fd) != 0) throw io_error(system_error_text("cannot sync", path_, errno));
}

void append_events(const std::filesystem::path& path, const std::vector<Event>& events) {
  if (events.empty()) return;
  JournalLock(path).append(events);
}

void append_event(const std::filesystem::path& path, const Event& event) { append_events(path, {event}); }

}  // namespace microstep
