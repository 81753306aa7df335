#pragma once
/// The chain of one goal: what each day was (done, partial, missed, rest, open...) and, for
/// quota schedules, each week or month, judged once by the version of the goal in force on
/// that day (K in N days: by the windows that keep it; tracking: never asked). Streaks, rates, verdicts, reviews, calendars and `due` all read from here
/// (microstep-stats(7) defines every state).
#include <algorithm>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/model/checkins.hpp"
#include "core/model/goal.hpp"

namespace microstep {

enum class DayState : unsigned char {
  before_start,      ///< before the goal started (or after today)
  unscheduled,       ///< not asked for (or, K in N days, not judged yet), nothing counted
  done,              ///< asked for (or a quota day) and the minimum reached
  done_unscheduled,  ///< the minimum reached on a day the schedule did not ask for
  rest,              ///< skipped or paused, not done
  missed,            ///< asked for, nothing done, in the past (quota: in a period not met)
  open,              ///< today, asked for (quota: the period not met yet), nothing done yet
  partial,           ///< asked for, done below the minimum, in the past: counts as missed
  partial_open,      ///< today, done below the minimum so far: still open
};

/// The name of a state in JSON output: "done", "partial", "missed"... (partial_open is
/// "partial": its day is today).
std::string_view to_string(DayState state);

/// The minimum reached: a done day, asked for or not.
inline bool is_done(DayState s) { return s == DayState::done || s == DayState::done_unscheduled; }
/// Asked for and not done, in the past: a miss (nothing done, or less than the minimum).
inline bool is_miss(DayState s) { return s == DayState::missed || s == DayState::partial; }
/// Today, asked for and not done yet.
inline bool is_open(DayState s) { return s == DayState::open || s == DayState::partial_open; }
/// A day the schedule asked for that is judged: done or missed.
inline bool is_judged(DayState s) { return s == DayState::done || is_miss(s); }

/// The unit a schedule is judged in: each asked day, or each calendar week or month.
enum class ChainUnit : unsigned char { day, week, month };
ChainUnit unit_of(const Schedule& schedule);
/// "day", "week", "month".
std::string_view to_string(ChainUnit unit);

/// The days of one calendar week or month under a quota (N/week, N/month): the part of the
/// calendar period that lies in the goal's life and under a quota version of that kind.
struct Period {
  Day first, last;          ///< the period's days under the quota (last may lie after today)
  unsigned n = 0;           ///< the quota in force on its last day judged
  unsigned done = 0;        ///< distinct done days in it, to today
  unsigned needed = 0;      ///< n, capped by the period's days, minus its rest days
  bool current = false;     ///< holds today
  bool met() const { return needed > 0 ? done >= needed : done > 0; }
  /// Nothing was needed and nothing done: the period neither extends nor breaks a streak.
  bool resting() const { return needed == 0 && done == 0; }
  /// The done days that count: a period counts at most its quota (3, 2, 4 done -> 8 of 9).
  unsigned counted() const { return std::min(done, needed); }
};

/// One thing the schedule asked for: a day (day schedules) or a period (quotas).
struct Occasion {
  enum class Outcome : unsigned char { kept, broken, pending };
  Day first, last;  ///< the day, or the period's days from the start to today
  ChainUnit unit;
  Outcome outcome;  ///< pending: today, or the current period, not done yet
};

class Chain {
 public:
  Chain(const Goal& goal, const DayMarks& marks, Day today, unsigned week_start);

  const Goal& goal() const { return goal_; }
  const DayMarks& marks() const { return marks_; }
  Day today() const { return today_; }
  Day started() const { return goal_.started; }
  unsigned week_start() const { return week_start_; }
  /// The version of the goal in force today (a change with a later `from` is upcoming).
  const StepVersion& in_force() const { return version_on(today_); }
  /// The unit today's version is judged in: streaks and the 7-day rule count in it.
  ChainUnit unit() const { return unit_of(in_force().schedule); }
  /// The unit of the version in force on `day`.
  ChainUnit unit_on(Day day) const { return unit_of(version_on(day).schedule); }
  /// Is today's version a quota (N/week, N/month)?
  bool is_quota() const { return unit() != ChainUnit::day; }

  DayState state(Day day) const {
    if (day < goal_.started || day > today_) return DayState::before_start;
    return states_[static_cast<size_t>((day - goal_.started).count())];
  }
  /// The states of the days in [from, to] clamped to [started, today], in order (empty
  /// when nothing is left): for statistics that count states over many days.
  std::span<const DayState> states_between(Day from, Day to) const;
  /// The quota periods from the start to today, in order.
  const std::vector<Period>& periods() const { return periods_; }
  /// The quota period holding `day`, or nullptr when a day schedule was in force that day.
  const Period* period_of(Day day) const;
  /// The version of the goal in force on `day` (days before the first `from` get the first).
  const StepVersion& version_on(Day day) const;
  /// All versions, oldest first; the last one may still be upcoming.
  const std::vector<StepVersion>& versions() const { return versions_; }
  /// The occasions from the start to today, in order: each asked day of a day schedule and
  /// each period of a quota (rest days and resting periods are not occasions).
  const std::vector<Occasion>& occasions() const { return occasions_; }

  /// Calls f(version, first, last) for each version, oldest first, with the days from the
  /// start to today it was in force, when there are any. The first version also holds any
  /// day before its `from`, as in version_on().
  template <typename F>
  void for_each_version(F f) const {
    for (size_t v = 0; v < versions_.size(); ++v) {
      Day first = v == 0 ? goal_.started : std::max(versions_[v].from, goal_.started);
      Day last = v + 1 < versions_.size() ? std::min(versions_[v + 1].from - date::days{1}, today_) : today_;
      if (first <= last) f(versions_[v], first, last);
    }
  }

 private:
  const Goal& goal_;
  const DayMarks& marks_;
  Day today_;
  unsigned week_start_;
  std::vector<StepVersion> versions_;  ///< oldest first
  std::vector<Period> periods_;
  std::vector<Occasion> occasions_;
  /// The state of every day from started to today, judged once.
  std::vector<DayState> states_;
  void judge();
};

}  // namespace microstep
