#pragma once
/// Reading checkins.log into what the commands judge: each goal's check-ins resolved into
/// day marks, the events of some days in full, each day's mood. The plain reader reads every
/// line every time and is the reference; a faster reader (the log cache, core/cache) must
/// give the same answers, and the tests compare the two.
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/journal/log_file.hpp"
#include "core/model/checkins.hpp"
#include "core/model/event.hpp"
#include "core/model/goal.hpp"

namespace microstep {

class Journal;

/// What one reading of the log is asked for.
struct LogRequest {
  const std::vector<Goal>* goals = nullptr;  ///< whose marks, in this order
  /// Keep in full the events of those goals whose day lies in [events_from, events_to]
  /// (notes unescaped, in log order): review's notes, evidence's truths.
  Day events_from = Day::max(), events_to = Day::min();
  bool moods = false;  ///< each day's mood too
  /// Also the marks of goals[0] as they were before this check-in was logged: what it
  /// changed, for `done` to celebrate only that.
  std::optional<Event> without;
};

/// What the reading gives.
struct LogRead {
  std::vector<DayMarks> marks;    ///< in the order of request.goals
  std::optional<DayMarks> before;  ///< with request.without
  std::vector<Event> events;       ///< the events of the days asked for, in log order
  std::map<Day, int> moods;        ///< with request.moods: the last mood written each day
};

/// Reads the journal's log as a request asks. Problems go to `diagnostics` (errors make the
/// command fail once the whole log was read; an id with no goal file is a warning, once).
class LogReader {
 public:
  virtual ~LogReader() = default;
  virtual LogRead read(const Journal& journal, const LogRequest& request, LogDiagnostics& diagnostics) const = 0;
};

/// Every line, every time: lines -> check-ins per goal -> day marks.
class PlainLogReader final : public LogReader {
 public:
  LogRead read(const Journal& journal, const LogRequest& request, LogDiagnostics& diagnostics) const override;
};

/// The log's lines from one byte on, collected per goal id by parts of the log read on every
/// core: what the plain reader reads whole, and the log cache reads past what it holds.
class LogScan {
 public:
  struct Options {
    std::uint64_t start = 0;      ///< the first byte to read: the start of a line
    size_t first_line = 1;        ///< its line number
    bool whole_ids = false;       ///< collect the check-ins of ids with no goal file too (for a cache)
    bool hash = false;            ///< hash each part's bytes as it is read (for a cache)
  };
  /// Collects the check-ins of `ids` (with "" for the moods), passing over the other `known`
  /// ids; keeps the events of request-like days [events_from, events_to] of `ids` in `events`.
  LogScan(const OpenLog& log, const std::vector<std::string>& ids, const std::vector<std::string>& known,
          const Options& options, Day events_from, Day events_to, std::vector<Event>& events,
          LogDiagnostics& diagnostics);

  /// The check-ins of ids[c], each part's in file order.
  std::vector<const CheckinCollector*> checkins_of(size_t c) const;
  /// The file line of ids[c]'s first check-in in part p (0: none), with options.whole_ids.
  size_t first_line_of(size_t c, size_t p) const { return first_seen_[p][c]; }
  /// The ids read that have no goal file, with the file line of their first check-in and,
  /// with options.whole_ids, their check-ins, per part.
  struct Unknown {
    size_t line;
    CheckinCollector checkins;
  };
  const std::vector<std::map<std::string, Unknown, std::less<>>>& unknown() const { return unknown_; }
  /// The parts read, with their byte ranges, first lines and hashes.
  const std::vector<ScannedPart>& parts() const { return scanned_; }
  size_t part_count() const { return storage_.size(); }
  const CheckinCollector& collected(size_t p, size_t c) const { return storage_[p][c]; }
  /// Frees ids[c]'s check-ins.
  void release(size_t c);

 private:
  std::vector<std::vector<CheckinCollector>> storage_;  ///< [part][id]
  std::vector<std::vector<size_t>> first_seen_;          ///< [part][id]
  std::vector<std::map<std::string, Unknown, std::less<>>> unknown_;
  std::vector<ScannedPart> scanned_;
};

/// "checkins.log:LINE: unknown goal 'ID'" for each id with no goal file, at its first line.
void warn_unknown_ids(const std::map<std::string, size_t>& first_lines, LogDiagnostics& diagnostics);

/// Each day's mood among collected moods: the last one written that day (ties: the later line).
std::map<Day, int> moods_of(std::span<const CheckinCollector* const> parts);

/// `marks` as they were without `checkin`, from the goal's check-ins `parts` (for `done`).
DayMarks marks_without(const DayMarks& marks, const Event& checkin, std::span<const CheckinCollector* const> parts);

}  // namespace microstep
