#pragma once
/// One time zone's offsets, read from its compiled file (TZif, RFC 8536, as installed in
/// /usr/share/zoneinfo) or from a POSIX TZ rule: the one zone a command needs, without
/// listing the whole zone database as date's tz library does before it finds any zone.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

namespace microstep {

/// A span of time with one UTC offset: [begin, end).
struct ZoneSpan {
  date::sys_seconds begin;
  date::sys_seconds end;
  std::chrono::seconds offset;
};

/// A zone given by a POSIX TZ rule ("EST5EDT,M3.2.0,M11.1.0", "<+0330>-3:30").
class PosixZone {
 public:
  /// Nothing when `rule` is not a POSIX TZ rule.
  static std::optional<PosixZone> parse(const std::string& rule);
  /// The span of constant offset that holds `instant`.
  ZoneSpan span_at(date::sys_seconds instant) const;

 private:
  struct Rule;  // date's Posix::time_zone, kept out of this header
  std::shared_ptr<const Rule> rule_;
};

/// A zone read from a TZif file.
class ZoneFile {
 public:
  /// The zone in the bytes of a TZif file (version 1 to 4); nothing when they are not one,
  /// or when it counts leap seconds (the right/ zones): instants here are POSIX time.
  static std::optional<ZoneFile> parse(std::string_view bytes);
  /// The span of constant offset that holds `instant`. Past the file's last transition,
  /// the POSIX TZ rule at its end (version 2 and later) gives the offsets.
  ZoneSpan span_at(date::sys_seconds instant) const;

 private:
  std::vector<std::int64_t> transitions_;  ///< instants (POSIX seconds), ascending
  std::vector<std::int32_t> offsets_;      ///< the offset from each transition on
  std::int32_t initial_offset_ = 0;        ///< before the first transition
  std::optional<PosixZone> rule_;          ///< after the last one, when the file has a rule
};

}  // namespace microstep
