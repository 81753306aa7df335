#include "core/base/regular_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>

#include "core/base/error.hpp"

namespace microstep {

std::string file_kind(mode_t mode) {
  if (S_ISREG(mode)) return "a regular file";
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "not a file";
}

Descriptor open_regular_file(const std::filesystem::path& path, int flags, const std::string& display, mode_t mode,
                             struct stat& info) {
  auto refuse = [&](mode_t kind) {
    return data_error(display + ":1: not a regular file but " + file_kind(kind) +
                      "; microstep reads and writes only regular files here");
  };
  Descriptor file{::open(path.c_str(), flags | O_CLOEXEC | O_NONBLOCK, mode)};
  if (file.fd < 0) {
    if (errno == EISDIR) throw refuse(S_IFDIR);  // a directory opened for writing
    return file;
  }
  if (::fstat(file.fd, &info) != 0) {
    int saved = errno;
    file = Descriptor{};
    errno = saved;
    return file;
  }
  if (!S_ISREG(info.st_mode)) throw refuse(info.st_mode);
  // Reads and writes of a regular file never wait for another process: O_NONBLOCK is moot.
  // A file opened for writing has it taken off, so that nothing downstream mistakes it for a
  // stream; one only read keeps it, which spares every goal file two system calls.
  if ((flags & O_ACCMODE) != O_RDONLY) ::fcntl(file.fd, F_SETFL, ::fcntl(file.fd, F_GETFL) & ~O_NONBLOCK);
  return file;
}

Descriptor open_regular_file(const std::filesystem::path& path, int flags, const std::string& display, mode_t mode) {
  struct stat info {};
  return open_regular_file(path, flags, display, mode, info);
}

}  // namespace microstep
