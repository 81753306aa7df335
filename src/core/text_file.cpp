#include "core/text_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.hpp"
#include "core/regular_file.hpp"

namespace microstep {

std::string read_descriptor(int fd, const std::filesystem::path& path) {
  std::string text;
  char buffer[65536];
  for (;;) {
    ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw io_error("cannot read " + path.string() + ": " + std::strerror(errno));
    if (got == 0) return text;
    text.append(buffer, static_cast<size_t>(got));
  }
}

std::string read_text_file(const std::filesystem::path& path, const std::string& display) {
  Descriptor file = open_regular_file(path, O_RDONLY, display.empty() ? path.string() : display);
  if (file.fd < 0) throw io_error("cannot read " + path.string());
  return read_descriptor(file.fd, path);
}

}  // namespace microstep
