#include "core/journal.hpp"

#include <algorithm>
#include <cstdlib>
#include <system_error>
#include <unordered_map>

#include "core/error.hpp"
#include "core/goal_file.hpp"
#include "core/goal_id.hpp"
#include "core/parallel.hpp"

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
  // Each part of the log fills its own collectors (no locks); they are merged per goal.
  // Goals with a file but not asked for map to no collector: one hash lookup per line.
  const unsigned parts = worker_count();
  auto known = goal_ids();
  std::vector<std::vector<CheckinCollector>> storage(parts, std::vector<CheckinCollector>(goals.size()));
  using Collectors = std::unordered_map<std::string_view, CheckinCollector*>;
  std::vector<Collectors> collectors(parts);
  for (unsigned part = 0; part < parts; ++part) {
    collectors[part].reserve((known.size() + goals.size()) * 2);
    for (const auto& id : known) collectors[part][id] = nullptr;
    for (size_t g = 0; g < goals.size(); ++g) collectors[part][goals[g].id] = &storage[part][g];
  }
  struct Unknown {
    unsigned part;
    size_t line;
  };
  std::vector<std::map<std::string, Unknown, std::less<>>> unknown(parts);
  auto first_lines = scan_log_in_parts(
      log_path(), parts,
      [&](unsigned part, const EventView& event, size_t line) {
        auto it = collectors[part].find(event.goal);
        if (it != collectors[part].end()) {
          if (it->second) it->second->add(event);
          return;
        }
        unknown[part].try_emplace(std::string(event.goal), Unknown{part, line});
      },
      diagnostics);

  // An unknown goal id is warned about once, at its first line in the file.
  std::map<std::string, size_t> first_unknown;
  for (unsigned part = 0; part < parts; ++part)
    for (const auto& [id, where] : unknown[part])
      first_unknown.try_emplace(id, first_lines[where.part] + where.line - 1);
  for (const auto& [id, line] : first_unknown)
    diagnostics.warnings.push_back("checkins.log:" + std::to_string(line) + ": unknown goal '" + id + "'");

  std::vector<DayMarks> marks(goals.size());
  parallel_for(goals.size(), [&](size_t g) {
    CheckinCollector merged = std::move(storage[0][g]);
    for (unsigned part = 1; part < parts; ++part) merged.absorb(std::move(storage[part][g]));
    marks[g] = DayMarks(std::move(merged), goals[g].default_amount());
  });
  std::map<std::string, DayMarks> result;
  for (size_t g = 0; g < goals.size(); ++g) result.emplace(goals[g].id, std::move(marks[g]));
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
