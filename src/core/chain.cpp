#include "core/chain.hpp"

#include <algorithm>

namespace microstep {

namespace {

/// The state of a day done or resting (or neither) under `schedule`, which asked for that
/// day or not (a quota schedule asks for every day), in the quota period holding it (if
/// any). A file-local function called from one place, so that the compiler inlines it into
/// judge_days' loop over every day.
DayState judge(bool done, bool resting, bool is_today, const Schedule& schedule, bool asked, bool quota_chain,
               const Period* period) {
  if (done) return asked ? DayState::done : DayState::done_unscheduled;
  if (resting) return DayState::rest;
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
    marks_.for_each_day(from, to, [&](bool done, bool resting) {
      p.done += done;
      rest += resting;
    });
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
  // A version at a time: what depends on the version is worked out once, and the weekday
  // (or the days since the anchor) followed from day to day rather than computed.
  DayState* states = states_.data();
  const Period* periods = periods_.data();
  const size_t period_count = periods_.size();
  const bool quota_chain = is_quota();
  size_t p = 0;  // the quota period, which only moves forward
  for_each_version([&](const StepVersion& version, Day first, Day last) {
    const Schedule schedule = version.schedule;
    const Day anchor = std::max(version.from, goal_.started);
    const Day today = today_;
    unsigned weekday = iso_weekday_index(first);
    long since_anchor = (first - anchor).count();  // < 0 on days before the first version's from
    Day day = first;
    DayState* state = states + (first - goal_.started).count();
    marks_.for_each_day(first, last, [&](bool done, bool resting) {
      while (p < period_count && periods[p].last < day) ++p;
      bool asked = true;  // a quota schedule asks for every day
      if (schedule.kind == Schedule::Kind::days)
        asked = (schedule.weekday_mask >> weekday) & 1u;
      else if (schedule.kind == Schedule::Kind::every_n)
        asked = since_anchor >= 0 && since_anchor % static_cast<long>(schedule.n) == 0;
      *state++ = judge(done, resting, day == today, schedule, asked, quota_chain,
                       p < period_count ? &periods[p] : nullptr);
      day += date::days{1};
      weekday = weekday == 6 ? 0 : weekday + 1;
      ++since_anchor;
    });
  });
}

}  // namespace microstep
