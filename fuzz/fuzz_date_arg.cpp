/// Fuzzes DATE arguments (done --date, undo --date, calendar...): parse_date_arg.
///
/// The first two bytes pick "today" (a day from 1900 to 2079), the rest is the argument.
/// Properties: the result is exactly what an independent model of the grammar says:
/// "today", "yesterday", "-N" for N from 0 to 100000 days back, or a real YYYY-MM-DD from
/// 0001-01-01 to 9999-12-31 (which then formats back to the same text); nothing else.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/model/clock.hpp"
#include "fuzz_check.hpp"

using namespace microstep;

namespace {

bool all_digits(const std::string& s, size_t from, size_t count) {
  for (size_t i = from; i < from + count; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

unsigned number(const std::string& s, size_t from, size_t count) {
  unsigned n = 0;
  for (size_t i = from; i < from + count; ++i) n = n * 10 + static_cast<unsigned>(s[i] - '0');
  return n;
}

/// Days from 1970-01-01 to YYYY-MM-DD, or nothing when the text is not a real date.
std::optional<long> model_iso(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s, 0, 4) || !all_digits(s, 5, 2) ||
      !all_digits(s, 8, 2))
    return std::nullopt;
  const long y = number(s, 0, 4), m = number(s, 5, 2), d = number(s, 8, 2);
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  static const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1) return std::nullopt;
  if (d > lengths[m - 1] + (m == 2 && leap ? 1 : 0)) return std::nullopt;
  // Days since 1970-01-01 by counting (proleptic Gregorian), independent of date.h.
  auto days_before_year = [](long year) {
    long p = year - 1;
    return p * 365 + p / 4 - p / 100 + p / 400;
  };
  long days = days_before_year(y) - days_before_year(1970);
  for (long month = 1; month < m; ++month) days += lengths[month - 1] + (month == 2 && leap ? 1 : 0);
  return days + d - 1;
}

std::optional<long> model(const std::string& s, long today) {
  if (s == "today") return today;
  if (s == "yesterday") return today - 1;
  if (s.size() > 1 && s[0] == '-') {
    if (!all_digits(s, 1, s.size() - 1)) return std::nullopt;
    unsigned long n = 0;
    for (size_t i = 1; i < s.size(); ++i) {
      n = n * 10 + static_cast<unsigned long>(s[i] - '0');
      if (n > 100000) return std::nullopt;
    }
    return today - static_cast<long>(n);
  }
  return model_iso(s);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const long base = day_number(Day{date::year{1900} / 1 / 1});
  const long today_number = base + (data[0] | (data[1] << 8));
  const Day today = day_from_number(today_number);
  const std::string text(reinterpret_cast<const char*>(data + 2), size - 2);

  const auto got = parse_date_arg(text, today);
  const auto expected = model(text, today_number);
  FUZZ_CHECK(got.has_value() == expected.has_value(),
             "'" + text + "' is " + (got ? "accepted" : "refused") + ", the model says otherwise");
  if (!got) return 0;
  FUZZ_CHECK(day_number(*got) == *expected,
             "'" + text + "' gives " + format_day(*got) + ", the model says day " + std::to_string(*expected));
  if (text.size() == 10 && text[0] != '-') FUZZ_CHECK(format_day(*got) == text, "'" + text + "' formats differently");
  const auto again = parse_date_arg(format_day(*got), today);
  FUZZ_CHECK(again == got, "the formatted day of '" + text + "' does not read back");
  return 0;
}
