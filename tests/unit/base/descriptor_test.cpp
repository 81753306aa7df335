/// Tests of core/base/descriptor: a descriptor is closed when its owner goes out of scope.
#include "core/base/descriptor.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>

#include <utility>

namespace microstep {

TEST_CASE("Descriptor: closes what it holds, and only that") {
  int fd = -1;
  {
    Descriptor file{::open("/dev/null", O_RDONLY | O_CLOEXEC)};
    fd = file.fd;
    REQUIRE(fd >= 0);
    CHECK(::fcntl(fd, F_GETFD) != -1);  // open while held
  }
  CHECK(::fcntl(fd, F_GETFD) == -1);  // closed with its owner
  {
    Descriptor none;  // holds nothing: closes nothing
    CHECK(none.fd == -1);
  }
}

TEST_CASE("Descriptor: moves hand the descriptor over - the one moved from closes nothing") {
  Descriptor first{::open("/dev/null", O_RDONLY | O_CLOEXEC)};
  const int fd = first.fd;
  REQUIRE(fd >= 0);
  Descriptor second = std::move(first);
  CHECK(first.fd == -1);
  CHECK(second.fd == fd);
  Descriptor third{::open("/dev/null", O_RDONLY | O_CLOEXEC)};
  const int replaced = third.fd;
  third = std::move(second);
  CHECK(third.fd == fd);
  CHECK(::fcntl(replaced, F_GETFD) == -1);  // what third held is closed
  CHECK(::fcntl(fd, F_GETFD) != -1);
}

}  // namespace microstep
