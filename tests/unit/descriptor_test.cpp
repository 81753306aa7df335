/// Tests of core/descriptor: a descriptor is closed when its owner goes out of scope.
#include "core/descriptor.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>

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

}  // namespace microstep
