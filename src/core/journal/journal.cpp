#include "core/journal/journal.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <iterator>
#include <system_error>

#include "core/base/content_hash.hpp"
#include "core/base/error.hpp"
#include "core/model/goal_id.hpp"
#include "core/base/parallel.hpp"
#include "core/journal/staged_goals.hpp"
#include "core/base/text_file.hpp"

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

/// Moves the events each part of the log kept to the end of `events`, in file order.
void append_parts(std::vector<std::vector<Event>>& parts, std::vector<Event>& events) {
  for (auto& part : parts)
    events.insert(events.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
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
  // Only absolute paths: a relative one (or none) would put the journal wherever the command
  // happens to run (the XDG base directory specification says to ignore a relative one).
  auto absolute = [](std::optional<std::string> value) { return value && value->front() == '/' ? value : std::nullopt; };
  if (auto data = absolute(env("XDG_DATA_HOME"))) return fs::path(*data) / "microstep";
  if (auto home = absolute(env("HOME"))) return fs::path(*home) / ".local/share/microstep";
  throw io_error("where is the journal? HOME is not set to an absolute path, nor XDG_DATA_HOME; give --dir or set "
                 "MICROSTEP_DIR");
}

namespace {

/// root/name as the journal uses it: the path itself, or where a symbolic link there leads,
/// which must stay inside the journal (`real_root`).
fs::path own_path(const fs::path& root, const fs::path& real_root, const std::string& name, bool directory) {
  fs::path path = root / name;
  std::error_code ec;
  if (!fs::is_symlink(fs::symlink_status(path, ec))) return path;
  fs::path target = fs::weakly_canonical(path, ec);
  if (!ec && is_inside(target, real_root)) return target;
  if (ec) target = fs::read_symlink(path, ec);
  const std::string rule = "); microstep reads and writes only the journal's own files";
  if (directory) throw data_error(name + "/ is a symbolic link to a directory outside the journal (" + target.string() + rule);
  throw data_error(name + ":1: a symbolic link to a file outside the journal (" + target.string() + rule);
}

}  // namespace

Journal::Journal(fs::path root, Settings settings)
    : root_(std::move(root)),
      settings_(std::move(settings)),
      log_reader_(std::make_shared<PlainLogReader>()),
      goal_reader_(std::make_shared<GoalReader>()) {
  std::error_code ec;
  real_root_ = fs::canonical(root_, ec);
  root_resolved_ = !ec;
  if (ec) real_root_ = fs::absolute(root_, ec);
  log_path_ = own_path(root_, real_root_, "checkins.log", false);
  settings_path_ = own_path(root_, real_root_, "microstep.yaml", false);
  goals_dir_ = own_path(root_, real_root_, "goals", true);
}

Journal Journal::open(const fs::path& root, Settings settings) {
  std::error_code ec;
  if (!fs::is_directory(root, ec) || !fs::exists(root / "microstep.yaml", ec))
    throw io_error("no journal at " + root.string() + " (no microstep.yaml there); create one with: microstep init " +
                   root.string());
  Journal journal(root, std::move(settings));
  // An import in progress, or one killed half-way: wait for it, or settle it, so that no
  // command sees half an import. A journal that cannot be written is read as it is.
  if (fs::exists(fs::symlink_status(journal.goals_dir() / kStagingDir, ec))) {
    try {
      journal.lock();
    } catch (const Failure&) {
    }
  }
  return journal;
}

JournalLock Journal::lock() const {
  JournalLock lock(log_path());
  settle_interrupted_publish(goals_dir(), lock);
  return lock;
}

Journal Journal::open(const fs::path& root) {
  Journal journal = open(root, Settings{});
  journal.settings_ = load_settings(journal.settings_path(), "microstep.yaml");
  return journal;
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

std::string Journal::read_goal_text(const std::string& file_name) const {
  fs::path path = goals_dir() / file_name;
  std::string display = "goals/" + file_name;
  std::error_code ec;
  if (fs::is_symlink(path, ec)) {
    fs::path target = fs::weakly_canonical(path, ec);
    if (ec || !is_inside(target, real_root_))
      throw data_error(display + ":1: a symbolic link to a file outside the journal; refusing to read it");
  }
  return read_text_file(path, display);
}

Goal Journal::load_goal(const std::string& id) const { return goal_reader_->load_goal(*this, id); }

std::vector<Goal> Journal::load_goals() const { return goal_reader_->load_goals(*this); }

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

std::map<std::string, DayMarks> Journal::read_marks(const std::vector<Goal>& goals, LogDiagnostics& diagnostics,
                                                    std::map<Day, int>* moods) const {
  std::vector<Event> none;  // no day is in an empty range
  return read_marks(goals, Day::max(), Day::min(), none, diagnostics, moods);
}

std::map<std::string, DayMarks> Journal::read_marks(const std::vector<Goal>& goals, Day from, Day to,
                                                    std::vector<Event>& events, LogDiagnostics& diagnostics,
                                                    std::map<Day, int>* moods) const {
  LogRequest request;
  request.goals = &goals;
  request.events_from = from;
  request.events_to = to;
  request.moods = moods != nullptr;
  LogRead read = log_reader_->read(*this, request, diagnostics);
  if (moods) *moods = std::move(read.moods);
  events.insert(events.end(), std::make_move_iterator(read.events.begin()), std::make_move_iterator(read.events.end()));
  std::map<std::string, DayMarks> result;
  for (size_t g = 0; g < goals.size(); ++g) result.emplace(goals[g].id, std::move(read.marks[g]));
  return result;
}

std::pair<DayMarks, DayMarks> Journal::read_goal_marks(const Goal& goal, const Event& checkin,
                                                       LogDiagnostics& diagnostics) const {
  const std::vector<Goal> goals{goal};
  LogRequest request;
  request.goals = &goals;
  request.without = checkin;
  LogRead read = log_reader_->read(*this, request, diagnostics);
  return {std::move(read.marks.front()), std::move(*read.before)};
}

namespace {

/// dir/microstep/KIND-HASH, HASH that of `absolute`, the journal's resolved path.
fs::path outside_file_of(const fs::path& absolute, const fs::path& dir, const char* kind) {
  char name[40];
  std::snprintf(name, sizeof name, "%s-%016llx", kind, static_cast<unsigned long long>(hash_bytes(absolute.string())));
  return dir / "microstep" / name;
}

}  // namespace

fs::path Journal::outside_file(const fs::path& root, const fs::path& dir, const char* kind) {
  std::error_code ec;
  return outside_file_of(fs::weakly_canonical(fs::absolute(root, ec), ec), dir, kind);
}

fs::path Journal::outside_file(const fs::path& dir, const char* kind) const {
  // For an existing root, canonical() and weakly_canonical(absolute()) name the same path.
  return root_resolved_ ? outside_file_of(real_root_, dir, kind) : outside_file(root_, dir, kind);
}

std::vector<Event> Journal::read_events(const std::set<std::string, std::less<>>& ids, Day from,
                                        Day to, LogDiagnostics& diagnostics) const {
  // Each part of the log keeps its own events; the parts are joined in file order.
  std::vector<std::vector<Event>> parts(worker_count());
  scan_log_in_parts(log_path(), static_cast<unsigned>(parts.size()),
                    [&](unsigned part, const EventView& event, size_t) {
                      if (event.day < from || event.day > to) return;
                      if (!ids.empty() && !ids.count(event.goal)) return;
                      parts[part].push_back(to_event(event));
                    },
                    diagnostics);
  std::vector<Event> events;
  append_parts(parts, events);
  return events;
}

}  // namespace microstep
