#include "core/cache/log_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <string_view>
#include <system_error>

#include "core/cache/cache_file.hpp"
#include "core/cache/cache_version.hpp"
#include "core/base/content_hash.hpp"

namespace microstep {

// The layout of a cache file, all numbers in the machine's byte order:
//
//   header   magic, program and format versions, byte-order mark, record size, the index's
//            offset, size and hash
//   sections for each goal, its records then its big amounts, then its resolved marks if any
//   index    the covered bytes and lines, the ranges, the warnings, and for each goal its
//            id, first line, days, counts, section offset and hash, and where its marks are
//
// The header is written last, so a file cut short has no valid header.

namespace {

constexpr char kMagic[8] = {'m', 's', 't', 'e', 'p', 'L', 'C', '3'};
constexpr std::uint32_t kByteOrderMark = 0x01020304;

struct Header {
  char magic[8];
  char version[24];  ///< cache_version_bytes(): the program's and the format's version
  std::uint32_t byte_order;
  std::uint32_t record_size;
  std::uint64_t index_offset;
  std::uint64_t index_size;
  std::uint64_t index_hash;
};

/// Writes through a buffer, hashing a section as it goes.
class BufferedFile {
 public:
  explicit BufferedFile(int fd) : fd_(fd) { buffer_.reserve(kBuffer); }
  void write(const void* data, size_t size) {
    section_hash_.update(std::string_view(static_cast<const char*>(data), size));
    offset_ += size;
    if (buffer_.size() + size > kBuffer) flush();
    if (size > kBuffer) {
      ok_ = ok_ && write_exactly(fd_, static_cast<const char*>(data), size);
      return;
    }
    buffer_.append(static_cast<const char*>(data), size);
  }
  void flush() {
    ok_ = ok_ && write_exactly(fd_, buffer_.data(), buffer_.size());
    buffer_.clear();
  }
  /// Starts hashing a new section; returns the hash of the one before.
  std::uint64_t next_section() {
    std::uint64_t hash = section_hash_.digest();
    section_hash_ = ContentHash{};
    return hash;
  }
  std::uint64_t offset() const { return offset_; }
  bool ok() const { return ok_; }

