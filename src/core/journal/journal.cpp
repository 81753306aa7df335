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
#include "core/cache/goal_cache.hpp"
#include "core/journal/goal_file.hpp"
#include "core/model/goal_id.hpp"
#include "core/base/id_table.hpp"
#include "core/cache/log_cache.hpp"
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

Journal::Journal(fs::path root, Settings settings) : root_(std::move(root)), settings_(std::move(settings)) {
  std::error_code ec;
  real_root_ = fs::canonical(root_, ec);
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

namespace {

/// The goal in goals/ID.yaml, whose text is `text`.
Goal goal_from_text(const std::string& id, std::string_view text) {
  std::string display = Journal::goal_display_path(id);
  Goal goal = parse_goal_text(text, display);
  if (goal.id != id)
    throw data_error(display + ":1: id '" + goal.id + "' does not match the file name (expected id: " + id + ")");
  return goal;
}

}  // namespace

Goal Journal::load_goal(const std::string& id) const {
  std::string text = read_goal_text(id + ".yaml");
  if (goal_cache_) {  // read only: load_goals writes it, for every goal
    const GoalFileKey key{id + ".yaml", hash_bytes(text), text.size()};
    if (auto cached = GoalCache::read(goal_cache_->file).find(key); cached && cached->id == id) return std::move(*cached);
  }
  return goal_from_text(id, text);
}

std::vector<Goal> Journal::load_goals() const {
  // Parsing YAML is the slow part of opening a journal with many goals: the goal cache keeps
  // what each file gave, and the files it does not hold are parsed on every core. A bad file
  // still fails the same way: the first in id order is the one reported.
  auto ids = goal_ids();
  const bool use_cache = goal_cache_ && ids.size() >= goal_cache_->min_goals;
  const GoalCache cache = use_cache ? GoalCache::read(goal_cache_->file) : GoalCache{};
  std::vector<Goal> goals(ids.size());
  std::vector<GoalFileKey> keys(ids.size());
  std::vector<char> parsed(ids.size(), 0);
  std::vector<std::exception_ptr> failures(ids.size());
  parallel_for(ids.size(), [&](size_t i) {
    try {
      GoalFileKey& key = keys[i];
      key.file_name = ids[i] + ".yaml";
      std::string text = read_goal_text(key.file_name);
      if (use_cache) key.text_hash = hash_bytes(text), key.text_size = text.size();
      if (auto cached = use_cache ? cache.find(key) : std::nullopt; cached && cached->id == ids[i]) {
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
  if (use_cache && (cache.size() != ids.size() || std::find(parsed.begin(), parsed.end(), 1) != parsed.end())) {
    std::vector<std::pair<GoalFileKey, const Goal*>> entries;
    for (size_t i = 0; i < ids.size(); ++i) entries.emplace_back(std::move(keys[i]), &goals[i]);
    write_goal_cache(goal_cache_->file, entries);  // a cache that cannot be written is only slower
  }
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

std::map<std::string, DayMarks> Journal::read_marks(const std::vector<Goal>& goals, LogDiagnostics& diagnostics,
                                                    std::map<Day, int>* moods) const {
  std::vector<Event> none;  // no day is in an empty range
  return read_marks(goals, Day::max(), Day::min(), none, diagnostics, moods);
}

namespace {

/// The log cache, when it still holds what the log says: every range it covers hashes as
/// it did (checked on every core), unless the log has the stamp it had when that was last
/// checked and recorded.
std::optional<LogCacheFile> checked_cache(const Journal::LogCacheSettings& settings, const OpenLog& log) {
  auto cache = LogCacheFile::open(settings.file);
  if (!cache || cache->bytes() > log.size()) return std::nullopt;
  fs::path check_file = settings.file;
  check_file += ".checked";
  if (log_check_holds(check_file, cache->identity(), log.stamp())) return cache;
  const auto& ranges = cache->ranges();
  std::vector<char> same(ranges.size(), 0);
  // The parts the log was scanned in: a few large ranges of a large log, each worth a thread
  // (as the scan's parts were); on a small log, hashed as worth it.
  parallel_for(ranges.size(), [&](size_t i) { same[i] = log.hash(ranges[i].begin, ranges[i].end) == ranges[i].hash; },
               cache->bytes() >= kPartsFrom ? Spread::at_once : Spread::when_worth_it);
  if (std::find(same.begin(), same.end(), 0) != same.end()) return std::nullopt;
  // The file system's clock, not the journal's `now` (which --now may pin): it is compared
  // with the time the file system stamped the log with.
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  if (std::chrono::nanoseconds{log.stamp().changed_ns} + settings.settled_after < now)
    write_log_check(check_file, cache->identity(), log.stamp());  // one that fails is only slower
  return cache;
}

/// Does the file end with a newline (or is it empty)? A log cut short in its last line is
/// not cached: the rest of that line may still come.
bool ends_with_newline(const OpenLog& log) {
  if (log.size() == 0) return true;
  char last = 0;
  return ::pread(log.descriptor(), &last, 1, static_cast<off_t>(log.size() - 1)) == 1 && last == '\n';
}

}  // namespace

/// One reading of the log for the goals a command asks for. Each goal's marks come from the
/// log cache when it holds them and nothing was added for the goal since; otherwise from
/// its check-ins: the cache's, then those of each part of the log read after it.
struct Journal::LogReading {
  std::vector<std::optional<DayMarks>> ready;              ///< per goal asked for
  std::vector<std::vector<const CheckinCollector*>> parts;  ///< per goal asked for, when not ready

  /// Reads the log (from where a usable cache stops). `use_cache` false: read it whole.
  /// `need_checkins`: every goal's check-ins, never its cached marks alone.
  LogReading(const Journal& journal, const std::vector<Goal>& goals, Day from, Day to, std::vector<Event>& events,
             LogDiagnostics& diagnostics, bool use_cache, bool need_checkins, bool want_moods = false);
  LogReading(LogReading&&) = default;
  LogReading& operator=(LogReading&&) = default;
  /// Starts writing the cache again, when this reading said it should: every id's
  /// check-ins are written now, and the marks of the goals not asked for; those of the goals
  /// asked for, once resolved, by the writer's finish().
  std::optional<LogCacheWriter> start_cache();
  /// The place of goal g in the cache being written.
  size_t cache_place(size_t g) const { return cache_place_[g]; }
  /// Frees the check-ins of goal g, once resolved (and written, if the cache is).
  void release(size_t g);
  /// Each day's mood (the last written that day), when moods were asked for.
  std::map<Day, int> moods() const;

  bool cache_failed = false;  ///< a cached section did not read back: read again, without it

 private:
  struct Unknown {  // an id with no goal file
    size_t line;
    CheckinCollector checkins;
  };
  const Journal* journal_;
  const std::vector<Goal>* goals_;
  std::optional<LogCacheFile> cache_;
  bool write_ = false;
  std::vector<std::string> ids_;  ///< what is collected: the goals asked for, then (to write) all ids
  std::vector<CheckinCollector> cached_;  ///< per id: the cache's check-ins
  std::map<std::string, Unknown, std::less<>> unknown_cached_;
  std::vector<std::vector<CheckinCollector>> storage_;  ///< [part][id]
  std::vector<std::vector<size_t>> first_seen_;       ///< [part][id]: the file line of its first check-in
  std::vector<std::map<std::string, Unknown, std::less<>>> unknown_;  ///< per part, file lines
  std::vector<ScannedPart> scanned_;
  std::vector<DayMarks> other_marks_;  ///< to write: the marks of the ids not asked for, in ids_ order
  std::vector<std::string> log_warnings_;  ///< of the whole log, for the cache
  std::uint64_t log_size_ = 0;
  std::vector<size_t> cache_place_;  ///< per goal asked for
  std::optional<size_t> mood_index_;  ///< where moods are collected in ids_, when they are

  /// The check-ins of id c: the cache's, then each part's, in file order.
  std::vector<const CheckinCollector*> checkins_of(size_t c) const;
};

Journal::LogReading::LogReading(const Journal& journal, const std::vector<Goal>& goals, Day from, Day to,
                                std::vector<Event>& events, LogDiagnostics& diagnostics, bool use_cache,
                                bool need_checkins, bool want_moods)
    : journal_(&journal), goals_(&goals) {
  // Each part of the log fills its own collectors (no locks). One table lookup per line gives
  // the index of the id's collectors; ids with a goal file but not collected give kNotAsked.
  constexpr long kNotAsked = -1;
  const unsigned parts = worker_count();
  const size_t warnings_before = diagnostics.warnings.size();
  OpenLog log(journal.log_path());
  log_size_ = log.size();
  const auto known = journal.goal_ids();
  const auto& settings = journal.log_cache_;

  // The cache serves the commands that need no notes (review keeps a week's events whole).
  const bool may_cache = use_cache && settings && from > to && log.size() >= settings->min_log_bytes;
  if (may_cache) cache_ = checked_cache(*settings, log);
  const std::uint64_t start = cache_ ? cache_->bytes() : 0;
  write_ = may_cache && log.size() - start >= std::clamp(log.size() / 32, settings->min_new_bytes, settings->max_new_bytes);
  IdTable index;
  for (const auto& id : known) index.add(id, kNotAsked);
  // Moods name no goal: they are collected under the empty id when asked for (and for the
  // cache, which holds every id), and passed over otherwise, never an unknown goal.
  index.add("", kNotAsked);
  for (const auto& goal : goals) {
    index.add(goal.id, static_cast<long>(ids_.size()));
    ids_.push_back(goal.id);
  }
  if (want_moods || write_) {
    mood_index_ = ids_.size();
    index.add("", static_cast<long>(ids_.size()));
    ids_.push_back("");
  }
  if (write_)  // the cache holds every id, whatever a command asks for
    for (const auto& id : known)
      if (index.find(id) == kNotAsked) {
        index.add(id, static_cast<long>(ids_.size()));
        ids_.push_back(id);
      }

  storage_.assign(parts, std::vector<CheckinCollector>(ids_.size()));
  first_seen_.assign(parts, std::vector<size_t>(write_ ? ids_.size() : 0, 0));
  unknown_.resize(parts);
  std::vector<std::vector<Event>> kept(parts);  // joined in file order below
  scanned_ = scan_log_from(
      log, start, cache_ ? cache_->lines() + 1 : 1, parts,
      [&](unsigned part, const EventView& event, size_t line) {
        long c = index.find(event.goal);
        if (c >= 0) {
          CheckinCollector& checkins = storage_[part][static_cast<size_t>(c)];
          if (write_ && checkins.size() == 0) first_seen_[part][static_cast<size_t>(c)] = line;
          checkins.add(event);
          if (event.day >= from && event.day <= to) kept[part].push_back(to_event(event));
        } else if (c == IdTable::kAbsent) {
          auto it = unknown_[part].try_emplace(std::string(event.goal), Unknown{line, {}}).first;
          if (write_) it->second.checkins.add(event);
        }
      },
      diagnostics, write_);
  append_parts(kept, events);
  // Part lines to file lines. A small log is scanned in fewer parts than there are
  // collectors: the collectors past them stay empty.
  for (size_t part = 0; part < scanned_.size(); ++part) {
    for (auto& line : first_seen_[part]) line += scanned_[part].first_line - 1;
    for (auto& [id, where] : unknown_[part]) where.line += scanned_[part].first_line - 1;
  }

  // From the cache, on every core: the marks of a goal asked for when nothing was added for
  // it since (and its default amount is the same), else its check-ins; ids without a goal
  // file only for their first line, unless the cache is to be written again.
  ready.resize(goals.size());
  cached_.resize(ids_.size());
  if (cache_) {
    const auto& in_cache = cache_->goals();
    std::vector<std::optional<CheckinCollector>> loaded(in_cache.size());
    std::vector<char> failed(in_cache.size(), 0);
    parallel_for(in_cache.size(), [&](size_t i) {
      long c = index.find(in_cache[i].id);
      if (c == kNotAsked || (c == IdTable::kAbsent && !write_)) return;
      if (c >= 0 && static_cast<size_t>(c) < goals.size() && !write_ && !need_checkins &&
          in_cache[i].marks_default_amount == goals[static_cast<size_t>(c)].default_amount() &&
          std::all_of(storage_.begin(), storage_.end(), [&](const auto& p) { return p[static_cast<size_t>(c)].size() == 0; })) {
        ready[static_cast<size_t>(c)] = cache_->load_marks(i);
        failed[i] = !ready[static_cast<size_t>(c)];
        return;
      }
      loaded[i] = cache_->load(i);
      failed[i] = !loaded[i];
    });
    if (std::find(failed.begin(), failed.end(), 1) != failed.end()) {
      cache_failed = true;
      return;
    }
    for (size_t i = 0; i < in_cache.size(); ++i) {
      long c = index.find(in_cache[i].id);
      if (c >= 0 && loaded[i])
        cached_[static_cast<size_t>(c)] = std::move(*loaded[i]);
      else if (c == IdTable::kAbsent)
        unknown_cached_.emplace(in_cache[i].id,
                                Unknown{in_cache[i].first_line, loaded[i] ? std::move(*loaded[i]) : CheckinCollector{}});
    }
    // The cached lines' warnings come before the new lines' ones, as in the file.
    diagnostics.warnings.insert(diagnostics.warnings.begin() + static_cast<long>(warnings_before),
                                cache_->warnings().begin(), cache_->warnings().end());
  }
  write_ = write_ && diagnostics.error_count == 0 && ends_with_newline(log);
  if (write_) log_warnings_.assign(diagnostics.warnings.begin() + static_cast<long>(warnings_before), diagnostics.warnings.end());

  // An unknown goal id is warned about once, at its first line in the file.
  std::map<std::string, size_t> first_unknown;
  for (const auto& [id, where] : unknown_cached_) first_unknown.emplace(id, where.line);
  for (unsigned part = 0; part < parts; ++part)
    for (const auto& [id, where] : unknown_[part]) first_unknown.try_emplace(id, where.line);
  for (const auto& [id, line] : first_unknown)
    if (!id.empty()) diagnostics.warnings.push_back("checkins.log:" + std::to_string(line) + ": unknown goal '" + id + "'");

  this->parts.resize(goals.size());
  for (size_t g = 0; g < goals.size(); ++g)
    if (!ready[g]) this->parts[g] = checkins_of(g);
}

std::map<Day, int> Journal::LogReading::moods() const {
  std::map<Day, std::pair<std::int32_t, int>> last;  // day -> (moment written, mood)
  if (!mood_index_) return {};
  for (const CheckinCollector* checkins : checkins_of(*mood_index_))
    checkins->for_each_mood([&](Day day, std::int32_t written, int mood) {
      auto [it, added] = last.try_emplace(day, written, mood);
      if (!added && written >= it->second.first) it->second = {written, mood};  // ties: the later line
    });
  std::map<Day, int> moods;
  for (const auto& [day, m] : last) moods.emplace(day, m.second);
  return moods;
}

std::vector<const CheckinCollector*> Journal::LogReading::checkins_of(size_t c) const {
  std::vector<const CheckinCollector*> checkins{&cached_[c]};
  for (const auto& part : storage_) checkins.push_back(&part[c]);
  return checkins;
}

std::optional<LogCacheWriter> Journal::LogReading::start_cache() {
  if (!write_) return std::nullopt;
  LogCacheContent content;
  content.bytes = log_size_;
  content.lines = scanned_.back().first_line + scanned_.back().newlines - 1;
  if (cache_) content.ranges = cache_->ranges();
  for (const ScannedPart& part : scanned_)
    if (part.end > part.begin) content.ranges.push_back({part.begin, part.end, part.hash});
  content.warnings = log_warnings_;
  // Each id's check-ins: the cache's first, then each part's, in file order.
  std::map<std::string_view, LogCacheContent::Goal> by_id;
  auto gather = [&](std::string_view id, const CheckinCollector& checkins, size_t first_line) {
    if (checkins.size() == 0) return;
    auto& goal = by_id[id];
    if (goal.parts.empty()) goal.id = std::string(id), goal.first_line = first_line;
    goal.parts.push_back(&checkins);
  };
  std::map<std::string_view, size_t> collected;  // id -> its index in ids_
  for (size_t c = 0; c < ids_.size(); ++c) collected.emplace(ids_[c], c);
  if (cache_)
    for (const CachedGoal& goal : cache_->goals())
      if (auto it = collected.find(goal.id); it != collected.end())
        gather(goal.id, cached_[it->second], goal.first_line);
  for (const auto& [id, where] : unknown_cached_) gather(id, where.checkins, where.line);
  for (size_t part = 0; part < storage_.size(); ++part) {
    for (size_t c = 0; c < ids_.size(); ++c) gather(ids_[c], storage_[part][c], first_seen_[part][c]);
    for (const auto& [id, where] : unknown_[part]) gather(id, where.checkins, where.line);
  }
  for (auto& [id, goal] : by_id) content.goals.push_back(std::move(goal));
  // Where each id went (content.goals is in id order); past the end: it has no check-ins.
  auto place_of = [&](const std::string& id) {
    auto at = std::lower_bound(content.goals.begin(), content.goals.end(), id,
                               [](const LogCacheContent::Goal& g, const std::string& i) { return g.id < i; });
    return at != content.goals.end() && at->id == id ? static_cast<size_t>(at - content.goals.begin())
                                                     : content.goals.size();
  };
  cache_place_.clear();
  for (const Goal& goal : *goals_) cache_place_.push_back(place_of(goal.id));
  std::optional<LogCacheWriter> writer;
  writer.emplace(journal_->log_cache_->file, content);
  // The goals not asked for get their marks too, resolved for the default amount of a goal
  // without a minimum (1): a later command that asks for them (stats of every goal after a
  // `done` of one wrote the cache) then takes them from the cache as well. One whose default
  // differs resolves its cached check-ins, as marks_default_amount tells. Then their check-ins
  // are freed: only the goals asked for are still needed.
  const size_t asked = goals_->size();
  other_marks_.resize(ids_.size() - asked);
  parallel_for(other_marks_.size(), [&](size_t k) {
    other_marks_[k] = DayMarks(checkins_of(asked + k), 1.0);
    release(asked + k);
  });
  for (size_t k = 0; k < other_marks_.size(); ++k) writer->add_marks(place_of(ids_[asked + k]), other_marks_[k]);
  unknown_cached_.clear();
  unknown_.clear();
  return writer;
}

void Journal::LogReading::release(size_t g) {
  cached_[g] = {};
  for (auto& part : storage_) part[g] = {};
}

std::vector<DayMarks> Journal::resolve_marks(const std::vector<Goal>& goals, Day from, Day to,
                                             std::vector<Event>& events, LogDiagnostics& diagnostics, Day day,
                                             CheckinCollector* day_checkins, std::map<Day, int>* moods) const {
  const LogDiagnostics as_given = diagnostics;
  LogReading reading(*this, goals, from, to, events, diagnostics, true, day_checkins != nullptr, moods != nullptr);
  if (reading.cache_failed) {  // rare: a cache file damaged after its index was read
    diagnostics = as_given;
    reading = LogReading(*this, goals, from, to, events, diagnostics, false, day_checkins != nullptr, moods != nullptr);
  }
  if (moods) *moods = reading.moods();
  if (day_checkins) *day_checkins = CheckinCollector::of_day(reading.parts.front(), day);
  std::optional<LogCacheWriter> cache = reading.start_cache();
  std::vector<DayMarks> marks(goals.size());
  parallel_for(goals.size(), [&](size_t g) {
    marks[g] = reading.ready[g] ? std::move(*reading.ready[g]) : DayMarks(reading.parts[g], goals[g].default_amount());
    reading.release(g);  // free as we go
  });
  if (cache) {
    for (size_t g = 0; g < goals.size(); ++g) cache->add_marks(reading.cache_place(g), marks[g]);
    cache->finish();  // a cache that cannot be written only makes the next command slower
  }
  return marks;
}

std::map<std::string, DayMarks> Journal::read_marks(const std::vector<Goal>& goals, Day from, Day to,
                                                    std::vector<Event>& events, LogDiagnostics& diagnostics,
                                                    std::map<Day, int>* moods) const {
  auto marks = resolve_marks(goals, from, to, events, diagnostics, Day{}, nullptr, moods);
  std::map<std::string, DayMarks> result;
  for (size_t g = 0; g < goals.size(); ++g) result.emplace(goals[g].id, std::move(marks[g]));
  return result;
}

DayMarks Journal::read_goal_marks(const Goal& goal, Day day, CheckinCollector& day_checkins,
                                  LogDiagnostics& diagnostics) const {
  std::vector<Event> none;  // no day is in an empty range
  return std::move(resolve_marks({goal}, Day::max(), Day::min(), none, diagnostics, day, &day_checkins).front());
}

namespace {

/// cache_home/microstep/KIND-HASH, HASH that of the journal's absolute path: each journal
/// has its own cache files.
fs::path cache_file(const fs::path& root, const fs::path& cache_home, const char* kind) {
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::absolute(root, ec), ec);
  char name[40];
  std::snprintf(name, sizeof name, "%s-%016llx", kind, static_cast<unsigned long long>(hash_bytes(absolute.string())));
  return cache_home / "microstep" / name;
}

}  // namespace

fs::path Journal::log_cache_file(const fs::path& root, const fs::path& cache_home) {
  return cache_file(root, cache_home, "log");
}

fs::path Journal::goal_cache_file(const fs::path& root, const fs::path& cache_home) {
  return cache_file(root, cache_home, "goals");
}

fs::path Journal::remind_state_file(const fs::path& root, const fs::path& state_home) {
  return cache_file(root, state_home, "remind");
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
