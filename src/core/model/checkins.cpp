#include "core/model/checkins.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "core/base/escape.hpp"

namespace microstep {

namespace {

constexpr std::int64_t kInstantEpoch = 946684800;  // 2000-01-01T00:00:00Z

std::int32_t compact_instant(const Moment& written) {
  std::int64_t seconds = written.utc.time_since_epoch().count() - kInstantEpoch;
  constexpr std::int64_t lo = std::numeric_limits<std::int32_t>::min();
  constexpr std::int64_t hi = std::numeric_limits<std::int32_t>::max();
  return static_cast<std::int32_t>(std::clamp(seconds, lo, hi));
}

/// Mixes `text` into `h`, 8 bytes at a time: cheap, and good enough to tell a duplicated
/// line from a different one (notes are the longest part of a line).
std::uint64_t hash_text(std::uint64_t h, std::string_view text) {
  constexpr std::uint64_t kMultiplier = 0x9e3779b97f4a7c15ull;
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    h = (h ^ word) * kMultiplier;
    h ^= h >> 32;
  }
  std::uint64_t rest = text.size();  // the length, and the last bytes above it
  for (; i < text.size(); ++i) rest = (rest << 8) | static_cast<unsigned char>(text[i]);
  h = (h ^ rest) * kMultiplier;
  return h ^ (h >> 32);
}

constexpr std::uint32_t kKindBits = 3;

/// Where day number `n`'s entry is, or would go, in a list of (day number, amount) sorted by day.
std::vector<std::pair<long, double>>::const_iterator entry_of_day(const std::vector<std::pair<long, double>>& amounts,
                                                                  long n) {
  return std::lower_bound(amounts.begin(), amounts.end(), n,
                          [](const std::pair<long, double>& entry, long day) { return entry.first < day; });
}

}  // namespace

void CheckinCollector::add(const EventView& event) {
  std::uint64_t h = hash_text(hash_text(0, event.note_escaped), event.truth_escaped);
  std::int32_t amount = kNoAmount;
  if (event.amount) {
    double thousandths = *event.amount * 1000;
    if (thousandths < 2e9 && thousandths == std::floor(thousandths)) {
      amount = static_cast<std::int32_t>(thousandths);
    } else {
      big_amounts_.push_back(*event.amount);
      amount = -2 - static_cast<std::int32_t>(big_amounts_.size() - 1);
      // Records compare big amounts by this hash only (their index differs): hash the value.
      char bits[sizeof(double)];
      std::memcpy(bits, &*event.amount, sizeof bits);
      h = hash_text(h, std::string_view(bits, sizeof bits));
    }
  }
  std::uint32_t detail =
      static_cast<std::uint32_t>(h >> 32 << kKindBits) | static_cast<std::uint32_t>(event.kind);
  push({static_cast<std::int32_t>(day_number(event.day)), compact_instant(event.written), detail, amount});
}

void CheckinCollector::push(const Record& record) {
  first_day_ = std::min(first_day_, record.day);
  last_day_ = std::max(last_day_, record.day);
  if (chunks_.empty() || chunks_.back().size() == chunks_.back().capacity())
    chunks_.emplace_back().reserve(std::clamp<size_t>(size_, 64, kLargestChunk));
  chunks_.back().push_back(record);
  ++size_;
}

void CheckinCollector::push_from(const CheckinCollector& owner, Record record) {
  if (record.amount < kNoAmount) {  // a big amount: copied, and numbered in this collector
    big_amounts_.push_back(owner.big_amounts_[static_cast<size_t>(-2 - record.amount)]);
    record.amount = -2 - static_cast<std::int32_t>(big_amounts_.size() - 1);
  }
  push(record);
}

CheckinCollector CheckinCollector::of_day(std::span<const CheckinCollector* const> parts, Day day) {
  const auto n = static_cast<std::int32_t>(day_number(day));
  CheckinCollector result;
  for (const CheckinCollector* part : parts)
    part->for_each_record([&](const Record& r) {
      if (r.day == n) result.push_from(*part, r);
    });
  return result;
}

std::vector<CheckinCollector::Record> CheckinCollector::in_day_order(
    std::span<const CheckinCollector* const> parts, std::vector<double>& big_amounts) {
  size_t count = 0;
  std::int32_t first_day = std::numeric_limits<std::int32_t>::max();
  std::int32_t last_day = std::numeric_limits<std::int32_t>::min();
  for (const CheckinCollector* part : parts) {
    count += part->size_;
    first_day = std::min(first_day, part->first_day_);
    last_day = std::max(last_day, part->last_day_);
  }
  std::vector<Record> sorted(count);
  if (count == 0) return sorted;
  // The parts' big amounts, joined in order, as for_each_record_joined numbers them.
  for (const CheckinCollector* part : parts)
    big_amounts.insert(big_amounts.end(), part->big_amounts_.begin(), part->big_amounts_.end());
  const size_t days = static_cast<size_t>(last_day - first_day + 1);
  if (days > 2 * count + 1024) {
    // Days far apart (a hand-edited log): a plain sort, so memory follows the records.
    size_t at = 0;
    for_each_record_joined(parts, [&](const Record& r) { sorted[at++] = r; });
    std::sort(sorted.begin(), sorted.end());
    return sorted;
  }
  // A goal's days are a small dense range: a counting sort, linear whatever the log's order,
  // keeping the log's order within a day.
  std::vector<std::uint32_t> next(days + 1, 0);  // first the count of each day, shifted by one
  for (const CheckinCollector* part : parts)
    part->for_each_record([&](const Record& r) { ++next[static_cast<size_t>(r.day - first_day) + 1]; });
  for (size_t i = 1; i <= days; ++i) next[i] += next[i - 1];  // now where each day starts
  for_each_record_joined(parts, [&](const Record& r) { sorted[next[static_cast<size_t>(r.day - first_day)]++] = r; });
  return sorted;
}

