#include "core/judge/chain.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

namespace microstep {

namespace {

constexpr date::days kOneDay{1};

/// What the marks say of one day against the version in force: bit 0 the minimum reached,
/// bit 1 done below the minimum, bit 2 skipped or paused (a day that reached the minimum may
/// go without it: every use asks kReached first).
constexpr std::uint8_t kReached = 1, kBelow = 2, kResting = 4;

/// A day's state under a day schedule (not a quota) from its facts: whether the schedule
/// asks for it, and whether it is today (still open).
DayState day_state(std::uint8_t fact, bool asked, bool today) {
  if (fact & kReached) return asked ? DayState::done : DayState::done_unscheduled;
  if (fact & kResting) return DayState::rest;
  if (!asked) return DayState::unscheduled;
  if (fact & kBelow) return today ? DayState::partial_open : DayState::partial;
  return today ? DayState::open : DayState::missed;
}

/// The calendar week or month holding `day`.
std::pair<Day, Day> calendar_period(ChainUnit unit, Day day, unsigned week_start) {
  if (unit == ChainUnit::month) {
    Day first = start_of_month(day);
    return {first, first + date::days{days_in_month(day) - 1}};
  }
  Day first = start_of_week(day, week_start);
  return {first, first + date::days{6}};
}

/// The windows of "K in N days" over a goal's days from its start to today: a window is a done
/// day and the N - 1 days after it; it keeps its days when it holds K done or rest days.
class RollingWindows {
 public:
  RollingWindows(const std::vector<std::uint8_t>& facts, Day started, Day today)
      : facts_(facts), started_(started), today_(today), filled_before_(facts.size() + 1, 0) {
    for (size_t i = 0; i < facts.size(); ++i)
      filled_before_[i + 1] = filled_before_[i] + ((facts[i] & (kReached | kResting)) != 0);
  }
  /// Does the window of `s` that begins on `f` keep its days (with the days to today)?
  bool keeps(Day f, const Schedule& s) const {
    return reached(f) && filled(f, f + span(s)) >= static_cast<long>(s.k);
  }
  /// The last day before `first` whose window keeps and reaches `first`.
  std::optional<Day> keeping_into(Day first, const Schedule& s) const {
    std::optional<Day> found;
    for (Day f = std::max(started_, first - span(s)); f < first; f += date::days{1})
      if (keeps(f, s)) found = f;
    return found;
  }
  /// The first done day whose window reaches today and may still come to keep: its done and
  /// rest days so far, and the days still to come (today, unless done or rested), can reach K.
  /// The past days inside such a window are not judged yet.
  std::optional<Day> may_keep_from(const Schedule& s) const {
    const long today_to_come = (fact(today_) & (kReached | kResting)) ? 0 : 1;
    for (Day f = std::max(started_, today_ - span(s)); f <= today_; f += date::days{1}) {
      const long to_come = (f + span(s) - today_).count() + today_to_come;
      if (reached(f) && filled(f, today_) + to_come >= static_cast<long>(s.k)) return f;
    }
    return std::nullopt;
  }
  static date::days span(const Schedule& s) { return date::days{static_cast<long>(s.n) - 1}; }

 private:
  const std::vector<std::uint8_t>& facts_;
  Day started_, today_;
  std::vector<long> filled_before_;  ///< done or rest days before each day, as prefix sums

