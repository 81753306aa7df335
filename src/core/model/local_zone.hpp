#pragma once
/// The person's time zone: $TZ (a zone name or a POSIX rule), else the system's. Only that
/// zone's file is read (core/model/zone_file), never the whole zone database.
#include <memory>
#include <string>

#include "core/model/moment.hpp"

namespace microstep {

class LocalZone {
 public:
  /// Reads $TZ as the C library does: a name under /usr/share/zoneinfo (a leading ':' or
  /// that directory may come first), else a POSIX TZ rule; an unusable value is a usage error
  /// naming it. Without $TZ, /etc/localtime; without that, UTC.
  static LocalZone from_environment();
  /// A named IANA zone ("America/New_York"); a usage error when there is no such zone file.
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
