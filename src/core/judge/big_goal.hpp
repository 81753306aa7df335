#pragma once
/// A big goal and its steps: goals that share their `goal:` text are the small steps of one
/// big goal (seed 002: "opening a blank document, writing a single sentence"). The big goal's
/// own line counts the days that moved it: at least one of its steps done.
#include <optional>
#include <string>
#include <vector>

#include "core/judge/chain.hpp"

namespace microstep {

/// The goals of one big goal, in the order given.
struct BigGoal {
  std::string text;                  ///< the shared `goal:` text; empty for goals without one
  std::vector<size_t> members;       ///< indexes into the list grouped
};

/// Groups goals by their `goal:` text, big goals in the order of their first member; the goals
/// without one come last, as one group with an empty text.
std::vector<BigGoal> group_by_goal(const std::vector<const Goal*>& goals);

/// The big goal's numbers (microstep-stats(7), BIG GOALS).
struct BigGoalStats {
  long moved_days = 0;               ///< days with at least one step done, from the first start
  std::optional<double> rate_7, rate_30;  ///< moved days of the days that asked for a step
  long current_run = 0;              ///< moved days in a row back from today (or yesterday)
  bool moved_today = false;
};

/// Judges the big goal from its steps' chains (all judged on the same today).
BigGoalStats judge_big_goal(const std::vector<const Chain*>& steps);

}  // namespace microstep