 private:
  static constexpr size_t kBuffer = 1 << 20;
  int fd_;
  std::string buffer_;
  ContentHash section_hash_;
  std::uint64_t offset_ = 0;
  bool ok_ = true;
};

}  // namespace

namespace {

using Record = CheckinCollector::Record;

/// Where a goal's check-ins went in the file, for its index entry.
struct RecordsEntry {
  std::int32_t first_day = std::numeric_limits<std::int32_t>::max();
  std::int32_t last_day = std::numeric_limits<std::int32_t>::min();
  std::uint64_t records = 0, big_amounts = 0, offset = 0, hash = 0;
};
/// Where its marks went, and the default amount they were resolved with.
struct MarksEntry {
  double default_amount = 1;
  std::uint64_t offset = 0, size = 0, hash = 0;
};

/// Writes the check-ins of `parts` (one goal's, in file order) as one section: their records
/// as they are kept, then their big amounts.
RecordsEntry write_checkins(const std::vector<const CheckinCollector*>& parts, BufferedFile& out) {
  const CheckinCollector::Stored stored = CheckinCollector::stored(parts);
  RecordsEntry entry;
  entry.offset = out.offset();
  out.write(stored.records.data(), stored.records.size() * sizeof(Record));
  out.write(stored.big_amounts.data(), stored.big_amounts.size() * sizeof(double));
  entry.records = stored.records.size();
  entry.big_amounts = stored.big_amounts.size();
  entry.first_day = stored.first_day;
  entry.last_day = stored.last_day;
  entry.hash = out.next_section();
  return entry;
}

/// Writes resolved marks as a section.
MarksEntry write_marks(const DayMarks& marks, BufferedFile& out) {
  const DayMarks::Stored stored = marks.stored();
  Encoder bytes;
  bytes.put(stored.first);
  bytes.put(stored.paused_from);
  bytes.put(static_cast<std::uint8_t>(stored.paused_open));
  bytes.put(static_cast<std::uint64_t>(stored.flags.size()));
  bytes.bytes.append(reinterpret_cast<const char*>(stored.flags.data()), stored.flags.size());
  bytes.put(static_cast<std::uint64_t>(stored.unusual_amounts.size()));
  for (const auto& [day, amount] : stored.unusual_amounts) {
    bytes.put(static_cast<std::int64_t>(day));
    bytes.put(amount);
  }
  MarksEntry entry{stored.default_amount, out.offset(), bytes.bytes.size(), 0};
  out.write(bytes.bytes.data(), bytes.bytes.size());
  entry.hash = out.next_section();
  return entry;
}

/// Reads marks back; nullopt when their bytes do not hash as written or do not parse.
std::optional<DayMarks> read_marks(int fd, std::uint64_t offset, std::uint64_t size, std::uint64_t hash,
                                   double default_amount) {
  std::string bytes(static_cast<size_t>(size), '\0');
  if (!read_exactly(fd, bytes.data(), bytes.size(), offset) || hash_bytes(bytes) != hash) return std::nullopt;
  Decoder in{bytes};
  DayMarks::Stored stored;
  stored.default_amount = default_amount;
  stored.first = in.get<long>();
  stored.paused_from = in.get<long>();
  stored.paused_open = in.get<std::uint8_t>() != 0;
  auto days = in.get_count(1);
  stored.flags.assign(in.bytes.begin(), in.bytes.begin() + static_cast<long>(days));
  in.bytes.remove_prefix(static_cast<size_t>(days));
  for (auto n = in.get_count(sizeof(std::int64_t) + sizeof(double)); n > 0; --n) {
    auto day = in.get<std::int64_t>();
    stored.unusual_amounts.emplace_back(static_cast<long>(day), in.get<double>());
  }
  if (!in.ok || !in.bytes.empty()) return std::nullopt;
  return DayMarks::from_stored(std::move(stored));
}

/// Reads a section of check-ins back; nullopt when its bytes do not hash as written (or,
/// hashing right, could not have been written by write_checkins).
std::optional<CheckinCollector> read_checkins(int fd, std::uint64_t offset, std::uint64_t records,
                                              std::uint64_t big_amounts, std::int32_t first_day, std::int32_t last_day,
                                              std::uint64_t hash) {
  CheckinCollector::Stored stored;
  stored.records.resize(static_cast<size_t>(records));
  stored.big_amounts.resize(static_cast<size_t>(big_amounts));
  stored.first_day = first_day;
  stored.last_day = last_day;
  const size_t record_bytes = stored.records.size() * sizeof(Record), big_bytes = stored.big_amounts.size() * sizeof(double);
  if (!read_exactly(fd, stored.records.data(), record_bytes, offset) ||
      !read_exactly(fd, stored.big_amounts.data(), big_bytes, offset + record_bytes))
    return std::nullopt;
  ContentHash check;
  check.update(std::string_view(reinterpret_cast<const char*>(stored.records.data()), record_bytes));
  check.update(std::string_view(reinterpret_cast<const char*>(stored.big_amounts.data()), big_bytes));
  if (check.digest() != hash) return std::nullopt;
  return CheckinCollector::from_stored(std::move(stored));
}

}  // namespace

std::optional<LogCacheFile> LogCacheFile::open(const std::filesystem::path& path) {
  // O_NONBLOCK: a FIFO in its place must not wait for a writer; it is no cache.
  Descriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  struct stat info {};
  if (file.fd < 0 || ::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  const auto file_size = static_cast<std::uint64_t>(info.st_size);
  Header header{};
  if (!read_exactly(file.fd, &header, sizeof header, 0) || std::memcmp(header.magic, kMagic, sizeof kMagic) != 0 ||
      std::memcmp(header.version, cache_version_bytes().data(), sizeof header.version) != 0 ||
      header.byte_order != kByteOrderMark || header.record_size != sizeof(Record) ||
      header.index_offset > file_size || header.index_size > file_size - header.index_offset)
    return std::nullopt;
  std::string index(static_cast<size_t>(header.index_size), '\0');
  if (!read_exactly(file.fd, index.data(), index.size(), header.index_offset) ||
      hash_bytes(index) != header.index_hash)
    return std::nullopt;

  LogCacheFile cache;
  cache.identity_ = header.index_hash;
  Decoder in{index};
  cache.bytes_ = in.get<std::uint64_t>();
  cache.lines_ = in.get<std::uint64_t>();
  for (auto n = in.get_count(3 * sizeof(std::uint64_t)); n > 0; --n) {
    HashedRange range;
    range.begin = in.get<std::uint64_t>();
    range.end = in.get<std::uint64_t>();
    range.hash = in.get<std::uint64_t>();
    cache.ranges_.push_back(range);
  }
  for (auto n = in.get_count(sizeof(std::uint32_t)); n > 0; --n) cache.warnings_.push_back(in.get_text());
  for (auto n = in.get_count(sizeof(std::uint32_t)); n > 0; --n) {
    CachedGoal goal;
    goal.id = in.get_text();
    goal.first_line = in.get<std::uint64_t>();
    Section section;
    section.first_day = in.get<std::int32_t>();
    section.last_day = in.get<std::int32_t>();
    section.records = in.get<std::uint64_t>();
    section.big_amounts = in.get<std::uint64_t>();
    section.offset = in.get<std::uint64_t>();
    section.hash = in.get<std::uint64_t>();
    if (in.get<std::uint8_t>() != 0) {
      goal.marks_default_amount = in.get<double>();
      section.marks_offset = in.get<std::uint64_t>();
      section.marks_size = in.get<std::uint64_t>();
      section.marks_hash = in.get<std::uint64_t>();
      if (section.marks_offset > header.index_offset || section.marks_size > header.index_offset - section.marks_offset)
        in.ok = false;
    }
    // A section must lie before the index: its counts then cannot ask for more memory than
    // the file has bytes.
    const std::uint64_t limit = header.index_offset;
    if (section.offset > limit || section.records > (limit - section.offset) / sizeof(Record) ||
        section.big_amounts > (limit - section.offset - section.records * sizeof(Record)) / sizeof(double))
      in.ok = false;
    if (!in.ok) break;
    cache.goals_.push_back(std::move(goal));
    cache.sections_.push_back(section);
  }
  if (!in.ok || !in.bytes.empty()) return std::nullopt;
  // The ranges must cover the bytes, in order, with no gap.
  std::uint64_t covered = 0;
  for (const HashedRange& range : cache.ranges_) {
    if (range.begin != covered || range.end < range.begin) return std::nullopt;
    covered = range.end;
  }
  if (covered != cache.bytes_) return std::nullopt;
  std::swap(cache.fd_, file.fd);
  return cache;
}

LogCacheFile::LogCacheFile(LogCacheFile&& other) noexcept { *this = std::move(other); }

LogCacheFile& LogCacheFile::operator=(LogCacheFile&& other) noexcept {
  std::swap(fd_, other.fd_);
  identity_ = other.identity_;
  bytes_ = other.bytes_;
  lines_ = other.lines_;
  ranges_ = std::move(other.ranges_);
  warnings_ = std::move(other.warnings_);
  goals_ = std::move(other.goals_);
  sections_ = std::move(other.sections_);
  return *this;
}

LogCacheFile::~LogCacheFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::optional<DayMarks> LogCacheFile::load_marks(size_t i) const {
  if (i >= sections_.size() || !goals_[i].marks_default_amount) return std::nullopt;
  const Section& s = sections_[i];
  return read_marks(fd_, s.marks_offset, s.marks_size, s.marks_hash, *goals_[i].marks_default_amount);
}

std::optional<CheckinCollector> LogCacheFile::load(size_t i) const {
  if (i >= sections_.size()) return std::nullopt;
  const Section& s = sections_[i];
  return read_checkins(fd_, s.offset, s.records, s.big_amounts, s.first_day, s.last_day, s.hash);
}

struct LogCacheWriter::State {
  explicit State(const std::filesystem::path& path) : file(path) {}
  ReplacementFile file;
  std::optional<BufferedFile> out;
  Encoder head;  ///< the index up to the goals
  struct Goal {
    std::string id;
    std::uint64_t first_line;
    RecordsEntry records;
    const DayMarks* marks = nullptr;
  };
  std::vector<Goal> goals;
};

LogCacheWriter::LogCacheWriter(const std::filesystem::path& path, const LogCacheContent& content)
    : state_(std::make_unique<State>(path)) {
  State& s = *state_;
  if (s.file.fd() < 0) return;
  s.out.emplace(s.file.fd());
  Header placeholder{};  // written for real by finish()
  s.out->write(&placeholder, sizeof placeholder);
  s.out->next_section();
  s.head.put(content.bytes);
  s.head.put(content.lines);
  s.head.put(static_cast<std::uint64_t>(content.ranges.size()));
  for (const HashedRange& range : content.ranges) {
    s.head.put(range.begin);
    s.head.put(range.end);
    s.head.put(range.hash);
  }
  s.head.put(static_cast<std::uint64_t>(content.warnings.size()));
  for (const std::string& warning : content.warnings) s.head.put_text(warning);
  for (const LogCacheContent::Goal& goal : content.goals)
    s.goals.push_back({goal.id, goal.first_line, write_checkins(goal.parts, *s.out), goal.marks});
}

LogCacheWriter::LogCacheWriter(LogCacheWriter&&) noexcept = default;
LogCacheWriter& LogCacheWriter::operator=(LogCacheWriter&&) noexcept = default;

LogCacheWriter::~LogCacheWriter() = default;  // a cache never finished is removed

void LogCacheWriter::add_marks(size_t i, const DayMarks& marks) {
  if (i < state_->goals.size()) state_->goals[i].marks = &marks;
}

bool LogCacheWriter::finish() {
  State& s = *state_;
  if (s.file.fd() < 0) return false;
  Encoder index = std::move(s.head);
  index.put(static_cast<std::uint64_t>(s.goals.size()));
  for (const State::Goal& goal : s.goals) {
    index.put_text(goal.id);
    index.put(goal.first_line);
    index.put(goal.records.first_day);
    index.put(goal.records.last_day);
    index.put(goal.records.records);
    index.put(goal.records.big_amounts);
    index.put(goal.records.offset);
    index.put(goal.records.hash);
    if (!goal.marks) {
      index.put(std::uint8_t{0});
      continue;
    }
    MarksEntry marks = write_marks(*goal.marks, *s.out);
    index.put(std::uint8_t{1});
    index.put(marks.default_amount);
    index.put(marks.offset);
    index.put(marks.size);
    index.put(marks.hash);
  }
  Header header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  std::memcpy(header.version, cache_version_bytes().data(), sizeof header.version);
  header.byte_order = kByteOrderMark;
  header.record_size = sizeof(Record);
  header.index_offset = s.out->offset();
  header.index_size = index.bytes.size();
  header.index_hash = hash_bytes(index.bytes);
  s.out->write(index.bytes.data(), index.bytes.size());
  s.out->flush();
  const bool written =
      s.out->ok() && ::pwrite(s.file.fd(), &header, sizeof header, 0) == static_cast<ssize_t>(sizeof header);
  return written && s.file.commit();
}

bool write_log_cache(const std::filesystem::path& path, const LogCacheContent& content) {
  return LogCacheWriter(path, content).finish();
}

namespace {

constexpr char kCheckMagic[8] = {'m', 's', 't', 'e', 'p', 'C', 'K', '1'};

/// A check record's bytes: magic, the cache's identity, the log's stamp, then the hash of
/// all that.
std::string check_record(std::uint64_t cache_identity, const FileStamp& stamp) {
  Encoder out;
  out.bytes.append(kCheckMagic, sizeof kCheckMagic);
  out.bytes += cache_version_bytes();
  out.put(cache_identity);
  out.put(stamp.device);
  out.put(stamp.inode);
  out.put(stamp.size);
  out.put(stamp.modified_ns);
  out.put(stamp.changed_ns);
  out.put(hash_bytes(out.bytes));
  return std::move(out.bytes);
}

}  // namespace

bool write_log_check(const std::filesystem::path& path, std::uint64_t cache_identity, const FileStamp& stamp) {
  return write_cache_file(path, check_record(cache_identity, stamp));
}

bool log_check_holds(const std::filesystem::path& path, std::uint64_t cache_identity, const FileStamp& stamp) {
  auto bytes = read_cache_file(path);
  return bytes && *bytes == check_record(cache_identity, stamp);
}

}  // namespace microstep
