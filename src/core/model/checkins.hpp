#pragma once
/// From raw events to what happened on each day of one goal.
///
/// The result depends only on the set of events, never on their order in the log:
/// events are sorted by (day, moment written) and exact duplicates (as a git union
/// merge leaves them) are dropped before undo, pause and resume are applied.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "core/model/event.hpp"
#include "core/model/goal.hpp"

namespace microstep {

/// Collects the events of one goal while the log streams past. Small: no notes are kept.
class CheckinCollector {
 public:
  void add(const EventView& event);
  /// How many check-ins were added.
  size_t size() const { return size_; }
  /// Calls f(day, moment written (seconds since 2000, clamped), mood) for each mood added,
  /// in the order added.
  template <typename F>
  void for_each_mood(F f) const {
    for_each_record([&](const Record& r) {
      if ((r.detail & ((1u << 3) - 1)) != static_cast<std::uint32_t>(EventKind::mood) || r.amount < 0) return;
      f(day_from_number(r.day), r.instant, static_cast<int>(r.amount / 1000));
    });
  }
  /// The check-ins of `day` among those of several collectors (parts of one log): what
  /// DayMarks::without needs of the day a check-in was logged on.
  static CheckinCollector of_day(std::span<const CheckinCollector* const> parts, Day day);

  /// The stored form, as a cache keeps a collector between runs: 16 bytes per event (a
  /// million-line log fits in a few MiB per goal set) and the amounts too big for them.
  struct Record {
    std::int32_t day;       ///< day number
    std::int32_t instant;   ///< seconds since 2000-01-01 UTC (clamped): orders one day's events
    std::uint32_t detail;   ///< event kind (low 3 bits) and a hash of amount and note
    std::int32_t amount;    ///< thousandths, kNoAmount, or -(2 + index into the big amounts)
    auto operator<=>(const Record&) const = default;
  };
  static constexpr std::int32_t kNoAmount = -1;
  /// The records of several collectors, part after part, as if they were one (see
  /// for_each_record_joined), then their big amounts in the same order: what a cache stores.
  struct Stored {
    std::vector<Record> records;
    std::vector<double> big_amounts;
    std::int32_t first_day = std::numeric_limits<std::int32_t>::max(), last_day = std::numeric_limits<std::int32_t>::min();
  };
  static Stored stored(std::span<const CheckinCollector* const> parts);
  /// A collector from its stored form; nullopt when it could not have been stored by
  /// stored(): a record's day outside [first_day, last_day], its kind no event, or its big
  /// amount missing.
  static std::optional<CheckinCollector> from_stored(Stored stored);

