#include "core/chain.hpp"

#include <algorithm>

namespace microstep {

Chain::Chain(const Goal& goal, const DayMarks& marks, Day today, unsigned week_start)
    : goal_(goal), marks_(marks), today_(today), week_start_(week_start) {
  versions_ = goal.history;
  versions_.push_back(goal.current());
  if (!is_quota() || today < goal.started) return;
  for (Day first = period_of(goal.started).first; first <= today;) {
    Period p = period_of(first);
    Day from = std::max(p.first, goal.started);
    Day to = std::min(p.last, today);
    const Schedule& in_force = version_on(to).schedule;
    unsigned n = in_force.is_quota() ? in_force.n : goal.schedule.n;
    unsigned available = static_cast<unsigned>((p.last - from).count() + 1);
    unsigned rest = 0;
    for (Day d = from; d <= to; d += date::days{1}) {
      if (marks.done(d))
        ++p.done;
      else if (marks.resting(d))
        ++rest;
    }
    unsigned want = std::min(n, available);
    p.needed = want > rest ? want - rest : 0;
    p.current = p.last >= today;
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

bool Chain::scheduled(Day day) const {
  if (day < goal_.started || day > today_) return false;
  const StepVersion& v = version_on(day);
  if (v.schedule.is_quota()) return true;
  Day anchor = std::max(v.from, goal_.started);
  return v.schedule.is_scheduled(day, anchor);
}

DayState Chain::state(Day day) const {
  if (day < goal_.started || day > today_) return DayState::before_start;
  const StepVersion& v = version_on(day);
  bool quota_day = v.schedule.is_quota() && is_quota();
  bool asked = scheduled(day);
  if (marks_.done(day)) return asked ? DayState::done : DayState::done_unscheduled;
  if (marks_.resting(day)) return DayState::rest;
  if (quota_day) {
    auto it = std::lower_bound(periods_.begin(), periods_.end(), day,
                               [](const Period& p, Day d) { return p.last < d; });
    if (it == periods_.end() || it->met() || it->resting()) return DayState::unscheduled;
    if (it->current) return day == today_ ? DayState::open : DayState::unscheduled;
    return DayState::missed;
  }
  if (!asked || v.schedule.is_quota()) return DayState::unscheduled;
  return day == today_ ? DayState::open : DayState::missed;
}

}  // namespace microstep
