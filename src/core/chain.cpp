#include "core/chain.hpp"

#include <algorithm>
#include <array>

namespace microstep {

namespace {

constexpr date::days kOneDay{1};

/// What the marks say of one day against the version in force: bit 0 the minimum reached,
/// bit 1 done below the minimum, bit 2 skipped or paused.
constexpr std::uint8_t kReached = 1, kBelow = 2, kResting = 4;

/// The calendar week or month holding `day`.
std::pair<Day, Day> calendar_period(ChainUnit unit, Day day, unsigned week_start) {
  if (unit == ChainUnit::month) {
    Day first = start_of_month(day);
    return {first, first + date::days{days_in_month(day) - 1}};
  }
  Day first = start_of_week(day, week_start);
  return {first, first + date::days{6}};
}

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
  // Rolling windows count the done and rest days of any run of days: prefix sums, made once.
  std::vector<unsigned> filled_before;
  if (std::any_of(versions_.begin(), versions_.end(),
                  [](const StepVersion& v) { return v.schedule.kind == Schedule::Kind::rolling; })) {
    filled_before.assign(days + 1, 0);
    for (size_t i = 0; i < days; ++i) filled_before[i + 1] = filled_before[i] + ((facts[i] & (kReached | kResting)) != 0);
  }
  auto filled = [&](Day from, Day to) -> long {
    from = std::max(from, goal_.started);
    to = std::min(to, today_);
    return from > to ? 0 : filled_before[index(to) + 1] - filled_before[index(from)];
  };
  auto reached = [&](Day d) { return d >= goal_.started && d <= today_ && (facts[index(d)] & kReached); };
  for_each_version([&](const StepVersion& version, Day first, Day last) {
    const Schedule schedule = version.schedule;
    const Day anchor = std::max(version.from, goal_.started);
    // K in N days: a window is a done day and the N - 1 days after it; it keeps its days when
    // it holds K done or rest days. kept_from: the last done day before the day judged whose
    // window keeps; may_keep_from: the first done day whose window may still come to keep
    // (it reaches today, and the days still to come could fill it), so the past days inside
    // it are not judged yet.
    const date::days span{static_cast<long>(schedule.n) - 1};
    auto keeps = [&](Day f) { return reached(f) && filled(f, f + span) >= static_cast<long>(schedule.k); };
    std::optional<Day> kept_from, may_keep_from;
    if (schedule.kind == Schedule::Kind::rolling) {
      for (Day f = std::max(goal_.started, first - span); f < first; f += kOneDay)
        if (keeps(f)) kept_from = f;
      const long today_to_come = (facts[index(today_)] & (kReached | kResting)) ? 0 : 1;
      for (Day f = std::max(goal_.started, today_ - span); f <= today_ && !may_keep_from; f += kOneDay)
        if (reached(f) && filled(f, today_) + (f + span - today_).count() + today_to_come >= schedule.k)
          may_keep_from = f;
    }
    unsigned weekday = iso_weekday_index(first);
    for (Day d = first; d <= last; d += kOneDay, weekday = weekday == 6 ? 0 : weekday + 1) {
      const std::uint8_t f = facts[index(d)];
      const bool today = d == today_;
      DayState& state = states_[index(d)];
      if (schedule.is_quota()) {
        while (p < periods_.size() && periods_[p].last < d) ++p;
        const Period& period = periods_[p];
        const bool asking = !period.met() && !period.resting();
        if (f & kReached) state = DayState::done;
        else if (f & kResting) state = DayState::rest;
        else if (!asking || (period.current && !today)) state = DayState::unscheduled;
        else if (f & kBelow) state = today ? DayState::partial_open : DayState::partial;
        else state = today ? DayState::open : DayState::missed;
      } else if (schedule.is_tracking()) {
        if (f & kReached) state = DayState::done_unscheduled;
        else if (f & kResting) state = DayState::rest;
      } else {
        bool asked;
        if (schedule.kind == Schedule::Kind::rolling) {
          if (keeps(d)) kept_from = d;
          const bool kept = kept_from && d - *kept_from <= span;
          const bool undecided = !today && may_keep_from && *may_keep_from <= d;
          asked = (f & kReached) || !(kept || undecided);
        } else if (schedule.kind == Schedule::Kind::every_n) {
          asked = d >= anchor && (!last_reached || d >= *last_reached + date::days{schedule.n});
        } else {
          asked = (schedule.weekday_mask >> weekday) & 1u;
        }
        if (f & kReached) state = asked ? DayState::done : DayState::done_unscheduled;
        else if (f & kResting) state = DayState::rest;
        else if (!asked) state = DayState::unscheduled;
        else if (f & kBelow) state = today ? DayState::partial_open : DayState::partial;
        else state = today ? DayState::open : DayState::missed;
      }
      if (f & kReached) last_reached = d;
    }
  });

  // 4. The occasions, in order: each asked day of a day schedule, and each period of a
  //    quota on its last day judged.
  p = 0;
  for_each_day(goal_.started, today_, [&](Day d, DayState s, const StepVersion& version) {
    if (version.schedule.is_quota()) {
      while (p < periods_.size() && periods_[p].last < d) ++p;
      const Period& period = periods_[p];
      if (d != std::min(period.last, today_) || period.resting()) return;
      auto outcome = period.met()   ? Occasion::Outcome::kept
                     : period.current ? Occasion::Outcome::pending
                                      : Occasion::Outcome::broken;
      occasions_.push_back({period.first, d, unit_of(version.schedule), outcome});
      return;
    }
    if (s == DayState::done) occasions_.push_back({d, d, ChainUnit::day, Occasion::Outcome::kept});
    else if (is_miss(s)) occasions_.push_back({d, d, ChainUnit::day, Occasion::Outcome::broken});
    else if (is_open(s)) occasions_.push_back({d, d, ChainUnit::day, Occasion::Outcome::pending});
  });
}

}  // namespace microstep
