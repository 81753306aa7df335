#include "core/journal/log_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <utility>

#include "core/base/content_hash.hpp"
#include "core/base/descriptor.hpp"
#include "core/base/error.hpp"
#include "core/base/parallel.hpp"
#include "core/base/regular_file.hpp"

namespace microstep {

namespace {

constexpr size_t kReadChunk = 1 << 20;
/// Bytes that are only hashed (a cache's ranges checked again after the log changed) pass
/// through a buffer that stays in the CPU's cache and costs 16 page faults, not 256.
constexpr size_t kHashChunk = 64 << 10;
constexpr size_t kLongestLine = (1 << 20) + 1;

std::string system_error_text(const std::string& what, const std::filesystem::path& path) {
  return what + " " + path.string() + ": " + std::strerror(errno);
}

/// A problem found in one part of the log, with its line number inside that part.
struct Problem {
  size_t line;
  std::string text;
  bool warning;
};

/// Hands each line of one part of the log to the parser and keeps what went wrong.
class LineSink {
 public:
  /// `part` is passed on to on_event; only a part at the file's start may start with a BOM.
  LineSink(const std::function<void(unsigned, const EventView&, size_t)>& on_event, unsigned part,
           bool at_file_start, size_t kept_errors)
      : on_event_(on_event), part_(part), at_file_start_(at_file_start), kept_errors_(kept_errors) {}

