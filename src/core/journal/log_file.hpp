#pragma once
/// Reading checkins.log as a stream, and appending to it safely.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/journal/log_line.hpp"

namespace microstep {

/// Marks a final line that an interrupted write left without its newline; the next
/// append closes such a line with this marker so readers know to ignore it.
inline constexpr std::string_view kTornMarker = "\t\\!torn";

/// Problems found while reading the log. Errors make the command fail (exit 3) after the
/// whole file was read; warnings are printed and the command goes on.
struct LogDiagnostics {
  std::vector<std::string> errors;    ///< "checkins.log:12: what was wrong"
  std::vector<std::string> warnings;
  size_t error_count = 0;             ///< may exceed errors.size() (only the first kept_errors are kept)
  size_t crlf_lines = 0;              ///< accepted, but `check` reports them
  size_t first_crlf_line = 0;         ///< the first line ending in CRLF (0: none)
  size_t kept_errors = 20;            ///< set before reading: how many errors to keep (`check`: all)
};

/// Calls `on_event(view, line_number)` for every event line, in file order.
/// A missing file is an empty log. Reading failures throw an io Failure.
void scan_log(const std::filesystem::path& path,
              const std::function<void(const EventView&, size_t)>& on_event,
              LogDiagnostics& diagnostics);

/// From this many bytes on, a log is read in parts, each worth a thread of its own.
inline constexpr std::uint64_t kPartsFrom = std::uint64_t{4} << 20;

/// The same, in `parts` byte ranges split at line boundaries (one part for a log under
/// kPartsFrom), scanned on every core (parallel_for). `on_event(part, view, line)` is called for
/// a part from one thread at a time, with the line number counted within the part; the result holds the line number each part starts
/// at, to turn those into file line numbers. Diagnostics are exact and in file order.
std::vector<size_t> scan_log_in_parts(
    const std::filesystem::path& path, unsigned parts,
    const std::function<void(unsigned part, const EventView&, size_t line)>& on_event,
    LogDiagnostics& diagnostics);

/// What the file system says of a file that any write to it changes: its inode, its size,
/// and its modification and change times (the change time cannot be set by hand, as `touch`
/// sets the other). As git's index and ninja trust it, to tell a file untouched since.
struct FileStamp {
  std::uint64_t device = 0, inode = 0, size = 0;
  std::int64_t modified_ns = 0, changed_ns = 0;  ///< since the epoch
  bool operator==(const FileStamp&) const = default;
};

/// checkins.log opened for reading. Every read goes through the one descriptor, so a file
/// renamed over the log meanwhile (by a git checkout) is not half seen.
class OpenLog {
 public:
  /// A missing file is an empty log; any other failure throws an io Failure.
  explicit OpenLog(std::filesystem::path path);
  ~OpenLog();
  OpenLog(const OpenLog&) = delete;
  OpenLog& operator=(const OpenLog&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::uint64_t size() const { return stamp_.size; }
  /// The ContentHash of the bytes [begin, end).
  std::uint64_t hash(std::uint64_t begin, std::uint64_t end) const;
  /// The descriptor to read with (-1 for a missing file).
  int descriptor() const { return fd_; }
  /// The file's stamp when it was opened (all zeros for a missing file).
  const FileStamp& stamp() const { return stamp_; }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  FileStamp stamp_;
};

/// One part of a scan: its bytes, the file line it starts at, the newlines in it, and (when
/// asked for) the ContentHash of its bytes.
struct ScannedPart {
  std::uint64_t begin = 0, end = 0;
  size_t first_line = 1;
  size_t newlines = 0;
  std::uint64_t hash = 0;
};

/// scan_log_in_parts for the bytes of an open log from `from` (the start of file line
/// `first_line`) to its end: how the rest of a log that grew is read. With `hash`, each
/// part's bytes are hashed as they are read (the log cache keeps those hashes).
std::vector<ScannedPart> scan_log_from(
    const OpenLog& log, std::uint64_t from, size_t first_line, unsigned parts,
    const std::function<void(unsigned part, const EventView&, size_t line)>& on_event,
    LogDiagnostics& diagnostics, bool hash);

/// Throws a data Failure listing the errors, if there are any.
void throw_if_errors(const LogDiagnostics& diagnostics);

}  // namespace microstep
