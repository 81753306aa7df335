#pragma once
/// Changing a goal's step forward only: `set`, `shrink` and `grow`.
#include <optional>
#include <string>

#include "core/model/goal.hpp"

namespace microstep {

/// What may change in a new version; empty fields stay as they are.
struct StepChange {
  std::optional<std::string> step;
  std::optional<std::string> schedule_text;
  std::optional<double> minimum;
  std::optional<std::string> after;
  bool empty() const { return !step && !schedule_text && !minimum && !after; }
};

/// The goal with `change` in force from `from` on. The version it replaces moves to `history`
/// (unless it took effect on `from` itself: then it is simply replaced). A `from` before the
/// current version's day is refused (usage Failure): the past is judged by what was in force.
Goal apply_step_change(const Goal& goal, const StepChange& change, Day from);

}  // namespace microstep
