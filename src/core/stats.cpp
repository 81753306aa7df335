#include "core/stats.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

namespace microstep {

namespace {

constexpr date::days kOneDay{1};

bool is_done(DayState s) { return s == DayState::done || s == DayState::done_unscheduled; }

/// Checks expected in one period of the schedule, and the period's length in days, on `day`.
struct Window {
  double expected;
  long length;
};
Window trailing_window(const Schedule& schedule, Day day) {
  switch (schedule.kind) {
    case Schedule::Kind::per_week:
      return {static_cast<double>(schedule.n), 7};
    case Schedule::Kind::per_month:
      return {static_cast<double>(schedule.n), static_cast<long>(days_in_month(day))};
    case Schedule::Kind::every_n:
      return {1.0, static_cast<long>(schedule.n)};
    case Schedule::Kind::days:
      return {static_cast<double>(std::popcount(schedule.weekday_mask)), 7};
  }
  return {1.0, 1};
}

/// trailing_window(schedule, day) for days that only move forward, worked out again only when
/// the month changes (the one thing it depends on besides the schedule): statistics ask it for
/// every day.
class TrailingWindows {
 public:
  explicit TrailingWindows(const Schedule& schedule) : schedule_(&schedule) {}
  const Schedule& schedule() const { return *schedule_; }
  Window on(Day day) {
    if (day > valid_until_) {
      window_ = trailing_window(*schedule_, day);
      valid_until_ = schedule_->kind == Schedule::Kind::per_month
                         ? start_of_month(day) + date::days{days_in_month(day) - 1}
                         : Day::max();
    }
    return window_;
  }

