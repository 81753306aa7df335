#pragma once
/// Reading the goal files: each parsed and checked (its id must match its file name). The
/// plain reader parses every file every time; a faster one (the goal cache, core/cache) must
/// give the same goals.
#include <string>
#include <string_view>
#include <vector>

#include "core/model/goal.hpp"

namespace microstep {

class Journal;

class GoalReader {
 public:
  virtual ~GoalReader() = default;
  /// One goal file; a data Failure names the file and line of what is wrong.
  virtual Goal load_goal(const Journal& journal, const std::string& id) const;
  /// Every goal file, sorted by id, parsed on every core; a bad file fails the same way as
  /// alone, and the first in id order is the one reported.
  virtual std::vector<Goal> load_goals(const Journal& journal) const;
};

/// The goal in goals/ID.yaml, whose text is `text`: parsed, and its id checked against `id`.
Goal goal_from_text(const std::string& id, std::string_view text);

}  // namespace microstep
