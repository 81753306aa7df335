#pragma once
/// The person's time zone: $TZ (a zone name or a POSIX rule), else the system's.
#include <memory>
#include <string>

#include "core/moment.hpp"

namespace microstep {

class LocalZone {
 public:
  /// Reads $TZ through date's tz library; an unknown name falls back to a POSIX TZ rule,
  /// and an unusable value is a usage error naming it.
  static LocalZone from_environment();
  /// A named IANA zone, for tests ("America/New_York").
  static LocalZone named(const std::string& name);

  /// The moment `instant` with this zone's offset at that instant.
  Moment at(date::sys_seconds instant) const;
  /// A local wall-clock reading placed in this zone (a time skipped by DST moves forward,
  /// a repeated one takes the earlier instant).
  Moment from_local(date::local_seconds wall) const;
  std::string name() const;

  ~LocalZone();
  LocalZone(LocalZone&&) noexcept;
  LocalZone& operator=(LocalZone&&) noexcept;

 private:
  struct Impl;
  explicit LocalZone(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace microstep
