#include "core/model/goal.hpp"

#include <array>

namespace microstep {

namespace {
constexpr std::array<std::string_view, 4> kStatusNames{"active", "paused", "done", "archived"};
}

std::string_view to_string(GoalStatus status) { return kStatusNames.at(static_cast<size_t>(status)); }

std::optional<GoalStatus> parse_goal_status(std::string_view text) {
  for (size_t i = 0; i < kStatusNames.size(); ++i)
    if (kStatusNames[i] == text) return static_cast<GoalStatus>(i);
  return std::nullopt;
}

StepVersion Goal::current() const { return {since, step, schedule_text, schedule, minimum, after}; }

StepVersion Goal::version_on(Day day) const {
  if (day >= since || history.empty()) return current();
  for (auto it = history.rbegin(); it != history.rend(); ++it)
    if (it->from <= day) return *it;
  return history.front();
}

std::optional<StepVersion> Goal::upcoming(Day today) const {
  // The first version is in force on every day before the next one, whatever its `from`.
  for (size_t i = 1; i < history.size(); ++i)
    if (history[i].from > today) return history[i];
  if (since > today && !history.empty()) return current();
  return std::nullopt;
}

}  // namespace microstep