 private:
  friend class DayMarks;
  /// Do two records come from the same line (or from exact copies of it)? Equal but for
  /// where a big amount was stored, whose value the detail's hash holds.
  static bool same_line(const Record& a, const Record& b) {
    return a.day == b.day && a.instant == b.instant && a.detail == b.detail &&
           (a.amount == b.amount || (a.amount < kNoAmount && b.amount < kNoAmount));
  }
  void push(const Record& record);
  /// Adds a record of `owner`, moving its big amount (if any) into this collector.
  void push_from(const CheckinCollector& owner, Record record);
  /// The records of several collectors (parts of one log) sorted by day, in the parts'
  /// order and each part's order within a day (or fully, when the days are far apart).
  /// Big amounts are renumbered into `big_amounts`, the parts' lists one after the other.
  static std::vector<Record> in_day_order(std::span<const CheckinCollector* const> parts,
                                          std::vector<double>& big_amounts);
  template <typename F>
  void for_each_record(F f) const {
    for (const auto& chunk : chunks_)
      for (const Record& r : chunk) f(r);
  }
  /// Calls f(record) for the records of several collectors, part after part, as if they were
  /// one: each part numbers its big amounts from 0, so its numbers move past the parts
  /// before it (their big_amounts_ lists then read as one, joined in the same order).
  template <typename F>
  static void for_each_record_joined(std::span<const CheckinCollector* const> parts, F f) {
    std::int32_t shift = 0;
    for (const CheckinCollector* part : parts) {
      part->for_each_record([&](Record r) {
        if (r.amount < kNoAmount) r.amount -= shift;  // -(2 + index): the index moves up by shift
        f(r);
      });
      shift += static_cast<std::int32_t>(part->big_amounts_.size());
    }
  }
  /// Chunks that never move once allocated: the records are not copied as they grow. A new
  /// chunk is as big as all before it, up to kLargestChunk records (64 KiB), so the unused
  /// tail of the last chunk stays small next to what a busy goal holds.
  static constexpr size_t kLargestChunk = 4096;
  std::vector<std::vector<Record>> chunks_;
  size_t size_ = 0;
  std::int32_t first_day_ = std::numeric_limits<std::int32_t>::max();  ///< of the records
  std::int32_t last_day_ = std::numeric_limits<std::int32_t>::min();
  std::vector<double> big_amounts_;     // amounts that thousandths cannot hold exactly
};

/// The resolved history of one goal: for every day, done / skipped / paused, and amounts.
class DayMarks {
 public:
  DayMarks() = default;
  /// Resolves undo, pause and resume. `default_amount` is what a done without an amount counts.
  DayMarks(const CheckinCollector& collected, double default_amount);
  /// The same for the events of one goal collected from several parts of the log.
  DayMarks(std::span<const CheckinCollector* const> parts, double default_amount);

  /// At least one done not cancelled by an undo (whatever its amount).
  bool done(Day day) const { return bits(day) & kDone; }
  /// A done without an amount counted that day: it stands for the minimum, whatever it is.
  bool done_without_amount(Day day) const { return bits(day) & kBare; }
  /// A skip and no done.
  bool skipped(Day day) const { return (bits(day) & (kSkip | kDone)) == kSkip; }
  bool paused(Day day) const { return bits(day) & kPaused; }
  /// Skipped or paused, and not done: a rest day that neither breaks nor extends a streak.
  bool resting(Day day) const {
    std::uint8_t b = bits(day);
    return !(b & kDone) && (b & (kSkip | kPaused));
  }
  /// Calls f(done, resting) for each day of [from, to] in order, as done() and resting()
  /// would answer: for loops over every day of a goal's life. The marks are read through
  /// locals, so that what f stores (a byte per day, which may alias anything) does not make
  /// the compiler load them again for every day.
  template <typename F>
  void for_each_day(Day from, Day to, F f) const {
    const long first = first_, end = first_ + static_cast<long>(marks_.size());
    const std::uint8_t* marks = marks_.data();
    const long pause_from = paused_open_ ? paused_from_ : std::numeric_limits<long>::max();
    for (long n = day_number(from), last = day_number(to); n <= last; ++n) {
      std::uint8_t b = (n >= first && n < end ? marks[n - first] : 0) | (n >= pause_from ? kPaused : 0);
      f((b & kDone) != 0, !(b & kDone) && (b & (kSkip | kPaused)));
    }
  }
  /// What one day holds, for judging it against the version of the goal in force.
  struct DayMark {
    bool done;      ///< a done counted
    bool bare;      ///< one of them had no amount (it stands for the minimum)
    bool rest;      ///< skipped or paused (done or not)
    double amount;  ///< the day's total (0 when not done)
  };
  /// Calls f(DayMark) for each day of [from, to] in order, as done(), done_without_amount()
  /// and amount() would answer, without a search per day.
  template <typename F>
  void for_each_mark(Day from, Day to, F f) const {
    auto unusual = entry_of(day_number(from));
    for_each_bits(from, to, [&](long n, std::uint8_t b) {
      while (unusual != unusual_amounts_.end() && unusual->first < n) ++unusual;
      const bool done = b & kDone;
      double amount = 0;
      if (done) amount = unusual != unusual_amounts_.end() && unusual->first == n ? unusual->second : default_amount_;
      f(DayMark{done, (b & kBare) != 0, (b & (kSkip | kPaused)) != 0, amount});
    });
  }
  /// These marks as they were before `checkin` (a done, skip or undo) was logged: the
  /// check-in's day judged again from `day_checkins`, the goal's check-ins of that day as
  /// read with these marks (CheckinCollector::of_day), less the check-in (one copy of it,
  /// should the log hold it twice). What a check-in changed, for `done` to celebrate only that.
  DayMarks without(const Event& checkin, const CheckinCollector& day_checkins) const;

