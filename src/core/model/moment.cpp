#include "core/model/moment.hpp"

#include <cstdio>

#include "core/model/day.hpp"

namespace microstep {

namespace {
bool two_digits(std::string_view s, size_t at, int& out) {
  if (at + 2 > s.size() || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9')
    return false;
  out = (s[at] - '0') * 10 + (s[at + 1] - '0');
  return true;
}
}  // namespace

std::optional<MomentText> parse_moment_text(std::string_view text) {
  // YYYY-MM-DD[T ]HH:MM[:SS][Z|+HH:MM|-HH:MM]
  if (text.size() < 16) return std::nullopt;
  auto day = parse_iso_day(text.substr(0, 10));
  if (!day || (text[10] != 'T' && text[10] != ' ')) return std::nullopt;
  int hh, mm, ss = 0;
  if (!two_digits(text, 11, hh) || text[13] != ':' || !two_digits(text, 14, mm)) return std::nullopt;
  size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    if (!two_digits(text, pos + 1, ss)) return std::nullopt;
    pos += 3;
  }
  if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  MomentText result;
  result.wall = date::sys_seconds{*day} + std::chrono::hours{hh} + std::chrono::minutes{mm} +
                std::chrono::seconds{ss};
  std::string_view rest = text.substr(pos);
  if (rest.empty()) return result;
  if (rest == "Z") {
    result.offset = std::chrono::minutes{0};
    return result;
  }
  int oh, om;
  if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || !two_digits(rest, 1, oh) ||
      rest[3] != ':' || !two_digits(rest, 4, om) || oh > 23 || om > 59)
    return std::nullopt;
  std::chrono::minutes offset{oh * 60 + om};
  result.offset = rest[0] == '-' ? -offset : offset;
  return result;
}

std::optional<Moment> parse_moment(std::string_view text) {
  auto parsed = parse_moment_text(text);
  if (!parsed || !parsed->offset) return std::nullopt;
  return Moment{parsed->wall - *parsed->offset, *parsed->offset};
}

std::string format_moment(const Moment& moment) {
  auto local = local_time(moment);
  auto day = date::floor<date::days>(local);
  date::hh_mm_ss<std::chrono::seconds> time{local - day};
  long off = moment.offset.count();
  char sign = off < 0 ? '-' : '+';
  if (off < 0) off = -off;
  char buf[128];  // room for every long the format can print, so GCC sees it cannot truncate
  std::snprintf(buf, sizeof buf, "%sT%02ld:%02ld:%02ld%c%02ld:%02ld",
                format_day(Day{day.time_since_epoch()}).c_str(),
                static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()), sign, off / 60, off % 60);
  return buf;
}

}  // namespace microstep
