#include "core/model/day.hpp"

#include <cctype>

#include <array>
#include <cstdio>

namespace microstep {

namespace {
bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}
int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
constexpr std::array<std::string_view, 7> kShort{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> kLong{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> kMonths{"January", "February", "March",     "April",
                                                   "May",     "June",     "July",      "August",
                                                   "September", "October", "November", "December"};
}  // namespace

std::optional<Day> parse_iso_day(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
  int year = to_int(y);
  if (year < 1) return std::nullopt;
  date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(to_int(m))},
                           date::day{static_cast<unsigned>(to_int(d))}};
  if (!ymd.ok()) return std::nullopt;
  return Day{ymd};
}

std::string format_day(Day day) {
  date::year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

unsigned iso_weekday_index(Day day) { return date::weekday{day}.iso_encoding() - 1; }

Day start_of_week(Day day, unsigned week_start) {
  unsigned back = (iso_weekday_index(day) + 7 - week_start) % 7;
  return day - date::days{back};
}

Day start_of_month(Day day) {
  date::year_month_day ymd{day};
  return Day{ymd.year() / ymd.month() / 1};
}

unsigned days_in_month(Day day) {
  date::year_month_day ymd{day};
  return static_cast<unsigned>(date::year_month_day_last{ymd.year() / ymd.month() / date::last}.day());
}

std::string format_long_day(Day day) {
  date::year_month_day ymd{day};
  return std::string(weekday_long_name(iso_weekday_index(day))) + " " +
         std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         std::string(month_long_name(static_cast<unsigned>(ymd.month()))) + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

std::string_view weekday_short_name(unsigned iso_index) { return kShort.at(iso_index % 7); }
std::string_view weekday_long_name(unsigned iso_index) { return kLong.at(iso_index % 7); }
std::string_view month_long_name(unsigned month) { return kMonths.at((month + 11) % 12); }

}  // namespace microstep

namespace microstep {

std::optional<unsigned> parse_weekday_name(std::string_view name) {
  auto same = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
        return false;
    return true;
  };
  for (unsigned i = 0; i < 7; ++i)
    if (same(name, weekday_short_name(i)) || same(name, weekday_long_name(i))) return i;
  return std::nullopt;
}

}  // namespace microstep
