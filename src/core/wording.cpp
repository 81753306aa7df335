#include "core/wording.hpp"

#include <cmath>

#include "core/event.hpp"

namespace microstep {

std::string count_with_unit(long count, std::string_view unit) {
  std::string text = std::to_string(count) + " " + std::string(unit);
  if (count != 1) text += "s";
  return text;
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
