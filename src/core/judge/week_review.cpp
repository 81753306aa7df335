#include "core/judge/week_review.hpp"

namespace microstep {

namespace {

/// Reviews the seven days from `first`, as judged today.
WeekReview review_days(const Chain& chain, Day first, const CoachThresholds& t) {
  WeekReview w;
  w.first = first;
  w.last = w.first + date::days{6};
  w.to = std::min(w.last, chain.today());
  w.so_far = w.last >= chain.today();
  long judged = 0;
  for (Day d = w.first; d <= w.to; d += date::days{1}) {
    DayState s = chain.state(d);
    w.days.push_back(s);
    w.done += is_done(s);
    w.scheduled += s == DayState::done || is_miss(s) || is_open(s);
    w.missed += s == DayState::missed;
    w.partial += s == DayState::partial;
    w.rest += s == DayState::rest;
    w.open_today = w.open_today || is_open(s);
    if (is_miss(s)) w.missed_weekdays.push_back(iso_weekday_index(d));
    judged += is_judged(s);
  }
  if (w.to < chain.started()) return w;
  w.tracking = chain.version_on(w.to).schedule.is_tracking();
  if (w.tracking) return w;
  if (const Period* p = chain.period_of(w.to)) {
    w.period = *p;
    w.unit = chain.unit_on(w.to);
    w.missed_weekdays.clear();  // a quota is judged by its period, not by weekdays
    if (p->needed > 0) w.rate = static_cast<double>(p->counted()) / p->needed;
    if (p->met()) w.on_track = true;
    else if (!p->current && !p->resting()) w.on_track = false;
    return w;
  }
  if (judged > 0) {
    long done = 0;
    for (DayState s : w.days) done += s == DayState::done;
    w.rate = static_cast<double>(done) / static_cast<double>(judged);
    w.on_track = *w.rate >= static_cast<double>(t.review_needed) / t.review_window - 1e-9;
  }
  return w;
}

}  // namespace

WeekReview review_week(const Chain& chain, Day day, const CoachThresholds& t) {
  return review_days(chain, start_of_week(day, chain.week_start()), t);
}

bool is_review_day(const Chain& chain) {
  return chain.today() == chain.started() + date::days{6} && !chain.in_force().schedule.is_tracking();
}

WeekReview review_first_week(const Chain& chain, const CoachThresholds& t) {
  return review_days(chain, chain.started(), t);
}

}  // namespace microstep