CheckinCollector::Stored CheckinCollector::stored(std::span<const CheckinCollector* const> parts) {
  Stored s;
  size_t count = 0;
  for (const CheckinCollector* part : parts) count += part->size_;
  s.records.reserve(count);
  for_each_record_joined(parts, [&](const Record& r) { s.records.push_back(r); });
  for (const CheckinCollector* part : parts) {
    s.big_amounts.insert(s.big_amounts.end(), part->big_amounts_.begin(), part->big_amounts_.end());
    s.first_day = std::min(s.first_day, part->first_day_);
    s.last_day = std::max(s.last_day, part->last_day_);
  }
  return s;
}

std::optional<CheckinCollector> CheckinCollector::from_stored(Stored stored) {
  // Bytes that were not stored by stored() must still not index out of bounds later: each
  // record's day in the span, its kind an event, its big amount there.
  for (const Record& r : stored.records)
    if (r.day < stored.first_day || r.day > stored.last_day ||
        (r.detail & ((1u << kKindBits) - 1)) > static_cast<std::uint32_t>(EventKind::mood) ||
        (r.amount < kNoAmount && static_cast<std::uint64_t>(-2L - r.amount) >= stored.big_amounts.size()))
      return std::nullopt;
  CheckinCollector c;
  c.size_ = stored.records.size();
  if (!stored.records.empty()) c.chunks_.push_back(std::move(stored.records));
  c.big_amounts_ = std::move(stored.big_amounts);
  c.first_day_ = stored.first_day;
  c.last_day_ = stored.last_day;
  return c;
}

DayMarks::Stored DayMarks::stored() const {
  return Stored{first_, marks_, paused_from_, paused_open_, default_amount_, unusual_amounts_};
}

std::optional<DayMarks> DayMarks::from_stored(Stored stored) {
  constexpr std::uint8_t kAll = kDone | kSkip | kPaused | kBare;
  for (std::uint8_t flags : stored.flags)
    if (flags & ~kAll) return std::nullopt;
  if (!std::is_sorted(stored.unusual_amounts.begin(), stored.unusual_amounts.end())) return std::nullopt;
  DayMarks marks;
  marks.first_ = stored.first;
  marks.marks_ = std::move(stored.flags);
  marks.paused_from_ = stored.paused_from;
  marks.paused_open_ = stored.paused_open;
  marks.default_amount_ = stored.default_amount;
  marks.unusual_amounts_ = std::move(stored.unusual_amounts);
  return marks;
}

DayMarks::DayMarks(const CheckinCollector& collected, double default_amount)
    : default_amount_(default_amount) {
  const CheckinCollector* parts[] = {&collected};
  resolve(parts);
}

DayMarks::DayMarks(std::span<const CheckinCollector* const> parts, double default_amount)
    : default_amount_(default_amount) {
  resolve(parts);
}

void DayMarks::resolve(std::span<const CheckinCollector* const> parts) {
  const double default_amount = default_amount_;
  std::vector<double> big_amounts;
  std::vector<CheckinCollector::Record> sorted = CheckinCollector::in_day_order(parts, big_amounts);
  if (sorted.empty()) return;

  auto kind_of = [](const CheckinCollector::Record& r) {
    return static_cast<EventKind>(r.detail & ((1u << kKindBits) - 1));
  };
  auto amount_of = [&](const CheckinCollector::Record& r) {
    if (r.amount == CheckinCollector::kNoAmount) return default_amount;
    if (r.amount >= 0) return r.amount / 1000.0;
    return big_amounts[static_cast<size_t>(-2 - r.amount)];
  };

  first_ = sorted.front().day;
  marks_.assign(static_cast<size_t>(sorted.back().day - first_ + 1), 0);
  bool pausing = false;
  long pause_start = 0;
  for (auto group = sorted.begin(); group != sorted.end();) {
    // One day's records: put in order (by the moment written, then the rest), and exact
    // duplicates (a git union merge of two clones) count once.
    auto begin = group, end = group;
    while (end != sorted.end() && end->day == begin->day) ++end;
    group = end;
    if (end - begin > 1) std::sort(begin, end);
    end = std::unique(begin, end, CheckinCollector::same_line);
    const long day = begin->day;
    // An undo cancels the day's dones and skips written at or before it (ties: the undo wins),
    // so only those written after the last undo count.
    std::int64_t last_undo = std::numeric_limits<std::int64_t>::min();
    for (auto r = begin; r != end; ++r)
      if (kind_of(*r) == EventKind::undo) last_undo = r->instant;
    double total = 0;
    std::uint8_t& mark = marks_[static_cast<size_t>(day - first_)];
    for (auto r = begin; r != end; ++r) {
      EventKind kind = kind_of(*r);
      if (kind == EventKind::pause && !pausing) {
        pausing = true;
        pause_start = day;
      } else if (kind == EventKind::resume && pausing) {
        pausing = false;
        for (long d = pause_start; d < day; ++d) marks_[static_cast<size_t>(d - first_)] |= kPaused;
      }
      if (r->instant <= last_undo) continue;
      if (kind == EventKind::done) {
        mark |= kDone;
        if (r->amount == CheckinCollector::kNoAmount) mark |= kBare;
        total += amount_of(*r);
      } else if (kind == EventKind::skip) {
        mark |= kSkip;
      }
    }
    if ((mark & kDone) && total != default_amount) unusual_amounts_.emplace_back(day, total);
  }
  if (pausing) {
    paused_open_ = true;
    paused_from_ = pause_start;
    for (long d = pause_start; d - first_ < static_cast<long>(marks_.size()); ++d)
      marks_[static_cast<size_t>(d - first_)] |= kPaused;
  }
}