  void line(std::string_view text, size_t number) {
    // Nearly every line is one microstep wrote; the checks below are for the others (a
    // BOM, a CRLF ending or a torn line never passes the fast path).
    if (parse_written_log_line(text, event_)) {
      on_event_(part_, event_, number);
      return;
    }
    if (at_file_start_ && number == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // BOM
    if (!text.empty() && text.back() == '\r' && ++crlf_lines == 1) first_crlf_line_ = number;
    if (text.ends_with(kTornMarker)) {
      problem(number, "a line cut short by an interrupted write; ignored", true);
      return;
    }
    LineParse parsed = parse_log_line(text);
    if (parsed.kind == LineParse::Kind::event)
      on_event_(part_, parsed.event, number);
    else if (parsed.kind == LineParse::Kind::error)
      problem(number, parsed.problem, false);
  }
  void too_long(size_t number) { problem(number, "line is longer than 1 MiB", false); }
  void torn_tail(size_t number) {
    problem(number, "the last line has no newline (an interrupted write?); ignored", true);
  }

  /// Moves the problems into `diagnostics`, numbering lines from `first_line`.
  void publish(const std::string& name, size_t first_line, LogDiagnostics& diagnostics) const {
    for (const auto& p : problems_) {
      std::string text = name + ":" + std::to_string(first_line + p.line - 1) + ": " + p.text;
      if (p.warning) {
        diagnostics.warnings.push_back(std::move(text));
      } else {
        if (diagnostics.errors.size() < kept_errors_) diagnostics.errors.push_back(std::move(text));
        ++diagnostics.error_count;
      }
    }
    diagnostics.error_count += dropped_errors_;
    if (crlf_lines > 0 && diagnostics.crlf_lines == 0)
      diagnostics.first_crlf_line = first_line + first_crlf_line_ - 1;
    diagnostics.crlf_lines += crlf_lines;
  }
  size_t crlf_lines = 0;

 private:
  void problem(size_t number, std::string text, bool warning) {
    if (!warning && ++errors_ > kept_errors_) {
      ++dropped_errors_;  // counted, not kept: a garbage file must not fill the memory
      return;
    }
    problems_.push_back({number, std::move(text), warning});
  }
  const std::function<void(unsigned, const EventView&, size_t)>& on_event_;
  unsigned part_;
  bool at_file_start_;
  size_t kept_errors_;
  size_t first_crlf_line_ = 0;
  EventView event_;  // reused: the fast path fills it in place
  std::vector<Problem> problems_;
  size_t errors_ = 0, dropped_errors_ = 0;
};

/// Scans the bytes [begin, end) of the file, which start at a line boundary. Returns the
/// number of newlines seen; a last line without one is torn only when `end` is the file's end.
size_t scan_range(int fd, const std::filesystem::path& path, off_t begin, off_t end,
                  bool at_file_end, LineSink& sink, ContentHash* hash) {
  // No larger than the range, and not cleared: a small log must not pay for a 1 MiB buffer
  // (its memset and page faults were 11% of `today`'s instructions on the example journal).
  const size_t buffer_size = static_cast<size_t>(std::min<off_t>(end - begin, static_cast<off_t>(kReadChunk)));
  auto buffer = std::make_unique_for_overwrite<char[]>(std::max<size_t>(buffer_size, 1));
  std::string carry;        // the start of a line that continues in the next chunk
  bool overlong = false;    // the current line passed the limit: skip to its end
  size_t number = 1;
  for (off_t offset = begin; offset < end;) {
    size_t want = static_cast<size_t>(std::min<off_t>(end - offset, static_cast<off_t>(buffer_size)));
    ssize_t got = ::pread(fd, buffer.get(), want, offset);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw io_error(system_error_text("cannot read", path));
    }
    if (got == 0) break;
    offset += got;
    std::string_view chunk(buffer.get(), static_cast<size_t>(got));
    if (hash) hash->update(chunk);
    while (!chunk.empty()) {
      size_t newline = chunk.find('\n');
      std::string_view piece = chunk.substr(0, newline);
      if (newline == std::string_view::npos) {
        if (!overlong) carry.append(piece);
        if (carry.size() > kLongestLine) overlong = true, carry.clear();
        break;
      }
      if (overlong || carry.size() + piece.size() > kLongestLine) {
        sink.too_long(number);
      } else if (carry.empty()) {
        sink.line(piece, number);
      } else {
        carry.append(piece);
        sink.line(carry, number);
      }
      carry.clear();
      overlong = false;
      ++number;
      chunk.remove_prefix(newline + 1);
    }
  }
  if ((!carry.empty() || overlong) && at_file_end) sink.torn_tail(number);
  return number - 1;
}

/// The offset just after the first newline at or after `offset` (or the file's end).
off_t next_line_start(int fd, off_t offset, off_t size) {
  char buffer[4096];
  while (offset < size) {
    ssize_t got = ::pread(fd, buffer, sizeof buffer, offset);
    if (got <= 0) return size;
    if (auto* nl = static_cast<char*>(std::memchr(buffer, '\n', static_cast<size_t>(got))))
      return offset + (nl - buffer) + 1;
    offset += got;
  }
  return size;
}

}  // namespace

OpenLog::OpenLog(std::filesystem::path path) : path_(std::move(path)) {
  // A FIFO or a device in the log's place is refused, not waited on (open_regular_file).
  Descriptor file = open_regular_file(path_, O_RDONLY, path_.filename().string());
  if (file.fd < 0) {
    if (errno == ENOENT) return;
    throw io_error(system_error_text("cannot open", path_));
  }
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) throw io_error(system_error_text("cannot stat", path_));
  fd_ = std::exchange(file.fd, -1);
  auto nanoseconds = [](const timespec& t) { return std::int64_t{t.tv_sec} * 1'000'000'000 + t.tv_nsec; };
  stamp_ = {static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino),
            static_cast<std::uint64_t>(info.st_size), nanoseconds(info.st_mtim), nanoseconds(info.st_ctim)};
}

OpenLog::~OpenLog() {
  if (fd_ >= 0) ::close(fd_);
}