 private:
  const Schedule* schedule_;
  Window window_{};
  Day valid_until_ = Day::min();  ///< the last day window_ holds for
};

Streak quota_current_streak(const Chain& chain) {
  Streak s;
  const auto& periods = chain.periods();
  for (auto it = periods.rbegin(); it != periods.rend(); ++it) {
    if (it->met()) {
      ++s.length;
      if (!s.last) s.last = std::min(it->last, chain.today());
      s.first = std::max(it->first, chain.started());
    } else if (!it->current && !it->resting()) {
      break;
    }
  }
  return s;
}

Streak quota_longest_streak(const Chain& chain) {
  Streak best, run;
  for (const Period& p : chain.periods()) {
    if (p.met()) {
      if (run.length++ == 0) run.first = std::max(p.first, chain.started());
      run.last = std::min(p.last, chain.today());
      if (run.length > best.length) best = run;
    } else if (!p.current && !p.resting()) {
      run = {};
    }
  }
  return best;
}

}  // namespace

std::string_view to_string(StreakState state) {
  constexpr std::array<std::string_view, 4> names{"alive", "open", "broken", "none"};
  return names.at(static_cast<size_t>(state));
}

std::optional<double> completion_rate_between(const Chain& chain, Day from, Day to) {
  from = std::max(from, chain.started());
  to = std::min(to, chain.today());
  if (!chain.is_quota()) {
    // Every day counts whole, whatever the version: count the states.
    long done_days = 0, missed_days = 0;
    for (DayState s : chain.states_between(from, to)) {
      done_days += s == DayState::done;
      missed_days += s == DayState::missed;
    }
    if (done_days + missed_days == 0) return std::nullopt;
    return std::min(1.0, static_cast<double>(done_days) / static_cast<double>(done_days + missed_days));
  }
  // A quota chain: a day under a quota version counts a share of the period's checks; a day
  // under an older version of another kind counts whole, as above.
  double done = 0, expected = 0;
  std::optional<TrailingWindows> windows;  // of the version of the day before
  chain.for_each_day(from, to, [&](Day d, DayState s, const StepVersion& version) {
    const Schedule& schedule = version.schedule;
    if (schedule.is_quota()) {
      if (s == DayState::rest || s == DayState::open) return;
      if (is_done(s)) ++done;
      if (!windows || &windows->schedule() != &schedule) windows.emplace(schedule);
      Window w = windows->on(d);
      expected += w.expected / static_cast<double>(w.length);
    } else if (s == DayState::done) {
      ++done, ++expected;
    } else if (s == DayState::missed) {
      ++expected;
    }
  });
  if (expected <= 0) return std::nullopt;
  return std::min(1.0, done / expected);
}

std::optional<double> completion_rate(const Chain& chain, long window) {
  Day from = window > 0 ? chain.today() - date::days{window - 1} : chain.started();
  return completion_rate_between(chain, from, chain.today());
}

std::vector<RungRate> rung_rates(const Chain& chain) {
  std::vector<RungRate> rungs;
  const auto& versions = chain.versions();
  for (size_t i = 0; i < versions.size(); ++i) {
    Day first = std::max(versions[i].from, chain.started());
    Day last = i + 1 < versions.size() ? versions[i + 1].from - kOneDay : chain.today();
    rungs.push_back({versions[i], last, completion_rate_between(chain, first, last)});
  }
  return rungs;
}

Streak current_streak(const Chain& chain) {
  if (chain.is_quota()) return quota_current_streak(chain);
  Streak s;
  for (Day d = chain.today(); d >= chain.started(); d -= kOneDay) {
    DayState state = chain.state(d);
    if (state == DayState::missed) break;
    if (state != DayState::done) continue;
    ++s.length;
    if (!s.last) s.last = d;
    s.first = d;
  }
  return s;
}

Streak longest_streak(const Chain& chain) {
  if (chain.is_quota()) return quota_longest_streak(chain);
  Streak best, run;
  Day d = chain.started();
  for (DayState state : chain.states_between(chain.started(), chain.today())) {
    if (state == DayState::missed) {
      run = {};
    } else if (state == DayState::done) {
      if (run.length++ == 0) run.first = d;
      run.last = d;
      if (run.length > best.length) best = run;
    }
    d += kOneDay;
  }
  return best;
}

double habit_strength(const Chain& chain) {
  if (chain.today() < chain.started()) return 0;
  // Done days so far, as prefix sums, so each trailing window is counted in O(1). A version
  // that asks for every day judges each day alone and needs none.
  const auto& versions = chain.versions();
  bool windows = std::any_of(versions.begin(), versions.end(),
                             [](const StepVersion& v) { return !v.schedule.asks_every_day(); });
  std::vector<long> done_before;
  if (windows) {
    done_before.reserve(static_cast<size_t>((chain.today() - chain.started()).count()) + 2);
    done_before.push_back(0);
    for (DayState s : chain.states_between(chain.started(), chain.today()))
      done_before.push_back(done_before.back() + (is_done(s) ? 1 : 0));
  }

  double score = 0;
  chain.for_each_version([&](const StepVersion& version, Day first, Day last) {
    const Schedule& schedule = version.schedule;
    const double m = std::pow(0.5, std::sqrt(schedule.checks_per_day()) / 13.0);
    const bool every_day = schedule.asks_every_day();
    TrailingWindows windows(schedule);
    const auto states = chain.states_between(first, last);
    const long offset = (first - chain.started()).count();  // of states[0] in done_before
    for (size_t k = 0; k < states.size(); ++k) {
      const DayState state = states[k];
      const bool done = is_done(state);
      const Day d = first + date::days{static_cast<long>(k)};
      if (!done && (state == DayState::rest || d == chain.today())) continue;
      double c;
      if (every_day) {
        c = done ? 1 : 0;
      } else {
        long i = offset + static_cast<long>(k);
        Window w = windows.on(d);
        long from = std::max(0L, i + 1 - w.length);
        c = std::min(1.0, static_cast<double>(done_before[i + 1] - done_before[from]) / w.expected);
      }
      score = score * m + c * (1 - m);
    }
  });
  return score;
}

GoalStats compute_stats(const Chain& chain) {
  GoalStats st;
  st.streak_unit = std::string(streak_unit(chain.goal().schedule));
  st.current = current_streak(chain);
  st.longest = longest_streak(chain);
  st.rate_7 = completion_rate(chain, 7);
  st.rate_30 = completion_rate(chain, 30);
  st.rate_90 = completion_rate(chain, 90);
  st.rate_all = completion_rate(chain, 0);
  st.strength = habit_strength(chain);
  if (st.rate_7) st.on_track = *st.rate_7 >= 5.0 / 7.0 - 1e-9;

  // The done days from the start to today: the chain's states say which (done, or done
  // though not asked for).
  const auto states = chain.states_between(chain.started(), chain.today());
  st.done_days = std::count_if(states.begin(), states.end(), is_done);
  if (st.done_days > 0) {
    auto first = std::find_if(states.begin(), states.end(), is_done);
    auto last = std::find_if(states.rbegin(), states.rend(), is_done);
    st.first_done = chain.started() + date::days{first - states.begin()};
    st.last_done = chain.started() + date::days{states.rend() - last - 1};
  }
  st.total_amount = chain.marks().total_amount(chain.started(), chain.today());
  if (st.last_done) st.days_since_last_done = (chain.today() - *st.last_done).count();

  // Where the chain stands today.
  DayState today = chain.state(chain.today());
  if (chain.is_quota()) {
    const auto& periods = chain.periods();
    bool met_now = !periods.empty() && periods.back().met();
    if (met_now) {
      st.state = StreakState::alive;
    } else if (st.current.length > 0) {
      st.state = StreakState::open;
    } else {
      for (auto it = periods.rbegin(); it != periods.rend(); ++it) {
        if (it->current || it->resting()) continue;
        st.state = StreakState::broken;
        st.broken_days_ago = (chain.today() - it->last).count();
        break;
      }
      if (st.state == StreakState::none && !periods.empty()) st.state = StreakState::open;
    }
  } else if (st.current.length > 0) {
    st.state = today == DayState::open ? StreakState::open : StreakState::alive;
  } else {
    for (Day d = chain.today(); d >= chain.started(); d -= kOneDay) {
      if (chain.state(d) != DayState::missed) continue;
      st.state = StreakState::broken;
      st.broken_days_ago = (chain.today() - d).count();
      break;
    }
    if (st.state == StreakState::none && today == DayState::open) st.state = StreakState::open;
  }
  return st;
}

}  // namespace microstep
