#include "core/base/amount.hpp"

#include <charconv>

namespace microstep {

std::optional<double> parse_amount(std::string_view text) {
  if (text.empty() || text.size() > 32) return std::nullopt;
  size_t dots = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.') {
      if (++dots > 1 || i == 0 || i + 1 == text.size()) return std::nullopt;
    } else if (c < '0' || c > '9') {
      return std::nullopt;
    }
  }
  // Most amounts are small whole numbers: exact as a double, with no floating-point parse.
  if (dots == 0 && text.size() <= 9) {
    long whole = 0;
    for (char c : text) whole = whole * 10 + (c - '0');
    return static_cast<double>(whole);
  }
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value > kMaxAmount) return std::nullopt;
  return value;
}

std::string format_amount(double amount) {
  // Fixed notation: the shortest form would write 100000 as "1e+05", which parse_amount
  // refuses. 400 bytes hold any finite double written out in full.
  char buf[400];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, amount, std::chars_format::fixed);
  return std::string(buf, end);
}

}  // namespace microstep
