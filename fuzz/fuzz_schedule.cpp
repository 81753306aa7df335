/// Fuzzes schedule strings (a goal's schedule:, add --every): parse_schedule and to_string.
///
/// Properties: an accepted schedule is within its ranges (some weekday, every 2 to 365 days,
/// 1 to 7 a week, 1 to 28 a month) and expects between 0 and 1 check-ins a day; its canonical
/// text parses back to the same Schedule and is a fixed point; parsing ignores ASCII case and
/// surrounding white space.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/schedule.hpp"
#include "fuzz_check.hpp"

using namespace microstep;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto schedule = parse_schedule(text);

  std::string upper = text;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  FUZZ_CHECK(parse_schedule(upper) == schedule, "case changes the schedule of '" + text + "'");
  FUZZ_CHECK(parse_schedule(" " + text + "\t") == schedule, "white space changes the schedule of '" + text + "'");
  if (!schedule) return 0;

  const Schedule& s = *schedule;
  switch (s.kind) {
    case Schedule::Kind::days:
      FUZZ_CHECK(s.weekday_mask >= 1 && s.weekday_mask <= 0x7f, "weekday mask out of range: " + text);
      break;
    case Schedule::Kind::every_n:
      FUZZ_CHECK(s.n >= 2 && s.n <= 365, "every N days out of range: " + text);
      break;
    case Schedule::Kind::per_week:
      FUZZ_CHECK(s.n >= 1 && s.n <= 7, "N/week out of range: " + text);
      break;
    case Schedule::Kind::per_month:
      FUZZ_CHECK(s.n >= 1 && s.n <= 28, "N/month out of range: " + text);
      break;
    case Schedule::Kind::rolling:
      FUZZ_CHECK(s.k >= 1 && s.k < s.n && s.n <= kMaxRollingDays, "K in N days out of range: " + text);
      break;
    case Schedule::Kind::tracking:
      break;
  }
  // Tracking asks for no day; every other schedule for some, at most one a day.
  const double per_day = s.checks_per_day();
  if (s.is_tracking())
    FUZZ_CHECK(per_day == 0, "tracking asks for checks: " + text);
  else
    FUZZ_CHECK(per_day > 0 && per_day <= 1, "checks per day out of (0, 1]: " + text);
  const Day anchor{date::year{2026} / 11 / 22};
  if (s.kind == Schedule::Kind::every_n) FUZZ_CHECK(s.is_scheduled(anchor, anchor), "anchor not scheduled");

  const std::string canonical = to_string(s);
  const auto again = parse_schedule(canonical);
  FUZZ_CHECK(again.has_value(), "'" + text + "' gives '" + canonical + "', which does not parse");
  FUZZ_CHECK(*again == s, "'" + text + "' gives '" + canonical + "', which parses to another schedule");
  FUZZ_CHECK(to_string(*again) == canonical, "the canonical text of '" + text + "' is not stable");
  return 0;
}