  std::uint8_t fact(Day d) const { return facts_[static_cast<size_t>((d - started_).count())]; }
  bool reached(Day d) const { return d >= started_ && d <= today_ && (fact(d) & kReached); }
  /// Done or rest days in [from, to], both clamped to [started, today].
  long filled(Day from, Day to) const {
    from = std::max(from, started_);
    to = std::min(to, today_);
    if (from > to) return 0;
    return filled_before_[static_cast<size_t>((to - started_).count()) + 1] -
           filled_before_[static_cast<size_t>((from - started_).count())];
  }
};

}  // namespace

std::string_view to_string(DayState state) {
  constexpr std::array<std::string_view, 9> names{"not_started", "unscheduled", "done",   "done_unscheduled", "rest",
                                                  "missed",      "open",        "partial", "partial"};
  return names.at(static_cast<size_t>(state));
}

ChainUnit unit_of(const Schedule& schedule) {
  switch (schedule.kind) {
    case Schedule::Kind::per_week:
      return ChainUnit::week;
    case Schedule::Kind::per_month:
      return ChainUnit::month;
    default:
      return ChainUnit::day;
  }
}

std::string_view to_string(ChainUnit unit) {
  constexpr std::array<std::string_view, 3> names{"day", "week", "month"};
  return names.at(static_cast<size_t>(unit));
}

Chain::Chain(const Goal& goal, const DayMarks& marks, Day today, unsigned week_start)
    : goal_(goal), marks_(marks), today_(today), week_start_(week_start) {
  versions_ = goal.history;
  versions_.push_back(goal.current());
  judge();
}

const StepVersion& Chain::version_on(Day day) const {
  for (auto it = versions_.rbegin(); it != versions_.rend(); ++it)
    if (it->from <= day) return *it;
  return versions_.front();
}

const Period* Chain::period_of(Day day) const {
  auto it = std::upper_bound(periods_.begin(), periods_.end(), day,
                             [](Day d, const Period& p) { return d < p.first; });
  if (it == periods_.begin()) return nullptr;
  --it;
  return day <= it->last ? &*it : nullptr;
}

std::span<const DayState> Chain::states_between(Day from, Day to) const {
  from = std::max(from, goal_.started);
  to = std::min(to, today_);
  if (from > to) return {};
  return std::span<const DayState>(states_).subspan(static_cast<size_t>((from - goal_.started).count()),
                                                    static_cast<size_t>((to - from).count() + 1));
}

void Chain::judge() {
  if (today_ < goal_.started) return;
  const size_t days = static_cast<size_t>((today_ - goal_.started).count() + 1);
  auto index = [&](Day d) { return static_cast<size_t>((d - goal_.started).count()); };

  // 1. Each day's check-ins against the minimum of the version in force that day: a done
  //    without an amount stands for the minimum; amounts count when their total reaches it.
  std::vector<std::uint8_t> facts(days, 0);
  for_each_version([&](const StepVersion& version, Day first, Day last) {
    const double minimum = version.minimum.value_or(0);
    std::uint8_t* fact = facts.data() + index(first);
    if (minimum <= 0) {  // most steps: any done reaches it (amounts are never negative)
      marks_.for_each_day(first, last, [&](bool done, bool resting) {
        *fact++ = static_cast<std::uint8_t>((done ? kReached : 0) | (resting ? kResting : 0));
      });
      return;
    }
    marks_.for_each_mark(first, last, [&](const DayMarks::DayMark& m) {
      bool reached = m.done && (m.bare || m.amount >= minimum - 1e-9);
      *fact++ = static_cast<std::uint8_t>((reached ? kReached : 0) | (m.done && !reached ? kBelow : 0) |
                                          (m.rest ? kResting : 0));
    });
  });

  // 2. The quota periods: the days of each calendar week (or month) under quota versions of
  //    that kind. A period's quota is the one in force on its last day judged; it is capped
  //    by the period's days under the quota, so a quota that starts (or ends) mid-week asks
  //    only for what those days allow.
  for (size_t v = 0; v < versions_.size(); ++v) {
    const ChainUnit unit = unit_of(versions_[v].schedule);
    if (unit == ChainUnit::day) continue;
    // The run of versions of this kind: [run_first, run_end).
    size_t end = v + 1;
    while (end < versions_.size() && unit_of(versions_[end].schedule) == unit) ++end;
    Day run_first = v == 0 ? goal_.started : std::max(versions_[v].from, goal_.started);
    Day run_last = end < versions_.size() ? versions_[end].from - kOneDay : Day::max();
    v = end - 1;
    for (Day first = run_first; first <= std::min(run_last, today_);) {
      auto [calendar_first, calendar_last] = calendar_period(unit, first, week_start_);
      Period p;
      p.first = std::max(calendar_first, run_first);
      p.last = std::min(calendar_last, run_last);
      Day to = std::min(p.last, today_);
      p.n = version_on(to).schedule.n;
      unsigned rest = 0;
      for (Day d = p.first; d <= to; d += kOneDay) {
        std::uint8_t f = facts[index(d)];
        p.done += (f & kReached) != 0;
        rest += !(f & kReached) && (f & kResting);
      }
      unsigned available = static_cast<unsigned>((p.last - p.first).count() + 1);
      unsigned want = std::min(p.n, available);
      p.needed = want > rest ? want - rest : 0;
      p.current = p.last >= today_;
      periods_.push_back(p);
      if (p.last == Day::max()) break;
      first = p.last + kOneDay;
    }
  }

  // 3. The state of each day, by the rule of its version. "Every N days" falls due N days
  //    after the last done (from the version's start when there is none), and stays due
  //    until it is done. "K in N days" asks for a day that no window keeps (see below).
  states_.assign(days, DayState::unscheduled);
  std::optional<Day> last_reached;
  size_t p = 0;
  std::optional<RollingWindows> windows;
  if (std::any_of(versions_.begin(), versions_.end(),
                  [](const StepVersion& v) { return v.schedule.kind == Schedule::Kind::rolling; }))
    windows.emplace(facts, goal_.started, today_);
  for_each_version([&](const StepVersion& version, Day first, Day last) {
    const Schedule schedule = version.schedule;
    const Day anchor = std::max(version.from, goal_.started);
    // One loop per kind of schedule, each over the version's days in facts and states_.
    const size_t begin = index(first), end = index(last), today = index(today_);
    if (schedule.is_quota()) {
      Day d = first;
      for (size_t i = begin; i <= end; ++i, d += kOneDay) {
        while (p < periods_.size() && periods_[p].last < d) ++p;
        const Period& period = periods_[p];
        const bool asking = !period.met() && !period.resting();
        const std::uint8_t f = facts[i];
        DayState& state = states_[i];
        if (f & kReached) state = DayState::done;
        else if (f & kResting) state = DayState::rest;
        else if (!asking || (period.current && i != today)) state = DayState::unscheduled;
        else if (f & kBelow) state = i == today ? DayState::partial_open : DayState::partial;
        else state = i == today ? DayState::open : DayState::missed;
      }
    } else if (schedule.is_tracking()) {
      for (size_t i = begin; i <= end; ++i) {
        if (facts[i] & kReached) states_[i] = DayState::done_unscheduled;
        else if (facts[i] & kResting) states_[i] = DayState::rest;
      }
    } else if (schedule.kind == Schedule::Kind::rolling) {
      // K in N days: kept_from is the last day, to the day judged, whose window keeps; a day
      // inside it is not asked, nor is a past day inside a window that may still keep.
      std::optional<Day> kept_from = windows->keeping_into(first, schedule);
      const std::optional<Day> may_keep_from = windows->may_keep_from(schedule);
      Day d = first;
      for (size_t i = begin; i <= end; ++i, d += kOneDay) {
        if (windows->keeps(d, schedule)) kept_from = d;
        const bool kept = kept_from && d - *kept_from <= RollingWindows::span(schedule);
        const bool undecided = i != today && may_keep_from && *may_keep_from <= d;
        states_[i] = day_state(facts[i], (facts[i] & kReached) || !(kept || undecided), i == today);
      }
    } else if (schedule.kind == Schedule::Kind::every_n) {
      Day d = first;
      for (size_t i = begin; i <= end; ++i, d += kOneDay) {
        const bool asked = d >= anchor && (!last_reached || d >= *last_reached + date::days{schedule.n});
        states_[i] = day_state(facts[i], asked, i == today);
        if (facts[i] & kReached) last_reached = d;
      }
    } else {
      unsigned weekday = iso_weekday_index(first);
      for (size_t i = begin; i <= end; ++i, weekday = weekday == 6 ? 0 : weekday + 1)
        states_[i] = day_state(facts[i], (schedule.weekday_mask >> weekday) & 1u, i == today);
    }
    // The last day reached, which the next version's "every N days" counts from.
    for (size_t i = end + 1; i-- > begin;)
      if (facts[i] & kReached) {
        last_reached = goal_.started + date::days{static_cast<long>(i)};
        break;
      }
  });

  // 4. The occasions, in order: each asked day of a day schedule, and each period of a
  //    quota on its last day judged. (Version by version, over states_ directly: this runs
  //    for every day of every goal on every command.)
  occasions_.reserve(days);
  p = 0;
  for_each_version([&](const StepVersion& version, Day first, Day last) {
    if (version.schedule.is_quota()) {
      const ChainUnit unit = unit_of(version.schedule);
      for (Day d = first; d <= last; d += kOneDay) {
        while (p < periods_.size() && periods_[p].last < d) ++p;
        const Period& period = periods_[p];
        if (d != std::min(period.last, today_) || period.resting()) continue;
        auto outcome = period.met()   ? Occasion::Outcome::kept
                       : period.current ? Occasion::Outcome::pending
                                        : Occasion::Outcome::broken;
        occasions_.push_back({period.first, d, unit, outcome});
      }
      return;
    }
    Day d = first;
    for (size_t i = index(first), end = index(last); i <= end; ++i, d += kOneDay) {
      const DayState s = states_[i];
      if (s == DayState::done) occasions_.push_back({d, d, ChainUnit::day, Occasion::Outcome::kept});
      else if (is_miss(s)) occasions_.push_back({d, d, ChainUnit::day, Occasion::Outcome::broken});
      else if (is_open(s)) occasions_.push_back({d, d, ChainUnit::day, Occasion::Outcome::pending});
    }
  });
}

}  // namespace microstep