std::uint64_t OpenLog::hash(std::uint64_t begin, std::uint64_t end) const {
  ContentHash hash;
  const size_t buffer_size = static_cast<size_t>(std::min<std::uint64_t>(kHashChunk, end > begin ? end - begin : 0));
  auto buffer = std::make_unique_for_overwrite<char[]>(std::max<size_t>(buffer_size, 1));
  for (std::uint64_t offset = begin; offset < end;) {
    size_t want = static_cast<size_t>(std::min<std::uint64_t>(end - offset, buffer_size));
    ssize_t got = ::pread(fd_, buffer.get(), want, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw io_error(system_error_text("cannot read", path_));
    if (got == 0) break;  // the file shrank: the hash then differs, as it should
    hash.update(std::string_view(buffer.get(), static_cast<size_t>(got)));
    offset += static_cast<std::uint64_t>(got);
  }
  return hash.digest();
}

std::vector<ScannedPart> scan_log_from(const OpenLog& log, std::uint64_t from, size_t first_line,
                                       unsigned parts,
                                       const std::function<void(unsigned, const EventView&, size_t)>& on_event,
                                       LogDiagnostics& diagnostics, bool hash) {
  const int fd = log.descriptor();
  const off_t size = static_cast<off_t>(log.size());
  const off_t begin = std::min(static_cast<off_t>(from), size);
  // Small logs are not worth a thread; large ones split at line boundaries.
  if (size - begin < static_cast<off_t>(kPartsFrom)) parts = 1;
  parts = std::max(1u, parts);
  std::vector<off_t> bounds{begin};
  for (unsigned i = 1; i < parts; ++i)
    bounds.push_back(std::max(bounds.back(), next_line_start(fd, begin + (size - begin) * i / parts, size)));
  bounds.push_back(size);

  std::vector<LineSink> sinks;
  sinks.reserve(parts);
  for (unsigned i = 0; i < parts; ++i) sinks.emplace_back(on_event, i, bounds[i] == 0, diagnostics.kept_errors);
  std::vector<ScannedPart> scanned(parts);
  std::vector<ContentHash> hashes(parts);
  std::vector<std::exception_ptr> failures(parts);
  auto work = [&](unsigned i) {
    try {
      if (fd >= 0)
        scanned[i].newlines = scan_range(fd, log.path(), bounds[i], bounds[i + 1], i + 1 == parts, sinks[i],
                                         hash ? &hashes[i] : nullptr);
    } catch (...) {
      failures[i] = std::current_exception();
    }
  };
  parallel_for(parts, [&](size_t i) { work(static_cast<unsigned>(i)); }, Spread::at_once);  // 4 MiB and more
  for (auto& f : failures)  // the first part's failure, as a scan in one part would report
    if (f) std::rethrow_exception(f);

  std::string name = log.path().filename().string();
  for (unsigned i = 0; i < parts; ++i) {
    ScannedPart& part = scanned[i];
    part.begin = static_cast<std::uint64_t>(bounds[i]);
    part.end = static_cast<std::uint64_t>(bounds[i + 1]);
    part.first_line = i == 0 ? first_line : scanned[i - 1].first_line + scanned[i - 1].newlines;
    if (hash) part.hash = hashes[i].digest();
    sinks[i].publish(name, part.first_line, diagnostics);
  }
  return scanned;
}

std::vector<size_t> scan_log_in_parts(const std::filesystem::path& path, unsigned parts,
                                      const std::function<void(unsigned, const EventView&, size_t)>& on_event,
                                      LogDiagnostics& diagnostics) {
  OpenLog log(path);
  std::vector<size_t> first_lines;
  for (const ScannedPart& part : scan_log_from(log, 0, 1, parts, on_event, diagnostics, false))
    first_lines.push_back(part.first_line);
  return first_lines;
}

void scan_log(const std::filesystem::path& path,
              const std::function<void(const EventView&, size_t)>& on_event,
              LogDiagnostics& diagnostics) {
  scan_log_in_parts(path, 1, [&](unsigned, const EventView& e, size_t line) { on_event(e, line); },
                    diagnostics);
}

void throw_if_errors(const LogDiagnostics& diagnostics) {
  if (diagnostics.error_count == 0) return;
  std::string message;
  for (const auto& error : diagnostics.errors) message += error + "\n";
  if (diagnostics.error_count > diagnostics.errors.size())
    message += "... and " + std::to_string(diagnostics.error_count - diagnostics.errors.size()) +
               " more bad lines\n";
  message += "fix or remove these lines (microstep never rewrites the log itself)";
  throw data_error(message);
}

}  // namespace microstep
