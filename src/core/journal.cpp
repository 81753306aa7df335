#include "core/journal.hpp"

#include <algorithm>
#include <cstdlib>
#include <system_error>
#include <unordered_map>

#include "core/error.hpp"
#include "core/goal_file.hpp"
#include "core/goal_id.hpp"

namespace fs = std::filesystem;

namespace microstep {

namespace {

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

bool is_inside(const fs::path& child, const fs::path& parent) {
  auto rel = child.lexically_relative(parent);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

fs::path locate_journal(const std::optional<std::string>& dir_option, const fs::path& cwd) {
  if (dir_option) return fs::path(*dir_option);
  if (auto dir = env("MICROSTEP_DIR")) return fs::path(*dir);
  std::error_code ec;
  for (fs::path p = cwd; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / "microstep.yaml", ec)) return p;
    if (p == p.parent_path()) break;
  }
  if (auto data = env("XDG_DATA_HOME")) return fs::path(*data) / "microstep";
  if (auto home = env("HOME")) return fs::path(*home) / ".local/share/microstep";
  return fs::path(".local/share/microstep");
}

Journal Journal::open(const fs::path& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec) || !fs::exists(root / "microstep.yaml", ec))
    throw io_error("no journal at " + root.string() + " (no microstep.yaml there); create one with: microstep init " +
                   root.string());
  return Journal(root, load_settings(root / "microstep.yaml", "microstep.yaml"));
}

fs::path Journal::goal_path(const std::string& id) const { return goals_dir() / (id + ".yaml"); }

std::string Journal::goal_display_path(const std::string& id) { return "goals/" + id + ".yaml"; }

std::vector<std::string> Journal::goal_ids() const {
  std::vector<std::string> ids;
  std::error_code ec;
  fs::directory_iterator it(goals_dir(), ec), end;
  if (ec) {
    if (ec == std::errc::no_such_file_or_directory) return ids;
    throw io_error("cannot list " + goals_dir().string() + ": " + ec.message());
  }
  for (; it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.extension() != ".yaml") continue;
    std::string id = p.stem().string();
    if (is_valid_goal_id(id)) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

bool Journal::has_goal(const std::string& id) const {
  std::error_code ec;
  return is_valid_goal_id(id) && fs::exists(goal_path(id), ec);
}

Goal Journal::load_goal(const std::string& id) const {
  fs::path path = goal_path(id);
  std::string display = goal_display_path(id);
  std::error_code ec;
  if (fs::is_symlink(path, ec)) {
    fs::path target = fs::weakly_canonical(path, ec);
    if (ec || !is_inside(target, fs::weakly_canonical(root_, ec)))
      throw data_error(display + ":1: a symbolic link to a file outside the journal; refusing to read it");
  }
  Goal goal = load_goal_file(path, display);
  if (goal.id != id)
    throw data_error(display + ":1: id '" + goal.id + "' does not match the file name (expected id: " + id + ")");
  return goal;
}

std::vector<Goal> Journal::load_goals() const {
  std::vector<Goal> goals;
  for (const auto& id : goal_ids()) goals.push_back(load_goal(id));
  return goals;
}

std::string Journal::resolve_id(const std::string& prefix) const {
  auto ids = goal_ids();
  if (std::binary_search(ids.begin(), ids.end(), prefix)) return prefix;
  std::vector<std::string> matches;
  for (const auto& id : ids)
    if (id.starts_with(prefix)) matches.push_back(id);
  if (matches.size() == 1) return matches.front();
  if (matches.empty())
    throw usage_error("no goal '" + prefix + "' (see `microstep list`)");
  std::string list;
  for (const auto& m : matches) list += "\n  " + m;
  throw usage_error("'" + prefix + "' matches several goals:" + list);
}

std::map<std::string, DayMarks> Journal::read_marks(const std::vector<Goal>& goals,
                                                    LogDiagnostics& diagnostics) const {
  // Looked up once per line: a hash table with string_view keys (the goal ids outlive it).
  std::unordered_map<std::string_view, CheckinCollector> collectors;
  collectors.reserve(goals.size() * 2);
  for (const auto& goal : goals) collectors[goal.id];
  auto known = goal_ids();
  std::set<std::string, std::less<>> unknown_reported;
  scan_log(log_path(),
           [&](const EventView& event, size_t line) {
             auto it = collectors.find(event.goal);
             if (it != collectors.end()) {
               it->second.add(event);
               return;
             }
             if (std::binary_search(known.begin(), known.end(), event.goal) ||
                 unknown_reported.count(event.goal))
               return;
             unknown_reported.emplace(event.goal);
             diagnostics.warnings.push_back("checkins.log:" + std::to_string(line) +
                                            ": unknown goal '" + std::string(event.goal) + "'");
           },
           diagnostics);
  std::map<std::string, DayMarks> result;
  for (const auto& goal : goals) {
    auto node = collectors.extract(std::string_view(goal.id));
    result.emplace(goal.id, DayMarks(std::move(node.mapped()), goal.default_amount()));
  }
  return result;
}

std::vector<Event> Journal::read_events(const std::set<std::string, std::less<>>& ids, Day from,
                                        Day to, LogDiagnostics& diagnostics) const {
  std::vector<Event> events;
  scan_log(log_path(),
           [&](const EventView& event, size_t) {
             if (event.day < from || event.day > to) return;
             if (!ids.empty() && !ids.count(event.goal)) return;
             events.push_back(to_event(event));
           },
           diagnostics);
  return events;
}

}  // namespace microstep
