#include "core/model/local_zone.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/base/error.hpp"
#include "core/base/text_file.hpp"
#include "core/model/zone_file.hpp"

namespace microstep {

struct LocalZone::Impl {
  std::string name;
  std::variant<ZoneFile, PosixZone> zone;

  ZoneSpan span_at(date::sys_seconds instant) const {
    return std::visit([&](const auto& z) { return z.span_at(instant); }, zone);
  }
};

LocalZone::LocalZone(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LocalZone::~LocalZone() = default;
LocalZone::LocalZone(LocalZone&&) noexcept = default;
LocalZone& LocalZone::operator=(LocalZone&&) noexcept = default;

namespace {

constexpr std::string_view kZoneDir = "/usr/share/zoneinfo/";

/// The zone in the TZif file at `path`; nothing when it cannot be read or is not one.
std::optional<ZoneFile> read_zone_file(const std::string& path) {
  try {
    return ZoneFile::parse(read_text_file(path));
  } catch (const Failure&) {
    return std::nullopt;
  }
}

/// A name that stays inside the zone directory: "Europe/Paris", "UTC".
bool is_zone_name(std::string_view name) {
  if (name.empty() || name.front() == '/') return false;
  for (size_t start = 0; start <= name.size();) {
    size_t end = std::min(name.find('/', start), name.size());
    std::string_view part = name.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

/// The name of the zone /etc/localtime links to ("Europe/Paris"), else "localtime".
std::string system_zone_name(const char* localtime) {
  std::array<char, 512> target{};
  ssize_t length = ::readlink(localtime, target.data(), target.size() - 1);
  std::string name = length > 0 ? std::string(target.data(), static_cast<size_t>(length)) : "localtime";
  if (auto at = name.find("zoneinfo/"); at != std::string::npos) name.erase(0, at + 9);
  return name;
}

}  // namespace

LocalZone LocalZone::named(const std::string& name) {
  auto zone = is_zone_name(name) ? read_zone_file(std::string(kZoneDir) + name) : std::nullopt;
  if (!zone) throw usage_error("unknown time zone '" + name + "' (not in " + std::string(kZoneDir) + ")");
  return LocalZone(std::make_unique<Impl>(Impl{name, std::move(*zone)}));
}

LocalZone LocalZone::from_environment() {
  // Only the zone asked for is read: one file, as the C library reads it.
  const char* env = std::getenv("TZ");
  std::string tz = env ? env : "";
  if (!tz.empty() && tz[0] == ':') tz.erase(0, 1);
  if (tz.starts_with(kZoneDir)) tz.erase(0, kZoneDir.size());
  if (tz.empty()) {  // the system's zone, as the C library finds it: UTC when there is none
    const char* localtime = "/etc/localtime";
    if (auto zone = read_zone_file(localtime))
      return LocalZone(std::make_unique<Impl>(Impl{system_zone_name(localtime), std::move(*zone)}));
    return LocalZone(std::make_unique<Impl>(Impl{"UTC", *PosixZone::parse("UTC0")}));
  }
  if (auto zone = is_zone_name(tz) ? read_zone_file(std::string(kZoneDir) + tz) : std::nullopt)
    return LocalZone(std::make_unique<Impl>(Impl{tz, std::move(*zone)}));
  if (auto rule = PosixZone::parse(tz)) return LocalZone(std::make_unique<Impl>(Impl{tz, std::move(*rule)}));
  throw usage_error("TZ=" + tz + " is neither a time zone name (Europe/Paris) nor a POSIX TZ rule");
}

Moment LocalZone::at(date::sys_seconds instant) const {
  return Moment{instant, std::chrono::duration_cast<std::chrono::minutes>(impl_->span_at(instant).offset)};
}

Moment LocalZone::from_local(date::local_seconds wall) const {
  // Every instant whose wall reading is `wall` lies within a day of it (offsets stay within
  // +-26 hours): walk the spans of constant offset that cover that window. An instant
  // `wall - offset` that falls in its own span reads `wall`; when two do (clocks turned
  // back), the earlier wins; when none does (clocks turned forward past `wall`), the offset
  // from before the gap places it just after the change, as clocks would show it.
  using std::chrono::hours;
  const date::sys_seconds as_utc{wall.time_since_epoch()};
  const date::sys_seconds last = as_utc + hours{27};
  std::optional<date::sys_seconds> found, before_gap;
  ZoneSpan span = impl_->span_at(as_utc - hours{27});
  for (int step = 0; step < 64; ++step) {
    const date::sys_seconds utc = as_utc - span.offset;
    if (span.begin <= utc && utc < span.end) {
      if (!found || utc < *found) found = utc;
    } else if (utc >= span.end && !found) {
      before_gap = utc;
    }
    if (span.end > last || span.end <= span.begin) break;
    span = impl_->span_at(span.end);
  }
  return at(found ? *found : before_gap.value_or(as_utc));
}

std::string LocalZone::name() const { return impl_->name; }

}  // namespace microstep
