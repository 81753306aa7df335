#include "core/cache/caches.hpp"

#include <memory>

#include "core/cache/cached_goal_reader.hpp"
#include "core/cache/cached_log_reader.hpp"

namespace microstep {

std::optional<std::filesystem::path> cache_home(const char* xdg_cache_home, const char* home) {
  if (xdg_cache_home && *xdg_cache_home == '/') return std::filesystem::path(xdg_cache_home);
  if (home && *home == '/') return std::filesystem::path(home) / ".cache";
  return std::nullopt;
}

void use_caches(Journal& journal, const std::filesystem::path& cache_home) {
  CachedLogReader::Settings log;
  log.file = journal.outside_file(cache_home, "log");
  journal.use_log_reader(std::make_shared<CachedLogReader>(log));
  // yaml-cpp takes about 150 us a goal file: the goal cache is worth it from one.
  journal.use_goal_reader(
      std::make_shared<CachedGoalReader>(journal.outside_file(cache_home, "goals"), 1));
}

}  // namespace microstep
