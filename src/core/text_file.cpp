#include "core/text_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "core/descriptor.hpp"
#include "core/error.hpp"

namespace microstep {

std::string read_text_file(const std::filesystem::path& path) {
  // open, fstat and read, without a stream: every command reads its settings and goal files
  // this way, and an ifstream with its string stream cost several times the system calls.
  Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  struct stat info {};
  // A directory opens too: it must not pass for an empty file.
  if (file.fd < 0 || ::fstat(file.fd, &info) != 0 || S_ISDIR(info.st_mode)) throw io_error("cannot read " + path.string());
  std::string text;
  // Room for the whole file and one byte more, so that the read that finds its end needs none.
  text.resize(S_ISREG(info.st_mode) ? static_cast<size_t>(info.st_size) + 1 : 4096);
  size_t size = 0;
  for (;;) {
    if (size == text.size()) text.resize(size + 4096);  // grown while reading, or not a regular file
    ssize_t got = ::read(file.fd, text.data() + size, text.size() - size);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw io_error("cannot read " + path.string());
    if (got == 0) break;
    size += static_cast<size_t>(got);
  }
  text.resize(size);
  return text;
}

}  // namespace microstep
