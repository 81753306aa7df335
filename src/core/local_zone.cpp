#include "core/local_zone.hpp"

#include <date/date.h>

// date 3.0.1's ptz.h says `hh_mm_ss` unqualified under both `using namespace date` and
// `using namespace std::chrono`, which is ambiguous in C++20. A name declared in its own
// namespace is found first, so this settles it without touching the header.
namespace Posix {
using date::hh_mm_ss;
}

#include <date/ptz.h>
#include <date/tz.h>

#include <cstdlib>
#include <variant>

#include "core/error.hpp"

namespace microstep {

struct LocalZone::Impl {
  std::variant<const date::time_zone*, Posix::time_zone> zone;
};

LocalZone::LocalZone(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
LocalZone::~LocalZone() = default;
LocalZone::LocalZone(LocalZone&&) noexcept = default;
LocalZone& LocalZone::operator=(LocalZone&&) noexcept = default;

LocalZone LocalZone::named(const std::string& name) {
  return LocalZone(std::make_unique<Impl>(Impl{date::locate_zone(name)}));
}

LocalZone LocalZone::from_environment() {
  // date 3.0's current_zone() reads /etc/localtime only, so $TZ is honoured here.
  const char* env = std::getenv("TZ");
  std::string tz = env ? env : "";
  if (!tz.empty() && tz[0] == ':') tz.erase(0, 1);
  const std::string zoneinfo = "/usr/share/zoneinfo/";
  if (tz.rfind(zoneinfo, 0) == 0) tz.erase(0, zoneinfo.size());
  try {
    if (tz.empty()) return LocalZone(std::make_unique<Impl>(Impl{date::current_zone()}));
    return named(tz);
  } catch (const std::exception&) {
  }
  try {
    return LocalZone(std::make_unique<Impl>(Impl{Posix::time_zone{tz}}));
  } catch (const std::exception&) {
    throw usage_error("TZ=" + tz + " is neither a time zone name (Europe/Paris) nor a POSIX TZ rule");
  }
}

Moment LocalZone::at(date::sys_seconds instant) const {
  auto info = std::visit(
      [&](const auto& z) {
        if constexpr (std::is_pointer_v<std::decay_t<decltype(z)>>)
          return z->get_info(instant);
        else
          return z.get_info(instant);
      },
      impl_->zone);
  return Moment{instant, std::chrono::duration_cast<std::chrono::minutes>(info.offset)};
}

Moment LocalZone::from_local(date::local_seconds wall) const {
  auto info = std::visit(
      [&](const auto& z) {
        if constexpr (std::is_pointer_v<std::decay_t<decltype(z)>>)
          return z->get_info(wall);
        else
          return z.get_info(wall);
      },
      impl_->zone);
  date::sys_seconds utc;
  switch (info.result) {
    case date::local_info::unique:
    case date::local_info::ambiguous:
      utc = date::sys_seconds{wall.time_since_epoch() - info.first.offset};
      break;
    case date::local_info::nonexistent:
      // The wall time fell in a spring-forward gap: use the offset from before the gap,
      // which lands just after the change, as clocks would show it.
      utc = date::sys_seconds{wall.time_since_epoch() - info.first.offset};
      break;
  }
  return at(utc);
}

std::string LocalZone::name() const {
  return std::visit(
      [](const auto& z) -> std::string {
        if constexpr (std::is_pointer_v<std::decay_t<decltype(z)>>)
          return std::string(z->name());
        else
          return z.name();
      },
      impl_->zone);
}

}  // namespace microstep
