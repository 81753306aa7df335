#include "core/cache_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <system_error>

namespace microstep {

bool read_exactly(int fd, void* into, size_t size, std::uint64_t offset) {
  auto* at = static_cast<char*>(into);
  while (size > 0) {
    ssize_t got = ::pread(fd, at, size, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    at += got, size -= static_cast<size_t>(got), offset += static_cast<std::uint64_t>(got);
  }
  return true;
}

bool write_exactly(int fd, const char* from, size_t size) {
  while (size > 0) {
    ssize_t put = ::write(fd, from, size);
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return false;
    from += put, size -= static_cast<size_t>(put);
  }
  return true;
}

std::optional<std::string> read_cache_file(const std::filesystem::path& path) {
  Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  struct stat info {};
  if (file.fd < 0 || ::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  std::string bytes(static_cast<size_t>(info.st_size), '\0');
  if (!read_exactly(file.fd, bytes.data(), bytes.size(), 0)) return std::nullopt;
  return bytes;
}

bool write_cache_file(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::string temporary = path.string() + ".XXXXXX";
  Descriptor file{::mkstemp(temporary.data())};
  if (file.fd < 0) return false;
  bool ok = write_exactly(file.fd, bytes.data(), bytes.size());
  ok = ::close(file.fd) == 0 && ok;
  file.fd = -1;
  ok = ok && ::rename(temporary.c_str(), path.c_str()) == 0;
  if (!ok) ::unlink(temporary.c_str());
  return ok;
}

}  // namespace microstep