DayMarks DayMarks::without(const Event& checkin, const CheckinCollector& day_checkins) const {
  // A day's done and skip follow from that day's events alone (an undo cancels only its own
  // day's), so the day is resolved again by itself. Pauses span days: they are kept as read.
  CheckinCollector own;  // the check-in's record, made as reading its line makes it
  const std::string note = escape_field(checkin.note), truth = escape_field(checkin.truth);
  own.add(EventView{checkin.day, checkin.written, checkin.kind, checkin.goal, checkin.amount, note, truth});
  const CheckinCollector::Record& left_out = own.chunks_.front().front();
  CheckinCollector others;
  bool found = false;
  day_checkins.for_each_record([&](const CheckinCollector::Record& r) {
    if (r.day != left_out.day) return;
    if (!found && CheckinCollector::same_line(r, left_out)) {
      found = true;
      return;
    }
    others.push_from(day_checkins, r);
  });
  const DayMarks day_alone(others, default_amount_);
  DayMarks before = *this;
  const long n = day_number(checkin.day);
  if (n < first_ || n - first_ >= static_cast<long>(marks_.size())) return before;
  std::uint8_t& mark = before.marks_[static_cast<size_t>(n - first_)];
  mark = static_cast<std::uint8_t>((mark & ~(kDone | kSkip | kBare)) | (day_alone.bits(checkin.day) & (kDone | kSkip | kBare)));
  auto at = entry_of_day(before.unusual_amounts_, n);
  if (at != before.unusual_amounts_.end() && at->first == n) at = before.unusual_amounts_.erase(at);
  if (double total = day_alone.amount(checkin.day); (mark & kDone) && total != default_amount_)
    before.unusual_amounts_.insert(at, {n, total});
  return before;
}

double DayMarks::amount(Day day) const {
  if (!done(day)) return 0;
  long n = day_number(day);
  auto it = entry_of_day(unusual_amounts_, n);
  if (it != unusual_amounts_.end() && it->first == n) return it->second;
  return default_amount_;
}

double DayMarks::total_amount(Day from, Day to) const {
  // Every done day counts the default amount, corrected where the day's total differs.
  long lo = day_number(from), hi = day_number(to);
  double total = 0;
  const long end = std::min(hi + 1, first_ + static_cast<long>(marks_.size()));
  const long begin = std::max(lo, first_);
  if (default_amount_ == std::trunc(default_amount_) && std::abs(default_amount_) < 0x1p31) {
    // A whole number added k times is exactly k times it (the sums stay far below 2^53):
    // count the done days, in a loop the compiler vectorises.
    long done_days = 0;
    for (long n = begin; n < end; ++n) done_days += marks_[static_cast<size_t>(n - first_)] & kDone;
    total = static_cast<double>(done_days) * default_amount_;
  } else {
    for (long n = begin; n < end; ++n)
      if (marks_[static_cast<size_t>(n - first_)] & kDone) total += default_amount_;
  }
  for (const auto& [n, amount] : unusual_amounts_)
    if (n >= lo && n <= hi) total += amount - default_amount_;
  return total;
}

std::optional<Day> DayMarks::first_done() const {
  for (size_t i = 0; i < marks_.size(); ++i)
    if (marks_[i] & kDone) return day_from_number(first_ + static_cast<long>(i));
  return std::nullopt;
}

std::optional<Day> DayMarks::last_done() const {
  for (size_t i = marks_.size(); i-- > 0;)
    if (marks_[i] & kDone) return day_from_number(first_ + static_cast<long>(i));
  return std::nullopt;
}

GoalStatus status_on(const Goal& goal, const DayMarks& marks, Day day) {
  return goal.status == GoalStatus::active && marks.paused(day) ? GoalStatus::paused : goal.status;
}

}  // namespace microstep
