#include "core/model/clock.hpp"

#include <charconv>

#include "core/base/error.hpp"

namespace microstep {

Day day_of(const Moment& moment, std::chrono::minutes day_starts_at) {
  auto shifted = local_time(moment) - day_starts_at;
  return Day{date::floor<date::days>(shifted).time_since_epoch()};
}

Clock resolve_clock(const std::optional<std::string>& today_text,
                    const std::optional<std::string>& now_text, std::chrono::minutes day_starts_at,
                    const std::function<const LocalZone&()>& zone) {
  Clock clock;
  if (now_text) {
    auto parsed = parse_moment_text(*now_text);
    if (!parsed)
      throw usage_error("--now '" + *now_text +
                        "' is not a timestamp (expected YYYY-MM-DDTHH:MM[:SS] with an optional "
                        "Z or +HH:MM offset)");
    if (parsed->offset)
      clock.now = Moment{parsed->wall - *parsed->offset, *parsed->offset};
    else
      clock.now = zone().from_local(date::local_seconds{parsed->wall.time_since_epoch()});
  } else {
    clock.now = zone().at(date::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  }
  if (today_text) {
    auto day = parse_iso_day(*today_text);
    if (!day) throw usage_error("--today '" + *today_text + "' is not a date (expected YYYY-MM-DD)");
    clock.today = *day;
  } else {
    clock.today = day_of(clock.now, day_starts_at);
  }
  return clock;
}

std::optional<std::chrono::minutes> parse_time_of_day(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (size_t i : {0, 1, 3, 4})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  int hours = (text[0] - '0') * 10 + (text[1] - '0');
  int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59) return std::nullopt;
  return std::chrono::minutes{hours * 60 + minutes};
}

std::optional<std::chrono::minutes> parse_duration(std::string_view text) {
  long total = 0;
  bool any = false;
  char last_unit = 0;
  while (!text.empty()) {
    size_t digits = 0;
    while (digits < text.size() && digits < 6 && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits == 0 || digits == text.size()) return std::nullopt;
    long n = std::stol(std::string(text.substr(0, digits)));
    char unit = text[digits];
    if (unit == 'h' && last_unit == 0) total += n * 60;
    else if (unit == 'm' && last_unit != 'm') total += n;
    else return std::nullopt;
    last_unit = unit;
    any = true;
    text.remove_prefix(digits + 1);
  }
  if (!any || total <= 0) return std::nullopt;
  return std::chrono::minutes{total};
}

std::chrono::minutes minutes_into_day(const Moment& moment, std::chrono::minutes day_starts_at) {
  auto shifted = local_time(moment) - day_starts_at;
  return date::floor<std::chrono::minutes>(shifted - date::floor<date::days>(shifted));
}

bool time_of_day_has_come(std::chrono::minutes at, const Moment& now, std::chrono::minutes day_starts_at) {
  constexpr std::chrono::minutes kDay{24 * 60};
  auto at_into_day = (at - day_starts_at + kDay) % kDay;
  return minutes_into_day(now, day_starts_at) >= at_into_day;
}

std::optional<Day> parse_date_arg(const std::string& text, Day today) {
  if (text == "today") return today;
  if (text == "yesterday") return today - date::days{1};
  if (text.size() > 1 && text[0] == '-') {
    // from_chars takes a second '-' as a sign: "--3" must not mean three days ahead.
    if (text[1] < '0' || text[1] > '9') return std::nullopt;
    long n = 0;
    auto [end, ec] = std::from_chars(text.data() + 1, text.data() + text.size(), n);
    if (ec != std::errc{} || end != text.data() + text.size() || n > 100000) return std::nullopt;
    return today - date::days{n};
  }
  return parse_iso_day(text);
}

}  // namespace microstep
