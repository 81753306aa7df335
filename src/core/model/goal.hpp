#pragma once
/// A goal and the versions of its step over time.
#include <optional>
#include <string>
#include <vector>

#include "core/model/day.hpp"
#include "core/model/schedule.hpp"

namespace microstep {

enum class GoalStatus { active, paused, done, archived };
std::string_view to_string(GoalStatus status);
std::optional<GoalStatus> parse_goal_status(std::string_view text);

/// What can change over time (`set`, `shrink`, `grow`): each version applies from a day on.
struct StepVersion {
  Day from;                 ///< first day this version applies to
  std::string step;
  std::string schedule_text;
  Schedule schedule;
  std::optional<double> minimum;
  std::string after;
  bool operator==(const StepVersion&) const = default;
};

struct Goal {
  std::string id;
  std::string goal;          ///< the big goal: "Write a novel"
  std::string after;         ///< the anchor habit: "I pour my morning coffee"
  std::string step;          ///< the current micro-step: "Write one sentence"
  std::string schedule_text = "daily";
  Schedule schedule;
  Day started;
  Day since;                 ///< the day the current version took effect (= started at first)
  GoalStatus status = GoalStatus::active;
  std::string feeling;       ///< what the step should let the person feel: "capable"
  std::string unit;          ///< "sentences"
  std::optional<double> minimum;
  std::optional<double> minutes;
  std::string at;            ///< optional "HH:MM" for reminders
  std::vector<StepVersion> history;  ///< earlier versions, oldest first

  /// The current version, as a StepVersion.
  StepVersion current() const;
  /// The version in force on `day` (days before `started` get the first version).
  StepVersion version_on(Day day) const;
  /// The first change that takes effect after `today` (set --from a later day), if any.
  std::optional<StepVersion> upcoming(Day today) const;
  /// The amount a done without an amount counts for: `minimum`, or 1.
  double default_amount() const { return minimum.value_or(1.0); }
  bool operator==(const Goal&) const = default;
};

}  // namespace microstep
