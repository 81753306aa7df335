#include "core/cache/cached_goal_reader.hpp"

#include <algorithm>
#include <exception>

#include "core/base/content_hash.hpp"
#include "core/base/parallel.hpp"
#include "core/cache/goal_cache.hpp"
#include "core/journal/journal.hpp"

namespace microstep {

Goal CachedGoalReader::load_goal(const Journal& journal, const std::string& id) const {
  std::string text = journal.read_goal_text(id + ".yaml");
  const GoalFileKey key{id + ".yaml", hash_bytes(text), text.size()};
  if (auto cached = GoalCache::read(file_).find(key); cached && cached->id == id) return std::move(*cached);
  return goal_from_text(id, text);
}

std::vector<Goal> CachedGoalReader::load_goals(const Journal& journal) const {
  // Parsing YAML is the slow part of opening a journal with many goals: the goal cache keeps
  // what each file gave, and the files it does not hold are parsed on every core. A bad file
  // still fails the same way: the first in id order is the one reported.
  auto ids = journal.goal_ids();
  if (ids.size() < min_goals_) return GoalReader::load_goals(journal);
  const GoalCache cache = GoalCache::read(file_);
  std::vector<Goal> goals(ids.size());
  std::vector<GoalFileKey> keys(ids.size());
  std::vector<char> parsed(ids.size(), 0);
  std::vector<std::exception_ptr> failures(ids.size());
  parallel_for(ids.size(), [&](size_t i) {
    try {
      GoalFileKey& key = keys[i];
      key.file_name = ids[i] + ".yaml";
      std::string text = journal.read_goal_text(key.file_name);
      key.text_hash = hash_bytes(text), key.text_size = text.size();
      if (auto cached = cache.find(key); cached && cached->id == ids[i]) {
        goals[i] = std::move(*cached);
      } else {
        goals[i] = goal_from_text(ids[i], text);
        parsed[i] = 1;
      }
    } catch (...) {
      failures[i] = std::current_exception();
    }
  });
  for (const auto& failure : failures)
    if (failure) std::rethrow_exception(failure);
  // Written again when a file was parsed (new or changed) or one went away.
  if (cache.size() != ids.size() || std::find(parsed.begin(), parsed.end(), 1) != parsed.end()) {
    std::vector<std::pair<GoalFileKey, const Goal*>> entries;
    for (size_t i = 0; i < ids.size(); ++i) entries.emplace_back(std::move(keys[i]), &goals[i]);
    write_goal_cache(file_, entries);  // a cache that cannot be written is only slower
  }
  return goals;
}

}  // namespace microstep
