#pragma once
/// Amounts logged with a check-in ("3" sentences, "2.5" km).
#include <optional>
#include <string>
#include <string_view>

namespace microstep {

inline constexpr double kMaxAmount = 1e9;
inline constexpr const char* kAmountRule = "a number from 0 to 1000000000, such as 3 or 2.5";

/// Shortest text that reads back as the same number ("3", "2.5").
std::string format_amount(double amount);

/// Plain decimal digits with an optional fraction; no sign, exponent, inf or nan.
std::optional<double> parse_amount(std::string_view text);

}  // namespace microstep
