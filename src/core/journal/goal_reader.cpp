#include "core/journal/goal_reader.hpp"

#include <exception>

#include "core/base/error.hpp"
#include "core/base/parallel.hpp"
#include "core/journal/goal_file.hpp"
#include "core/journal/journal.hpp"

namespace microstep {

Goal goal_from_text(const std::string& id, std::string_view text) {
  std::string display = Journal::goal_display_path(id);
  Goal goal = parse_goal_text(text, display);
  if (goal.id != id)
    throw data_error(display + ":1: id '" + goal.id + "' does not match the file name (expected id: " + id + ")");
  return goal;
}

Goal GoalReader::load_goal(const Journal& journal, const std::string& id) const {
  return goal_from_text(id, journal.read_goal_text(id + ".yaml"));
}

std::vector<Goal> GoalReader::load_goals(const Journal& journal) const {
  auto ids = journal.goal_ids();
  std::vector<Goal> goals(ids.size());
  std::vector<std::exception_ptr> failures(ids.size());
  parallel_for(ids.size(), [&](size_t i) {
    try {
      goals[i] = goal_from_text(ids[i], journal.read_goal_text(ids[i] + ".yaml"));
    } catch (...) {
      failures[i] = std::current_exception();
    }
  });
  for (const auto& failure : failures)
    if (failure) std::rethrow_exception(failure);
  return goals;
}

}  // namespace microstep
