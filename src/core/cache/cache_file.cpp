#include "core/cache/cache_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
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
  // O_NONBLOCK: a FIFO in its place must not wait for a writer; it is no cache.
  Descriptor file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  struct stat info {};
  if (file.fd < 0 || ::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  std::string bytes(static_cast<size_t>(info.st_size), '\0');
  if (!read_exactly(file.fd, bytes.data(), bytes.size(), 0)) return std::nullopt;
  return bytes;
}

ReplacementFile::ReplacementFile(const std::filesystem::path& path) : path_(path) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  temporary_ = path.string() + ".XXXXXX";
  file_.fd = ::mkstemp(temporary_.data());
  if (file_.fd < 0) temporary_.clear();
}

ReplacementFile::~ReplacementFile() {
  if (!committed_ && !temporary_.empty()) ::unlink(temporary_.c_str());
}

bool ReplacementFile::commit() {
  if (file_.fd < 0) return false;
  const bool closed = ::close(file_.fd) == 0;
  file_.fd = -1;
  committed_ = closed && ::rename(temporary_.c_str(), path_.c_str()) == 0;
  return committed_;
}

bool write_cache_file(const std::filesystem::path& path, std::string_view bytes) {
  ReplacementFile file(path);
  return file.fd() >= 0 && write_exactly(file.fd(), bytes.data(), bytes.size()) && file.commit();
}

}  // namespace microstep
