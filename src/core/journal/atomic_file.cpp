#include "core/journal/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <string>

#include "core/base/error.hpp"

namespace microstep {

namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path, int error) {
  throw io_error("cannot " + what + " " + path.string() + ": " + std::strerror(error));
}

/// Creates the temporary file ".NAME.tmp-XXXXXX" beside `path` (six random characters, as
/// mkstemp makes them) with `mode` less the umask, as open(2) makes any file: mkstemp's own
/// 0600 would need the umask read back, which no call does without changing it.
int create_temp(const std::filesystem::path& dir, const std::string& name, mode_t mode, std::string& temp) {
  static const char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device random;
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string suffix(6, 'X');
    for (char& c : suffix) c = kChars[random() % (sizeof kChars - 1)];
    temp = (dir / ("." + name + ".tmp-" + suffix)).string();
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  errno = EEXIST;
  return -1;
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content, std::optional<mode_t> mode) {
  std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  struct stat existing {};
  if (!mode && ::stat(path.c_str(), &existing) == 0) mode = existing.st_mode & 07777;
  // A mode to set is set once the text is in: until then, no one else may read it.
  std::string temp;
  int fd = create_temp(dir, path.filename().string(), mode ? 0600 : 0666, temp);
  if (fd < 0) fail("write", path, errno);

  auto give_up = [&](const std::string& what) {
    int error = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    fail(what, path, error);
  };
  for (size_t done = 0; done < content.size();) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) give_up("write");
    done += static_cast<size_t>(n);
  }
  if (mode && ::fchmod(fd, *mode) != 0) give_up("set the mode of");
  if (::fsync(fd) != 0) give_up("sync");
  if (::close(fd) != 0) {
    int error = errno;
    ::unlink(temp.c_str());
    fail("write", path, error);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temp.c_str());
    fail("replace", path, error);
  }
  // The rename is durable only once the directory is synced.
  int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
}

bool is_atomic_write_temp(std::string_view file_name, std::string_view name) {
  constexpr std::string_view kTag = ".tmp-";
  constexpr size_t kRandom = 6;  // mkstemp's XXXXXX
  if (file_name.size() < 1 + kTag.size() + kRandom + 1 || file_name[0] != '.') return false;
  const size_t tag = file_name.size() - kRandom - kTag.size();
  if (file_name.substr(tag, kTag.size()) != kTag) return false;
  const std::string_view base = file_name.substr(1, tag - 1);
  return name.empty() ? !base.empty() : base == name;
}

void remove_interrupted_writes(const std::filesystem::path& path) {
  std::error_code ec;
  const std::string name = path.filename().string();
  std::filesystem::directory_iterator it(path.has_parent_path() ? path.parent_path() : ".", ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string entry = it->path().filename().string();
    if (is_atomic_write_temp(entry, name)) ::unlink(it->path().c_str());
  }
}

}  // namespace microstep