  /// Total amount done on that day (0 when not done).
  double amount(Day day) const;
  /// Total amount over the done days in [from, to].
  double total_amount(Day from, Day to) const;
  std::optional<Day> first_done() const;
  std::optional<Day> last_done() const;
  /// Calls f(day) for every day with a done, in order.
  template <typename F>
  void for_each_done_day(F f) const {
    for (size_t i = 0; i < marks_.size(); ++i)
      if (marks_[i] & kDone) f(day_from_number(first_ + static_cast<long>(i)));
  }

  /// The stored form, as a cache keeps resolved marks between runs: one byte of flags per
  /// day from `first`, an open pause, and the days whose total is not the default amount.
  struct Stored {
    long first = 0;
    std::vector<std::uint8_t> flags;
    long paused_from = 0;
    bool paused_open = false;
    double default_amount = 1;
    std::vector<std::pair<long, double>> unusual_amounts;
  };
  Stored stored() const;
  /// Marks from their stored form; nullopt when it could not have been stored by stored()
  /// (a flag no day can hold, amounts out of order).
  static std::optional<DayMarks> from_stored(Stored stored);

 private:
  static constexpr std::uint8_t kDone = 1, kSkip = 2, kPaused = 4, kBare = 8;
  /// Calls f(day number, flags) for each day of [from, to], with an open pause applied.
  template <typename F>
  void for_each_bits(Day from, Day to, F f) const {
    const long first = first_, end = first_ + static_cast<long>(marks_.size());
    const std::uint8_t* marks = marks_.data();
    const long pause_from = paused_open_ ? paused_from_ : std::numeric_limits<long>::max();
    for (long n = day_number(from), last = day_number(to); n <= last; ++n)
      f(n, static_cast<std::uint8_t>((n >= first && n < end ? marks[n - first] : 0) | (n >= pause_from ? kPaused : 0)));
  }
  /// The first entry of unusual_amounts_ at or after day number n.
  std::vector<std::pair<long, double>>::const_iterator entry_of(long n) const {
    return std::lower_bound(unusual_amounts_.begin(), unusual_amounts_.end(), n,
                            [](const std::pair<long, double>& e, long day) { return e.first < day; });
  }
  void resolve(std::span<const CheckinCollector* const> parts);
  /// The day's flags, with kPaused set on every day of a pause still open. Inline:
  /// statistics ask it for every day of a goal's life.
  std::uint8_t bits(Day day) const {
    long n = day_number(day);
    std::uint8_t open_pause = paused_open_ && n >= paused_from_ ? kPaused : 0;
    if (n < first_ || n - first_ >= static_cast<long>(marks_.size())) return open_pause;
    return marks_[static_cast<size_t>(n - first_)] | open_pause;
  }
  long first_ = 0;                      ///< day number of marks_[0]
  std::vector<std::uint8_t> marks_;     ///< one byte per day from first_
  long paused_from_ = 0;                ///< a pause still open at the end: every later day
  bool paused_open_ = false;
  double default_amount_ = 1;
  /// Done days whose total differs from default_amount_, sorted by day number.
  std::vector<std::pair<long, double>> unusual_amounts_;

};

/// A goal's status on `day`: paused when its file says active and a pause event (not yet
/// resumed) covers the day, as `pause` leaves the file alone; otherwise the file's status.
GoalStatus status_on(const Goal& goal, const DayMarks& marks, Day day);

}  // namespace microstep
