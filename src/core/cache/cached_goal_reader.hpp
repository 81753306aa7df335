#pragma once
/// Goal files read through the goal cache (goal_cache.hpp): only the files it does not hold
/// as they are now are parsed, and it is written again when one was.
#include <cstddef>
#include <filesystem>

#include "core/journal/goal_reader.hpp"

namespace microstep {

class CachedGoalReader final : public GoalReader {
 public:
  /// The cache kept in `file`, used from `min_goals` goal files on (fewer are read plain).
  CachedGoalReader(std::filesystem::path file, size_t min_goals) : file_(std::move(file)), min_goals_(min_goals) {}
  /// From the cache when it holds the file's bytes as they are; it is not written here.
  Goal load_goal(const Journal& journal, const std::string& id) const override;
  std::vector<Goal> load_goals(const Journal& journal) const override;

 private:
  std::filesystem::path file_;
  size_t min_goals_;
};

}  // namespace microstep
