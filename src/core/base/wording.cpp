#include "core/base/wording.hpp"

#include <cmath>

#include "core/base/amount.hpp"
#include "core/base/english.hpp"

namespace microstep {

std::string count_with_unit(long count, std::string_view unit) {
  return std::to_string(count) + " " + (count == 1 ? std::string(unit) : unit_for(2, unit));
}

std::string amount_with_unit(double amount, std::string_view unit) {
  if (unit.empty()) return format_number(amount);
  return format_number(amount) + " " + unit_for(std::round(amount * 100) / 100, unit);
}

std::string percent(const std::optional<double>& rate) {
  if (!rate) return "-";
  return std::to_string(static_cast<long>(std::lround(*rate * 100))) + "%";
}

std::string format_number(double value) {
  double r = std::round(value * 100) / 100;
  return format_amount(r);
}

}  // namespace microstep
