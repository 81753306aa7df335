#pragma once
/// The log cache: the check-ins of checkins.log grouped by goal id, kept in a file of the
/// user's cache directory, so that a log that only grew since is read from where the cache
/// stops rather than from its first line.
///
/// A cache holds what the log's first bytes() say and nothing else (not the goal files). It
/// keeps the hash of those bytes, part by part as they were scanned, and Journal checks them
/// all before using it: an edit anywhere in them (a git merge, a rebase, a hand edit) makes
/// the cache unused, never stale. A file cut short, corrupt or from another version is
/// unused too. It is written in the machine's byte order: a cache is local to one machine.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/checkins.hpp"
#include "core/journal/log_file.hpp"

namespace microstep {

/// Bytes [begin, end) of the log and their ContentHash.
struct HashedRange {
  std::uint64_t begin = 0, end = 0;
  std::uint64_t hash = 0;
};

/// One goal id as a cache holds it: its check-ins, and for an id with a goal file, its marks
/// as resolved then (Journal resolves those of goals the writing command did not ask for with
/// a default amount of 1).
struct CachedGoal {
  std::string id;
  std::uint64_t first_line = 0;  ///< the log line of its first check-in (for the unknown-goal warning)
  /// The amount a done without one counted when the marks were resolved (marks depend on
  /// it: a goal file that changed it since needs them resolved again). Nothing: no marks.
  std::optional<double> marks_default_amount;
};

/// What a cache file says, read without the check-ins themselves: those are loaded a goal
/// at a time, for the goals a command asks for.
class LogCacheFile {
 public:
  /// The cache at `path` when it is whole and of this version; nullopt otherwise (missing
  /// included). Only its index is read here.
  static std::optional<LogCacheFile> open(const std::filesystem::path& path);

  std::uint64_t bytes() const { return bytes_; }  ///< the log's bytes it covers: whole lines
  /// Tells this cache file from any other one: the hash of its index, which holds the hash
  /// of every range and every section.
  std::uint64_t identity() const { return identity_; }
  std::uint64_t lines() const { return lines_; }  ///< the lines in them
  /// The covered bytes in ranges, with their hashes: to check them, a range per thread.
  const std::vector<HashedRange>& ranges() const { return ranges_; }
  /// The warnings the covered lines gave when they were read ("checkins.log:12: ..."), in
  /// file order: a command that reads from the cache repeats them.
  const std::vector<std::string>& warnings() const { return warnings_; }
  /// Every goal id in the covered lines, sorted.
  const std::vector<CachedGoal>& goals() const { return goals_; }
  /// The check-ins of goals()[i]; nullopt when its bytes are not the ones written. Safe to
  /// call from several threads at once.
  std::optional<CheckinCollector> load(size_t i) const;
  /// The resolved marks of goals()[i], when it has some; nullopt otherwise, or when their
  /// bytes are not the ones written. Much smaller than the check-ins: a day is a byte.
  std::optional<DayMarks> load_marks(size_t i) const;

  LogCacheFile(LogCacheFile&& other) noexcept;
  LogCacheFile& operator=(LogCacheFile&& other) noexcept;
  ~LogCacheFile();

 private:
  LogCacheFile() = default;
  struct Section {
    std::uint64_t offset = 0, records = 0, big_amounts = 0, hash = 0;
    std::int32_t first_day = 0, last_day = 0;
    std::uint64_t marks_offset = 0, marks_size = 0, marks_hash = 0;
  };
  int fd_ = -1;  ///< kept open: the file read is the one whose index was read
  std::uint64_t identity_ = 0;
  std::uint64_t bytes_ = 0, lines_ = 0;
  std::vector<HashedRange> ranges_;
  std::vector<std::string> warnings_;
  std::vector<CachedGoal> goals_;
  std::vector<Section> sections_;  ///< one per goal
};

/// What to write into a cache: the log's first `bytes` (`lines` lines, hashed in `ranges`),
/// their warnings, and every goal id in them with its check-ins, gathered from the
/// collectors of several parts of the log.
struct LogCacheContent {
  struct Goal {
    std::string id;
    std::uint64_t first_line = 0;
    std::vector<const CheckinCollector*> parts;
    const DayMarks* marks = nullptr;  ///< resolved from those parts, if they were
  };
  std::uint64_t bytes = 0, lines = 0;
  std::vector<HashedRange> ranges;
  std::vector<std::string> warnings;
  std::vector<Goal> goals;  ///< sorted by id
};

/// Writes a cache file in two steps, so that a command can free each goal's check-ins as
/// soon as it has resolved them: first every goal's check-ins, then the marks resolved from
/// them, the index, and the rename over the cache. A cache is only a copy: when it cannot
/// be written, nothing is left behind.
class LogCacheWriter {
 public:
  /// Creates `path`'s directory and a temporary file beside it, and writes every goal's
  /// check-ins (from content.goals[i].parts, which may be freed once this returns).
  LogCacheWriter(const std::filesystem::path& path, const LogCacheContent& content);
  ~LogCacheWriter();  ///< removes the temporary file, unless finish() renamed it
  LogCacheWriter(LogCacheWriter&&) noexcept;
  LogCacheWriter& operator=(LogCacheWriter&&) noexcept;

  /// The marks resolved from content.goals[i]'s check-ins (kept by reference until finish).
  void add_marks(size_t i, const DayMarks& marks);
  /// Writes the marks, the index and the header, and renames the file over the cache.
  /// False when any step failed (nothing is then left behind).
  bool finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Writes a whole cache in one call, with the marks of content.goals[i].marks.
bool write_log_cache(const std::filesystem::path& path, const LogCacheContent& content);

/// A check record: that the log, as `stamp` describes it, held the bytes the cache file
/// `cache_identity` covers, every one of them hashed as the cache says. Kept beside the cache
/// (its path with ".checked"), so that a command that finds the log with the same stamp need
/// not hash the bytes again; any write to the log changes its stamp, and the next command
/// hashes them. Only a check of a log last changed some time before it is recorded: a write
/// in the same tick of the file system's clock as the log's last change would otherwise leave
/// the stamp as it was (git calls such an entry "racily clean").
bool write_log_check(const std::filesystem::path& path, std::uint64_t cache_identity, const FileStamp& stamp);
/// Does the record at `path` say that this cache was checked against a log with this stamp?
/// False when it is missing, damaged or says otherwise.
bool log_check_holds(const std::filesystem::path& path, std::uint64_t cache_identity, const FileStamp& stamp);

}  // namespace microstep
