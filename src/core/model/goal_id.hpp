#pragma once
/// Goal ids double as file names, so they are kept to a safe alphabet.
#include <string_view>

namespace microstep {

/// Lowercase ASCII letters, digits and '-', starting with a letter or digit, at most 64 bytes.
bool is_valid_goal_id(std::string_view id);
inline constexpr const char* kGoalIdRule =
    "lowercase letters, digits and '-', starting with a letter or digit, at most 64 characters";

}  // namespace microstep
