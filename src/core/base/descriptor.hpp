#pragma once
/// A file descriptor closed on every path out of the scope that owns it.
#include <unistd.h>

#include <utility>

namespace microstep {

struct Descriptor {
  int fd = -1;
  Descriptor() = default;
  explicit Descriptor(int descriptor) : fd(descriptor) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  /// Ownership moves: the one moved from holds nothing.
  Descriptor(Descriptor&& other) noexcept : fd(std::exchange(other.fd, -1)) {}
  Descriptor& operator=(Descriptor&& other) noexcept {
    if (this != &other) {
      if (fd >= 0) ::close(fd);
      fd = std::exchange(other.fd, -1);
    }
    return *this;
  }
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace microstep
