#pragma once
/// Numbers turned into words for people: shared by the judgement's reasons and the renderers,
/// so that neither has to include the other.
#include <optional>
#include <string>
#include <string_view>

namespace microstep {

/// "5 days" / "1 week" / "0 days" / "2 glasses": `unit` is written singular.
std::string count_with_unit(long count, std::string_view unit);
/// An amount with the goal's unit as the person wrote it, agreeing with the amount: "1
/// sentence", "3 sentences", "2.5 km"; the number alone without a unit.
std::string amount_with_unit(double amount, std::string_view unit);
/// A percentage for people: "86%", or "-" when there is nothing to judge.
std::string percent(const std::optional<double>& rate);
/// A number without needless decimals: 3, 2.5, 0.33.
std::string format_number(double value);

}  // namespace microstep
