#include "core/model/schedule.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <charconv>
#include <vector>

namespace microstep {

namespace {

constexpr std::uint8_t kAllDays = 0x7f;
constexpr std::uint8_t kWeekdays = 0x1f;  // Monday to Friday
constexpr std::uint8_t kWeekends = 0x60;  // Saturday and Sunday

/// `text` without the white space (spaces, tabs...) around it.
std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::string lowercase_trimmed(std::string_view text) {
  std::string out;
  for (char c : trimmed(text)) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<unsigned> parse_count(std::string_view text) {
  unsigned n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return n;
}

/// "mon,wed,fri" (white space around the commas allowed, as around the whole).
std::optional<std::uint8_t> parse_day_list(std::string_view text) {
  std::uint8_t mask = 0;
  while (true) {
    auto comma = text.find(',');
    auto day = parse_weekday_name(trimmed(text.substr(0, comma)));
    if (!day) return std::nullopt;
    mask |= static_cast<std::uint8_t>(1u << *day);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return mask;
}

/// The words of `text` split on spaces.
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  while (!text.empty()) {
    size_t space = text.find_first_of(" \t");
    if (space != 0) words.push_back(text.substr(0, space));
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  return words;
}

/// "K in N days", also written "K times in any N days" (Loop Habit Tracker's words); K in K
/// days asks for every day: daily. Lowercase, trimmed text.
std::optional<Schedule> parse_rolling(std::string_view text) {
  auto words = words_of(text);
  size_t i = 0;
  auto next_is = [&](std::string_view word) {
    if (i < words.size() && words[i] == word) return ++i, true;
    return false;
  };
  if (words.size() < 4) return std::nullopt;
  auto k = parse_count(words[i++]);
  next_is("times");
  if (!next_is("in")) return std::nullopt;
  next_is("any");
  if (i + 2 != words.size() || words[i + 1] != "days") return std::nullopt;
  auto n = parse_count(words[i]);
  if (!k || !n || *k < 1 || *n > kMaxRollingDays || *k > *n) return std::nullopt;
  if (*k == *n) return Schedule{};
  return rolling_schedule(*k, *n);
}

}  // namespace

Schedule quota_schedule(Schedule::Kind kind, unsigned n) {
  Schedule s;
  s.kind = kind;
  s.n = n;
  return s;
}

Schedule rolling_schedule(unsigned k, unsigned n) {
  Schedule s;
  s.kind = Schedule::Kind::rolling;
  s.k = k;
  s.n = n;
  return s;
}

Schedule tracking_schedule() {
  Schedule s;
  s.kind = Schedule::Kind::tracking;
  return s;
}

bool Schedule::is_scheduled(Day day, Day anchor) const {
  switch (kind) {
    case Kind::days:
      return (weekday_mask >> iso_weekday_index(day)) & 1u;
    case Kind::every_n: {
      long offset = day_number(day) - day_number(anchor);
      return offset >= 0 && offset % static_cast<long>(n) == 0;
    }
    case Kind::per_week:
    case Kind::per_month:
    case Kind::rolling:
      return true;  // any day may count towards the quota or the window
    case Kind::tracking:
      return false;
  }
  return false;
}

double Schedule::checks_per_day() const {
  switch (kind) {
    case Kind::days:
      return static_cast<double>(std::popcount(weekday_mask)) / 7.0;
    case Kind::every_n:
      return 1.0 / n;
    case Kind::per_week:
      return n / 7.0;
    case Kind::per_month:
      return n / (365.25 / 12.0);
    case Kind::rolling:
      return static_cast<double>(k) / n;
    case Kind::tracking:
      return 0.0;
  }
  return 1.0;
}

std::optional<Schedule> parse_schedule(std::string_view text) {
  std::string s = lowercase_trimmed(text);
  Schedule result;
  if (s == "daily" || s == "every day") return result;
  if (s == "weekdays") {
    result.weekday_mask = kWeekdays;
    return result;
  }
  if (s == "weekends") {
    result.weekday_mask = kWeekends;
    return result;
  }
  if (s == "tracking") return tracking_schedule();
  if (s == "weekly") return quota_schedule(Schedule::Kind::per_week, 1);
  if (s == "monthly") return quota_schedule(Schedule::Kind::per_month, 1);
  if (auto slash = s.find('/'); slash != std::string::npos) {
    auto n = parse_count(std::string_view(s).substr(0, slash));
    auto period = std::string_view(s).substr(slash + 1);
    if (!n || *n == 0) return std::nullopt;
    if (period == "week" && *n <= 7) return quota_schedule(Schedule::Kind::per_week, *n);
    if (period == "month" && *n <= 28) return quota_schedule(Schedule::Kind::per_month, *n);
    return std::nullopt;
  }
  constexpr std::string_view every = "every ", days = " days";
  if (s.starts_with(every) && s.ends_with(days) && s.size() > every.size() + days.size()) {
    auto n = parse_count(std::string_view(s).substr(every.size(), s.size() - every.size() - days.size()));
    if (!n || *n < 1 || *n > 365) return std::nullopt;
    if (*n == 1) return result;
    result.kind = Schedule::Kind::every_n;
    result.n = *n;
    return result;
  }
  if (auto rolling = parse_rolling(s)) return rolling;
  if (auto mask = parse_day_list(s); mask && *mask) {
    result.weekday_mask = *mask;
    return result;
  }
  return std::nullopt;
}

std::string to_string(const Schedule& schedule) {
  switch (schedule.kind) {
    case Schedule::Kind::days: {
      if (schedule.weekday_mask == kAllDays) return "daily";
      if (schedule.weekday_mask == kWeekdays) return "weekdays";
      if (schedule.weekday_mask == kWeekends) return "weekends";
      std::string out;
      for (unsigned i = 0; i < 7; ++i) {
        if (!((schedule.weekday_mask >> i) & 1u)) continue;
        if (!out.empty()) out += ',';
        out += weekday_short_name(i);
      }
      return out;
    }
    case Schedule::Kind::every_n:
      return "every " + std::to_string(schedule.n) + " days";
    case Schedule::Kind::per_week:
      return std::to_string(schedule.n) + "/week";
    case Schedule::Kind::per_month:
      return std::to_string(schedule.n) + "/month";
    case Schedule::Kind::rolling:
      return std::to_string(schedule.k) + " in " + std::to_string(schedule.n) + " days";
    case Schedule::Kind::tracking:
      return "tracking";
  }
  return "daily";
}

std::string_view streak_unit(const Schedule& schedule) {
  switch (schedule.kind) {
    case Schedule::Kind::per_week:
      return "week";
    case Schedule::Kind::per_month:
      return "month";
    default:
      return "day";
  }
}

}  // namespace microstep
