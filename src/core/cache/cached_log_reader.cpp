#include "core/cache/cached_log_reader.hpp"

#include <unistd.h>

#include <algorithm>

#include "core/base/id_table.hpp"
#include "core/base/parallel.hpp"
#include "core/cache/log_cache.hpp"
#include "core/journal/journal.hpp"

namespace fs = std::filesystem;

namespace microstep {

namespace {

/// The log cache, when it still holds what the log says: every range it covers hashes as
/// it did (checked on every core), unless the log has the stamp it had when that was last
/// checked and recorded.
std::optional<LogCacheFile> checked_cache(const CachedLogReader::Settings& settings, const OpenLog& log) {
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

/// One reading through a usable cache. The marks of a goal asked for come from the cache
/// when nothing was added for it since; otherwise from its check-ins: the cache's, then those
/// of each part of the log read after it.
class Reading {
 public:
  Reading(const Journal& journal, const LogRequest& request, const CachedLogReader::Settings& settings,
          const OpenLog& log, std::optional<LogCacheFile> cache, LogDiagnostics& diagnostics);
  /// False when a cached section did not read back: the caller reads the log whole instead.
  bool ok() const { return ok_; }
  LogRead finish();

 private:
  struct Unknown {  // an id with no goal file, from the cache
    size_t line;
    CheckinCollector checkins;
  };
  const LogRequest& request_;
  const CachedLogReader::Settings& settings_;
  const std::vector<Goal>& goals_;
  std::optional<LogCacheFile> cache_;
  std::uint64_t log_size_;
  bool write_ = false;
  bool ok_ = true;
  std::vector<std::string> ids_;  ///< the goals asked for, the moods (""), then (to write) every other id
  std::optional<size_t> mood_index_;
  std::optional<LogScan> scan_;
  std::vector<std::optional<DayMarks>> ready_;  ///< per goal asked for
  std::vector<CheckinCollector> cached_;          ///< per id: the cache's check-ins
  std::map<std::string, Unknown, std::less<>> unknown_cached_;
  std::vector<std::string> log_warnings_;         ///< of the whole log, for the cache
  LogRead read_;

  std::vector<const CheckinCollector*> checkins_of(size_t c) const;
  void release(size_t c);
  void write_cache(const std::vector<DayMarks>& marks);
};

Reading::Reading(const Journal& journal, const LogRequest& request, const CachedLogReader::Settings& settings,
                 const OpenLog& log, std::optional<LogCacheFile> cache, LogDiagnostics& diagnostics)
    : request_(request), settings_(settings), goals_(*request.goals), cache_(std::move(cache)), log_size_(log.size()) {
  const size_t warnings_before = diagnostics.warnings.size();
  const auto known = journal.goal_ids();
  const std::uint64_t start = cache_ ? cache_->bytes() : 0;
  write_ = log.size() - start >= std::clamp(log.size() / 32, settings.min_new_bytes, settings.max_new_bytes);
  for (const Goal& goal : goals_) ids_.push_back(goal.id);
  if (request.moods || write_) {  // the cache holds every id, the moods' too
    mood_index_ = ids_.size();
    ids_.push_back("");
  }
  if (write_) {
    IdTable asked;
    for (size_t c = 0; c < ids_.size(); ++c) asked.add(ids_[c], static_cast<long>(c));
    for (const auto& id : known)
      if (asked.find(id) == IdTable::kAbsent) ids_.push_back(id);
  }
  LogScan::Options options;
  options.start = start;
  options.first_line = cache_ ? cache_->lines() + 1 : 1;
  options.whole_ids = options.hash = write_;
  scan_.emplace(log, ids_, known, options, Day::max(), Day::min(), read_.events, diagnostics);

  // From the cache, on every core: the marks of a goal asked for when nothing was added for
  // it since (and its default amount is the same), else its check-ins; ids without a goal
  // file only for their first line, unless the cache is to be written again.
  ready_.resize(goals_.size());
  cached_.resize(ids_.size());
  IdTable index;
  for (size_t c = 0; c < ids_.size(); ++c) index.add(ids_[c], static_cast<long>(c));
  const bool need_checkins = request.without.has_value();
  auto nothing_new = [&](size_t c) {
    for (size_t p = 0; p < scan_->part_count(); ++p)
      if (scan_->collected(p, c).size() != 0) return false;
    return true;
  };
  if (cache_) {
    const auto& in_cache = cache_->goals();
    std::vector<std::optional<CheckinCollector>> loaded(in_cache.size());
    std::vector<char> failed(in_cache.size(), 0);
    const auto known_set = std::set<std::string, std::less<>>(known.begin(), known.end());
    parallel_for(in_cache.size(), [&](size_t i) {
      long c = index.find(in_cache[i].id);
      const bool unknown = c == IdTable::kAbsent && !known_set.count(in_cache[i].id) && !in_cache[i].id.empty();
      if (c == IdTable::kAbsent && !(unknown && write_)) return;
      const auto g = static_cast<size_t>(c);
      if (c >= 0 && g < goals_.size() && !write_ && !need_checkins &&
          in_cache[i].marks_default_amount == goals_[g].default_amount() &&
          nothing_new(g)) {
        ready_[g] = cache_->load_marks(i);
        failed[i] = !ready_[g];
        return;
      }
      loaded[i] = cache_->load(i);
      failed[i] = !loaded[i];
    });
    if (std::find(failed.begin(), failed.end(), 1) != failed.end()) {
      ok_ = false;
      return;
    }
    for (size_t i = 0; i < in_cache.size(); ++i) {
      long c = index.find(in_cache[i].id);
      if (c >= 0 && loaded[i])
        cached_[static_cast<size_t>(c)] = std::move(*loaded[i]);
      else if (c == IdTable::kAbsent && !known_set.count(in_cache[i].id) && !in_cache[i].id.empty())
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
  for (const auto& part : scan_->unknown())
    for (const auto& [id, where] : part) first_unknown.try_emplace(id, where.line);
  warn_unknown_ids(first_unknown, diagnostics);
}

std::vector<const CheckinCollector*> Reading::checkins_of(size_t c) const {
  std::vector<const CheckinCollector*> checkins{&cached_[c]};
  for (const CheckinCollector* part : scan_->checkins_of(c)) checkins.push_back(part);
  return checkins;
}

void Reading::release(size_t c) {
  cached_[c] = {};
  scan_->release(c);
}

LogRead Reading::finish() {
  if (mood_index_ && request_.moods) read_.moods = moods_of(checkins_of(*mood_index_));
  read_.marks.resize(goals_.size());
  parallel_for(goals_.size(), [&](size_t g) {
    read_.marks[g] = ready_[g] ? std::move(*ready_[g]) : DayMarks(checkins_of(g), goals_[g].default_amount());
  });
  if (request_.without) read_.before = marks_without(read_.marks.front(), *request_.without, checkins_of(0));
  if (write_) write_cache(read_.marks);
  return std::move(read_);
}

void Reading::write_cache(const std::vector<DayMarks>& marks) {
  LogCacheContent content;
  content.bytes = log_size_;
  content.lines = scan_->parts().back().first_line + scan_->parts().back().newlines - 1;
  if (cache_) content.ranges = cache_->ranges();
  for (const ScannedPart& part : scan_->parts())
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
      if (auto it = collected.find(goal.id); it != collected.end()) gather(goal.id, cached_[it->second], goal.first_line);
  for (const auto& [id, where] : unknown_cached_) gather(id, where.checkins, where.line);
  for (size_t part = 0; part < scan_->part_count(); ++part) {
    for (size_t c = 0; c < ids_.size(); ++c) gather(ids_[c], scan_->collected(part, c), scan_->first_line_of(c, part));
    for (const auto& [id, where] : scan_->unknown()[part]) gather(id, where.checkins, where.line);
  }
  for (auto& [id, goal] : by_id) content.goals.push_back(std::move(goal));
  // Where each id went (content.goals is in id order); past the end: it has no check-ins.
  auto place_of = [&](const std::string& id) {
    auto at = std::lower_bound(content.goals.begin(), content.goals.end(), id,
                               [](const LogCacheContent::Goal& g, const std::string& i) { return g.id < i; });
    return at != content.goals.end() && at->id == id ? static_cast<size_t>(at - content.goals.begin())
                                                     : content.goals.size();
  };
  LogCacheWriter writer(settings_.file, content);
  // The ids not asked for get their marks too, resolved for the default amount of a goal
  // without a minimum (1): a later command that asks for them (stats of every goal after a
  // `done` of one wrote the cache) then takes them from the cache as well. One whose default
  // differs resolves its cached check-ins, as marks_default_amount tells.
  const size_t asked = goals_.size();
  std::vector<DayMarks> other_marks(ids_.size() - asked);
  parallel_for(other_marks.size(), [&](size_t k) {
    other_marks[k] = DayMarks(checkins_of(asked + k), 1.0);
    release(asked + k);
  });
  for (size_t k = 0; k < other_marks.size(); ++k) writer.add_marks(place_of(ids_[asked + k]), other_marks[k]);
  for (size_t g = 0; g < asked; ++g) writer.add_marks(place_of(goals_[g].id), marks[g]);
  writer.finish();  // a cache that cannot be written only makes the next command slower
}

}  // namespace

LogRead CachedLogReader::read(const Journal& journal, const LogRequest& request, LogDiagnostics& diagnostics) const {
  // The cache serves the commands that keep no events in full (review keeps a week's whole).
  const bool keeps_events = request.events_from <= request.events_to;
  OpenLog log(journal.log_path());
  if (keeps_events || log.size() < settings_.min_log_bytes) return plain_.read(journal, request, diagnostics);
  const LogDiagnostics as_given = diagnostics;
  Reading reading(journal, request, settings_, log, checked_cache(settings_, log), diagnostics);
  if (reading.ok()) return reading.finish();
  diagnostics = as_given;  // rare: a cache file damaged after its index was read
  return plain_.read(journal, request, diagnostics);
}

}  // namespace microstep
