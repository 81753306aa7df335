#include "core/journal/staged_goals.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <optional>
#include <utility>

#include "core/base/descriptor.hpp"
#include "core/base/error.hpp"
#include "core/base/text_file.hpp"

namespace fs = std::filesystem;

namespace microstep {

namespace {

constexpr const char* kManifest = "publishing";      ///< present from the first rename on
constexpr const char* kRollingBack = "rolling-back";  ///< the manifest, once a roll-back began

[[noreturn]] void fail(const std::string& what, const fs::path& path, int error) {
  throw io_error("cannot " + what + " " + path.string() + ": " + std::strerror(error));
}

/// Makes the directory's entries (renames, new files) durable.
void sync_directory(const fs::path& dir) {
  Descriptor fd{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (fd.fd < 0 || ::fsync(fd.fd) != 0) fail("sync", dir, errno);
}

/// Creates a file that must not exist yet with `text`; not synced (the caller syncs).
void write_new_file(const fs::path& path, std::string_view text) {
  Descriptor file{::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666)};
  if (file.fd < 0) fail("create", path, errno);
  for (size_t done = 0; done < text.size();) {
    ssize_t n = ::write(file.fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("write", path, n < 0 ? errno : ENOSPC);
    done += static_cast<size_t>(n);
  }
  if (::close(std::exchange(file.fd, -1)) != 0) fail("write", path, errno);
}

/// Renames `from` to `to` unless `to` exists (then false, errno EEXIST).
bool rename_no_replace(const fs::path& from, const fs::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
  if (errno != EINVAL && errno != ENOSYS) return false;
  // A file system without RENAME_NOREPLACE: a hard link refuses an existing name as well.
  if (::link(from.c_str(), to.c_str()) != 0) return false;
  ::unlink(from.c_str());
  return true;
}

struct Manifest {
  std::uint64_t log_size = 0;  ///< the log's size before the append
  bool appends = false;        ///< whether there are check-ins to append
  std::vector<std::string> ids;
};

std::string manifest_text(const Manifest& m) {
  std::string text = "log-size " + std::to_string(m.log_size) + "\nappends " + (m.appends ? "1" : "0") + "\n";
  for (const auto& id : m.ids) text += id + "\n";
  return text;
}

/// The manifest as written, or nothing when it does not read (it is synced before any rename:
/// one that does not read was cut short before that, and nothing was published).
std::optional<Manifest> parse_manifest(std::string_view text) {
  Manifest m;
  size_t line = 0;
  for (size_t start = 0; start < text.size(); ++line) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) return std::nullopt;  // cut short
    std::string_view l = text.substr(start, end - start);
    start = end + 1;
    if (line == 0) {
      if (!l.starts_with("log-size ")) return std::nullopt;
      l.remove_prefix(9);
      auto [p, ec] = std::from_chars(l.data(), l.data() + l.size(), m.log_size);
      if (ec != std::errc{} || p != l.data() + l.size()) return std::nullopt;
    } else if (line == 1) {
      if (l != "appends 0" && l != "appends 1") return std::nullopt;
      m.appends = l == "appends 1";
    } else {
      m.ids.emplace_back(l);
    }
  }
  if (line < 2) return std::nullopt;
  return m;
}

/// Takes back what was published: the manifest is renamed first, so that a roll-back killed
/// half-way is taken up again as one (not mistaken for a complete import).
void roll_back(const fs::path& goals_dir, const fs::path& staging, const Manifest& m) {
  ::rename((staging / kManifest).c_str(), (staging / kRollingBack).c_str());
  std::error_code ec;
  for (const auto& id : m.ids) {
    const std::string name = id + ".yaml";
    if (!fs::exists(fs::symlink_status(staging / name, ec))) ::unlink((goals_dir / name).c_str());
  }
  sync_directory(goals_dir);
  fs::remove_all(staging, ec);
}

}  // namespace

void publish_goals(const fs::path& goals_dir, const JournalLock& lock, const std::vector<NewGoalFile>& files,
                   const std::vector<Event>& events) {
  if (files.empty()) {
    lock.append(events);  // one write(2): all or nothing already
    return;
  }
  const fs::path staging = goals_dir / kStagingDir;
  if (::mkdir(staging.c_str(), 0700) != 0) fail("create", staging, errno);
  Manifest manifest{lock.log_size(), !events.empty(), {}};
  try {
    for (const auto& file : files) {
      write_new_file(staging / (file.id + ".yaml"), file.text);
      manifest.ids.push_back(file.id);
    }
    write_new_file(staging / kManifest, manifest_text(manifest));
    // One flush of the file system for every file and the manifest.
    Descriptor dir{::open(staging.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (dir.fd < 0 || ::syncfs(dir.fd) != 0) fail("sync", staging, errno);
  } catch (...) {
    std::error_code ec;
    fs::remove_all(staging, ec);
    throw;
  }
  try {
    for (const auto& file : files) {
      const std::string name = file.id + ".yaml";
      if (!rename_no_replace(staging / name, goals_dir / name)) {
        if (errno == EEXIST) throw io_error((goals_dir / name).string() + " appeared meanwhile; nothing imported");
        fail("create", goals_dir / name, errno);
      }
    }
    sync_directory(goals_dir);
    lock.append(events);
  } catch (...) {
    try {
      roll_back(goals_dir, staging, manifest);
    } catch (const Failure&) {  // the next command that takes the lock rolls back the rest
    }
    throw;
  }
  std::error_code ec;
  fs::remove_all(staging, ec);  // left behind, it is taken for a complete import (see settle)
}

Settled settle_interrupted_publish(const fs::path& goals_dir, const JournalLock& lock) {
  const fs::path staging = goals_dir / kStagingDir;
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(staging, ec);
  if (!fs::exists(status)) return Settled::nothing;
  if (!fs::is_directory(status)) {  // not ours: a file or a link by that name
    fs::remove(staging, ec);
    return Settled::rolled_back;
  }
  for (const char* name : {kRollingBack, kManifest}) {
    std::optional<Manifest> manifest;
    try {
      if (fs::exists(fs::symlink_status(staging / name, ec))) manifest = parse_manifest(read_text_file(staging / name));
    } catch (const Failure&) {
    }
    if (!manifest) continue;
    bool all_published = true;
    for (const auto& id : manifest->ids)
      all_published = all_published && !fs::exists(fs::symlink_status(staging / (id + ".yaml"), ec));
    const bool appended = !manifest->appends || lock.log_size() > manifest->log_size;
    if (std::string_view(name) == kManifest && all_published && appended) {
      fs::remove_all(staging, ec);
      return Settled::completed;
    }
    roll_back(goals_dir, staging, *manifest);
    return Settled::rolled_back;
  }
  fs::remove_all(staging, ec);  // killed while staging: nothing was published
  return Settled::rolled_back;
}

}  // namespace microstep
