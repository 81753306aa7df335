#include "core/chain.hpp"

#include <algorithm>

namespace microstep {

namespace {

/// The state of `day` under `schedule`, which asked for that day or not (a quota schedule
/// asks for every day), in the quota period holding it (if any). A file-local function called
/// from one place, so that the compiler inlines it into judge_days' loop over every day.
DayState judge(const DayMarks& marks, Day day, bool is_today, const Schedule& schedule, bool asked,
               bool quota_chain, const Period* period) {
  if (marks.done(day)) return asked ? DayState::done : DayState::done_unscheduled;
  if (marks.resting(day)) return DayState::rest;
  if (schedule.is_quota()) {
    if (!quota_chain || !period || period->met() || period->resting()) return DayState::unscheduled;
    if (period->current) return is_today ? DayState::open : DayState::unscheduled;
    return DayState::missed;
  }
  if (!asked) return DayState::unscheduled;
  return is_today ? DayState::open : DayState::missed;
}

}  // namespace

Chain::Chain(const Goal& goal, const DayMarks& marks, Day today, unsigned week_start)
    : goal_(goal), marks_(marks), today_(today), week_start_(week_start) {
  versions_ = goal.history;
  versions_.push_back(goal.current());
  if (is_quota() && today >= goal.started) find_periods();
  judge_days();
}

void Chain::find_periods() {
  for (Day first = period_of(goal_.started).first; first <= today_;) {
    Period p = period_of(first);
    Day from = std::max(p.first, goal_.started);
    Day to = std::min(p.last, today_);
    const Schedule& in_force = version_on(to).schedule;
    unsigned n = in_force.is_quota() ? in_force.n : goal_.schedule.n;
    unsigned available = static_cast<unsigned>((p.last - from).count() + 1);
    unsigned rest = 0;
    for (Day d = from; d <= to; d += date::days{1}) {
      if (marks_.done(d))
        ++p.done;
      else if (marks_.resting(d))
        ++rest;
    }
    unsigned want = std::min(n, available);
    p.needed = want > rest ? want - rest : 0;
    p.current = p.last >= today_;
    periods_.push_back(p);
    first = p.last + date::days{1};
  }
}

const StepVersion& Chain::version_on(Day day) const {
  for (auto it = versions_.rbegin(); it != versions_.rend(); ++it)
    if (it->from <= day) return *it;
  return versions_.front();
}

Period Chain::period_of(Day day) const {
  Period p;
  if (goal_.schedule.kind == Schedule::Kind::per_month) {
    p.first = start_of_month(day);
    p.last = p.first + date::days{days_in_month(day) - 1};
  } else {
    p.first = start_of_week(day, week_start_);
    p.last = p.first + date::days{6};
  }
  return p;
}

std::span<const DayState> Chain::states_between(Day from, Day to) const {
  from = std::max(from, goal_.started);
  to = std::min(to, today_);
  if (from > to) return {};
  return std::span<const DayState>(states_).subspan(static_cast<size_t>((from - goal_.started).count()),
                                                    static_cast<size_t>((to - from).count() + 1));
}

bool Chain::scheduled(Day day) const {
  if (day < goal_.started || day > today_) return false;
  const StepVersion& v = version_on(day);
  if (v.schedule.is_quota()) return true;
  Day anchor = std::max(v.from, goal_.started);
  return v.schedule.is_scheduled(day, anchor);
}

void Chain::judge_days() {
  if (today_ < goal_.started) return;
  states_.resize(static_cast<size_t>((today_ - goal_.started).count() + 1));
  // A version at a time: what depends on the version is worked out once, and the weekday is
  // followed from day to day rather than computed.
  size_t p = 0;  // the quota period, which only moves forward
  for_each_version([&](const StepVersion& version, Day first, Day last) {
    const Schedule& schedule = version.schedule;
    const bool by_weekday = schedule.kind == Schedule::Kind::days;
    const Day anchor = std::max(version.from, goal_.started);
    unsigned weekday = iso_weekday_index(first);
    for (Day day = first; day <= last; day += date::days{1}, weekday = weekday == 6 ? 0 : weekday + 1) {
      while (p < periods_.size() && periods_[p].last < day) ++p;
      bool asked = by_weekday ? (schedule.weekday_mask >> weekday) & 1u : schedule.is_scheduled(day, anchor);
      states_[static_cast<size_t>((day - goal_.started).count())] =
          judge(marks_, day, day == today_, schedule, asked, is_quota(), p < periods_.size() ? &periods_[p] : nullptr);
    }
  });
}

}  // namespace microstep
