#include "core/base/text_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/base/descriptor.hpp"
#include "core/base/error.hpp"
#include "core/base/regular_file.hpp"

namespace microstep {

namespace {

/// Reads from `fd` into `text`, grown as needed, to the end of the file; `text` starts with
/// room for what the caller expects, so that a file read whole needs one read (and one more
/// that finds its end). For a regular file (`regular`), once the bytes fstat(2) counted are in
/// and a read returned less than asked, that is its end: no read that returns nothing.
std::string read_all(int fd, const std::filesystem::path& path, size_t expected, bool regular) {
  std::string text(expected + 1, '\0');
  size_t size = 0;
  for (;;) {
    if (size == text.size()) text.resize(size + 65536);
    ssize_t got = ::read(fd, text.data() + size, text.size() - size);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw io_error("cannot read " + path.string() + ": " + std::strerror(errno));
    if (got == 0) break;
    size += static_cast<size_t>(got);
    if (regular && size >= expected && size < text.size()) break;
  }
  text.resize(size);
  return text;
}

}  // namespace

std::string read_descriptor(int fd, const std::filesystem::path& path) { return read_all(fd, path, 4095, false); }

std::string read_text_file(const std::filesystem::path& path, const std::string& display) {
  // open, fstat and read, without a stream: every command reads its settings and goal files
  // this way, and an ifstream with its string stream cost several times the system calls.
  // open_regular_file refuses a FIFO, a device or a directory before anything waits on it.
  struct stat info {};
  Descriptor file = open_regular_file(path, O_RDONLY, display.empty() ? path.string() : display, 0, info);
  if (file.fd < 0) throw io_error("cannot read " + path.string());
  return read_all(file.fd, path, static_cast<size_t>(info.st_size), true);
}

}  // namespace microstep
