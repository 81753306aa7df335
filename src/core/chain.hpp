#pragma once
/// The chain of one goal: what each day was (done, rest, missed, open...), judged by the
/// version of the goal in force on that day. Streaks, rates and calendars read from here.
#include <algorithm>
#include <span>
#include <vector>

#include "core/checkins.hpp"
#include "core/goal.hpp"

namespace microstep {

enum class DayState : unsigned char {
  before_start,      ///< before the goal started (or after today)
  unscheduled,       ///< not a scheduled day, nothing done
  done,              ///< a scheduled day (or a quota day) with a check-in
  done_unscheduled,  ///< a check-in on a day the schedule did not ask for
  rest,              ///< skipped or paused, not done
  missed,            ///< scheduled, not done, in the past (quota: in a period that was not met)
  open,              ///< today, scheduled (or quota period not met), not done yet
};

/// One calendar period of a quota schedule (N/week, N/month).
struct Period {
  Day first, last;     ///< the whole calendar period
  unsigned done = 0;   ///< distinct done days in it (from the start to today)
  unsigned needed = 0; ///< N minus rest days, capped by the days available after the start
  bool current = false;
  bool met() const { return needed > 0 ? done >= needed : done > 0; }
  /// Nothing was needed and nothing done: the period neither extends nor breaks a streak.
  bool resting() const { return needed == 0 && done == 0; }
};

class Chain {
 public:
  Chain(const Goal& goal, const DayMarks& marks, Day today, unsigned week_start);

  const Goal& goal() const { return goal_; }
  const DayMarks& marks() const { return marks_; }
  Day today() const { return today_; }
  Day started() const { return goal_.started; }
  unsigned week_start() const { return week_start_; }
  /// Quota goals are judged by calendar periods; the current version decides.
  bool is_quota() const { return goal_.schedule.is_quota(); }

  DayState state(Day day) const {
    if (day < goal_.started || day > today_) return DayState::before_start;
    return states_[static_cast<size_t>((day - goal_.started).count())];
  }
  /// The states of the days in [from, to] clamped to [started, today], in order (empty
  /// when nothing is left): for statistics that count states over many days.
  std::span<const DayState> states_between(Day from, Day to) const;
  /// Is `day` a day the schedule asked for? (Quota: any day from the start to today.)
  bool scheduled(Day day) const;
  /// The quota periods from the one holding `started` to the one holding today.
  const std::vector<Period>& periods() const { return periods_; }
  /// The version of the goal in force on `day`.
  const StepVersion& version_on(Day day) const;
  /// All versions, oldest first; the last one is current.
  const std::vector<StepVersion>& versions() const { return versions_; }
  /// Calls f(version, first, last) for each version, oldest first, with the days from the
  /// start to today it was in force, when there are any: what a statistic that works a
  /// version at a time needs. The first version also holds any day before its `from`, as in
  /// version_on().
  template <typename F>
  void for_each_version(F f) const {
    for (size_t v = 0; v < versions_.size(); ++v) {
      Day first = v == 0 ? goal_.started : std::max(versions_[v].from, goal_.started);
      Day last = v + 1 < versions_.size() ? std::min(versions_[v + 1].from - date::days{1}, today_) : today_;
      if (first <= last) f(versions_[v], first, last);
    }
  }
  /// Calls f(day, state, version in force) for each day in [from, to] in order: what a
  /// statistic that walks the days needs, without a version_on() search per day.
  template <typename F>
  void for_each_day(Day from, Day to, F f) const {
    size_t v = 0;
    for (Day day = from; day <= to; day += date::days{1}) {
      while (v + 1 < versions_.size() && versions_[v + 1].from <= day) ++v;
      f(day, state(day), versions_[v]);
    }
  }

 private:
  const Goal& goal_;
  const DayMarks& marks_;
  Day today_;
  unsigned week_start_;
  std::vector<StepVersion> versions_;  ///< oldest first; versions_.back() is current
  std::vector<Period> periods_;
  /// The state of every day from started to today, judged once: streaks, rates and
  /// calendars ask for the same days many times.
  std::vector<DayState> states_;
  Period period_of(Day day) const;
  void find_periods();
  void judge_days();
};

}  // namespace microstep
