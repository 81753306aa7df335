#include "core/journal/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "core/journal/atomic_file.hpp"
#include "core/base/descriptor.hpp"
#include "core/base/error.hpp"
#include "core/base/regular_file.hpp"

namespace microstep {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& why) {
  throw io_error("cannot write " + path.string() + ": " + why);
}

/// Writes to a FIFO or a device as it is, by opening it as the shell's `>` does: a FIFO the
/// person named waits for its reader, which may start after microstep does.
void write_stream(const std::filesystem::path& path, std::string_view content) {
  Descriptor out;
  do out.fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  while (out.fd < 0 && errno == EINTR);
  if (out.fd < 0) fail(path, std::strerror(errno));
  for (size_t done = 0; done < content.size();) {
    ssize_t n = ::write(out.fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(path, n < 0 ? std::strerror(errno) : "nothing written");
    done += static_cast<size_t>(n);
  }
  if (::close(std::exchange(out.fd, -1)) != 0) fail(path, std::strerror(errno));
}

}  // namespace

void write_output_file(const std::filesystem::path& path, std::string_view content) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno != ENOENT) fail(path, std::strerror(errno));
    std::error_code ec;
    // None yet (or a link to none yet): the file the link names is created.
    write_file_atomically(std::filesystem::is_symlink(path, ec) ? std::filesystem::weakly_canonical(path, ec) : path,
                          content);
    return;
  }
  if (S_ISREG(info.st_mode)) {
    std::error_code ec;
    write_file_atomically(std::filesystem::is_symlink(path, ec) ? std::filesystem::canonical(path, ec) : path, content);
    return;
  }
  if (S_ISFIFO(info.st_mode) || S_ISCHR(info.st_mode)) {
    write_stream(path, content);
    return;
  }
  fail(path, "it is " + file_kind(info.st_mode) + ", not a file to write");
}

}  // namespace microstep
