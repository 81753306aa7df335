#include "core/log_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.hpp"

namespace microstep {

namespace {

constexpr size_t kKeptErrors = 20;
constexpr size_t kReadChunk = 1 << 20;
constexpr size_t kLongestLine = (1 << 20) + 1;

std::string system_error_text(const std::string& what, const std::filesystem::path& path) {
  return what + " " + path.string() + ": " + std::strerror(errno);
}

/// Closes the file descriptor on every path out.
struct FileDescriptor {
  int fd = -1;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

/// Splits the byte stream into lines and hands each to the parser, keeping the diagnostics.
class LineSink {
 public:
  LineSink(std::string name, const std::function<void(const EventView&, size_t)>& on_event,
           LogDiagnostics& diagnostics)
      : name_(std::move(name)), on_event_(on_event), diagnostics_(diagnostics) {}

  void line(std::string_view text, size_t number) {
    if (number == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 BOM
    if (!text.empty() && text.back() == '\r') ++diagnostics_.crlf_lines;
    if (text.ends_with(kTornMarker)) {
      warn(number, "a line cut short by an interrupted write; ignored");
      return;
    }
    LineParse parsed = parse_log_line(text);
    if (parsed.kind == LineParse::Kind::event)
      on_event_(parsed.event, number);
    else if (parsed.kind == LineParse::Kind::error)
      error(number, parsed.problem);
  }
  void too_long(size_t number) { error(number, "line is longer than 1 MiB"); }
  void torn_tail(size_t number) {
    warn(number, "the last line has no newline (an interrupted write?); ignored");
  }

 private:
  void error(size_t number, const std::string& text) {
    if (diagnostics_.errors.size() < kKeptErrors)
      diagnostics_.errors.push_back(name_ + ":" + std::to_string(number) + ": " + text);
    ++diagnostics_.error_count;
  }
  void warn(size_t number, const std::string& text) {
    diagnostics_.warnings.push_back(name_ + ":" + std::to_string(number) + ": " + text);
  }
  std::string name_;
  const std::function<void(const EventView&, size_t)>& on_event_;
  LogDiagnostics& diagnostics_;
};

}  // namespace

void scan_log(const std::filesystem::path& path,
              const std::function<void(const EventView&, size_t)>& on_event,
              LogDiagnostics& diagnostics) {
  FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) {
    if (errno == ENOENT) return;
    throw io_error(system_error_text("cannot open", path));
  }
  LineSink sink(path.filename().string(), on_event, diagnostics);
  std::string buffer(kReadChunk, '\0');
  std::string carry;        // the start of a line that continues in the next chunk
  bool overlong = false;    // the current line passed the limit: skip to its end
  size_t number = 1;
  while (true) {
    ssize_t got = ::read(file.fd, buffer.data(), buffer.size());
    if (got < 0) {
      if (errno == EINTR) continue;
      throw io_error(system_error_text("cannot read", path));
    }
    if (got == 0) break;
    std::string_view chunk(buffer.data(), static_cast<size_t>(got));
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
  if (!carry.empty() || overlong) sink.torn_tail(number);
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

void append_event(const std::filesystem::path& path, const Event& event) {
  std::string line = format_log_line(event);
  FileDescriptor file{::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644)};
  if (file.fd < 0) throw io_error(system_error_text("cannot open", path));
  while (::flock(file.fd, LOCK_EX) != 0)
    if (errno != EINTR) throw io_error(system_error_text("cannot lock", path));

  struct stat info {};
  if (::fstat(file.fd, &info) != 0) throw io_error(system_error_text("cannot stat", path));
  if (info.st_size > 0) {
    // A final line without its newline was cut short by an interrupted write: close it with
    // a marker, so readers keep ignoring it and the new line stands on its own.
    FileDescriptor reader{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    char last = '\n';
    if (reader.fd < 0 || ::pread(reader.fd, &last, 1, info.st_size - 1) != 1)
      throw io_error(system_error_text("cannot read", path));
    if (last != '\n') line = std::string(kTornMarker) + "\n" + line;
  }

  ssize_t written = ::write(file.fd, line.data(), line.size());
  if (written != static_cast<ssize_t>(line.size())) {
    int saved = errno;
    // Take back our own partial line (we hold the lock), so the log stays as it was.
    if (written > 0 && ::ftruncate(file.fd, info.st_size) != 0) { /* nothing more we can do */ }
    errno = written < 0 ? saved : ENOSPC;
    throw io_error(system_error_text("cannot append to", path));
  }
  if (::fdatasync(file.fd) != 0) throw io_error(system_error_text("cannot sync", path));
}

}  // namespace microstep
