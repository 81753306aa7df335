/// Tests of core/base/regular_file: a journal file opened without ever waiting on it.
#include "core/base/regular_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <doctest/doctest.h>

#include "core/base/error.hpp"
#include "unit/temp_dir.hpp"

namespace microstep {

TEST_CASE("open_regular_file: a regular file opens - blocking again when it is opened for writing") {
  test::TempDir dir;
  dir.write("goal.yaml", "id: a\n");
  struct stat info {};
  Descriptor read = open_regular_file(dir.path / "goal.yaml", O_RDONLY, "goals/goal.yaml", 0, info);
  REQUIRE(read.fd >= 0);
  CHECK((::fcntl(read.fd, F_GETFD) & FD_CLOEXEC) != 0);
  CHECK(info.st_size == 6);  // its fstat(2), for the reader's buffer
  Descriptor write = open_regular_file(dir.path / "goal.yaml", O_WRONLY | O_APPEND, "goals/goal.yaml");
  REQUIRE(write.fd >= 0);
  CHECK((::fcntl(write.fd, F_GETFL) & O_NONBLOCK) == 0);
  CHECK((::fcntl(write.fd, F_GETFD) & FD_CLOEXEC) != 0);
}

TEST_CASE("open_regular_file: a missing file gives -1 and errno - a FIFO or a directory is bad data at once") {
  test::TempDir dir;
  Descriptor missing = open_regular_file(dir.path / "missing.yaml", O_RDONLY, "missing.yaml");
  CHECK(missing.fd == -1);
  CHECK(errno == ENOENT);
  REQUIRE(::mkfifo((dir.path / "fifo").c_str(), 0644) == 0);
  CHECK_THROWS_WITH_AS(open_regular_file(dir.path / "fifo", O_RDONLY, "checkins.log"),
                       "checkins.log:1: not a regular file but a FIFO; microstep reads and writes only regular files here",
                       Failure);
  CHECK_THROWS_WITH_AS(open_regular_file(dir.path, O_RDONLY, "goals/x.yaml"),
                       doctest::Contains("goals/x.yaml:1: not a regular file but a directory"), Failure);
  CHECK_THROWS_WITH_AS(open_regular_file(dir.path, O_RDWR, "goals/x.yaml"),  // EISDIR from open(2) itself
                       doctest::Contains("goals/x.yaml:1: not a regular file but a directory"), Failure);
}

TEST_CASE("file_kind names what fstat says") {
  CHECK(file_kind(S_IFREG) == "a regular file");
  CHECK(file_kind(S_IFIFO) == "a FIFO");
  CHECK(file_kind(S_IFCHR) == "a character device");
  CHECK(file_kind(S_IFBLK) == "a block device");
  CHECK(file_kind(S_IFSOCK) == "a socket");
  CHECK(file_kind(S_IFDIR) == "a directory");
}

}  // namespace microstep
