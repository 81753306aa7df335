#include "core/checkins.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace microstep {

namespace {

constexpr std::int64_t kInstantEpoch = 946684800;  // 2000-01-01T00:00:00Z

std::int32_t compact_instant(const Moment& written) {
  std::int64_t seconds = written.utc.time_since_epoch().count() - kInstantEpoch;
  constexpr std::int64_t lo = std::numeric_limits<std::int32_t>::min();
  constexpr std::int64_t hi = std::numeric_limits<std::int32_t>::max();
  return static_cast<std::int32_t>(std::clamp(seconds, lo, hi));
}

/// FNV-1a: cheap and good enough to tell a duplicated line from a different one.
std::uint32_t hash_text(std::uint32_t h, std::string_view text) {
  for (unsigned char c : text) h = (h ^ c) * 16777619u;
  return h;
}

constexpr std::uint32_t kKindBits = 3;

}  // namespace

void CheckinCollector::add(const EventView& event) {
  std::uint32_t h = hash_text(2166136261u, event.note_escaped);
  h = hash_text(h, "\t");
  h = hash_text(h, event.truth_escaped);
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
  std::uint32_t detail = (h << kKindBits) | static_cast<std::uint32_t>(event.kind);
  records_.push_back({static_cast<std::int32_t>(day_number(event.day)),
                      compact_instant(event.written), detail, amount});
}

void CheckinCollector::absorb(CheckinCollector&& other) {
  auto shift = static_cast<std::int32_t>(big_amounts_.size());
  big_amounts_.insert(big_amounts_.end(), other.big_amounts_.begin(), other.big_amounts_.end());
  for (Record r : other.records_) {
    if (r.amount < kNoAmount) r.amount -= shift;  // -(2 + index): the index moves up by shift
    records_.push_back(r);
  }
  other.records_.clear();
}

DayMarks::DayMarks(CheckinCollector collected, double default_amount)
    : default_amount_(default_amount) {
  auto& records = collected.records_;
  if (records.empty()) return;
  // A log is in written order but for its backfilled lines: keep the records that are already
  // in order, sort the few others and merge them in. Linear for a log in order, n log n at worst.
  std::vector<CheckinCollector::Record> sorted, late;
  sorted.reserve(records.size());
  for (const auto& r : records) {
    if (sorted.empty() || !(r < sorted.back()))
      sorted.push_back(r);
    else
      late.push_back(r);
  }
  records.clear();
  if (!late.empty()) {
    std::sort(late.begin(), late.end());
    size_t in_order = sorted.size();
    sorted.insert(sorted.end(), late.begin(), late.end());
    std::inplace_merge(sorted.begin(), sorted.begin() + static_cast<long>(in_order), sorted.end());
  }
  // Exact duplicates (a git union merge of two clones) count once.
  sorted.erase(std::unique(sorted.begin(), sorted.end(),
                           [](const auto& a, const auto& b) {
                             // Equal except for where a big amount was stored.
                             return a.day == b.day && a.instant == b.instant &&
                                    a.detail == b.detail &&
                                    (a.amount == b.amount || (a.amount < -1 && b.amount < -1));
                           }),
               sorted.end());

  auto kind_of = [](const CheckinCollector::Record& r) {
    return static_cast<EventKind>(r.detail & ((1u << kKindBits) - 1));
  };
  auto amount_of = [&](const CheckinCollector::Record& r) {
    if (r.amount == CheckinCollector::kNoAmount) return default_amount;
    if (r.amount >= 0) return r.amount / 1000.0;
    return collected.big_amounts_[static_cast<size_t>(-2 - r.amount)];
  };

  first_ = sorted.front().day;
  marks_.assign(static_cast<size_t>(sorted.back().day - first_ + 1), 0);
  bool pausing = false;
  long pause_start = 0;
  for (size_t begin = 0; begin < sorted.size();) {
    size_t end = begin;
    while (end < sorted.size() && sorted[end].day == sorted[begin].day) ++end;
    long day = sorted[begin].day;
    // An undo cancels the day's dones and skips written at or before it (ties: the undo wins),
    // so only those written after the last undo count.
    std::int64_t last_undo = std::numeric_limits<std::int64_t>::min();
    for (size_t i = begin; i < end; ++i)
      if (kind_of(sorted[i]) == EventKind::undo) last_undo = sorted[i].instant;
    double total = 0;
    std::uint8_t& mark = marks_[static_cast<size_t>(day - first_)];
    for (size_t i = begin; i < end; ++i) {
      const auto& r = sorted[i];
      EventKind kind = kind_of(r);
      if (kind == EventKind::pause && !pausing) {
        pausing = true;
        pause_start = day;
      } else if (kind == EventKind::resume && pausing) {
        pausing = false;
        for (long d = pause_start; d < day; ++d) marks_[static_cast<size_t>(d - first_)] |= kPaused;
      }
      if (r.instant <= last_undo) continue;
      if (kind == EventKind::done) {
        mark |= kDone;
        total += amount_of(r);
      } else if (kind == EventKind::skip) {
        mark |= kSkip;
      }
    }
    if ((mark & kDone) && total != default_amount) unusual_amounts_.emplace_back(day, total);
    begin = end;
  }
  if (pausing) {
    paused_open_ = true;
    paused_from_ = pause_start;
    for (long d = pause_start; d - first_ < static_cast<long>(marks_.size()); ++d)
      marks_[static_cast<size_t>(d - first_)] |= kPaused;
  }
}

double DayMarks::amount(Day day) const {
  if (!done(day)) return 0;
  long n = day_number(day);
  auto it = std::lower_bound(unusual_amounts_.begin(), unusual_amounts_.end(),
                             std::pair<long, double>{n, -1e300});
  if (it != unusual_amounts_.end() && it->first == n) return it->second;
  return default_amount_;
}

double DayMarks::total_amount(Day from, Day to) const {
  // Every done day counts the default amount, corrected where the day's total differs.
  long lo = day_number(from), hi = day_number(to);
  double total = 0;
  for (long n = std::max(lo, first_); n <= hi && n - first_ < static_cast<long>(marks_.size()); ++n)
    if (marks_[static_cast<size_t>(n - first_)] & kDone) total += default_amount_;
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

}  // namespace microstep
