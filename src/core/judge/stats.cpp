#include "core/judge/stats.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

namespace microstep {

namespace {

constexpr date::days kOneDay{1};


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
    case Schedule::Kind::rolling:
      return {static_cast<double>(schedule.k), static_cast<long>(schedule.n)};
    case Schedule::Kind::tracking:
      break;  // nothing expected: never scored
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

}  // namespace

std::string_view to_string(StreakState state) {
  constexpr std::array<std::string_view, 4> names{"alive", "open", "broken", "none"};
  return names.at(static_cast<size_t>(state));
}

std::optional<double> completion_rate_between(const Chain& chain, Day from, Day to) {
  from = std::max(from, chain.started());
  to = std::min(to, chain.today());
  if (from > to) return std::nullopt;
  // Days under a day schedule count whole: done of judged (done or missed).
  double done = 0, asked = 0;
  chain.for_each_version([&](const StepVersion& version, Day first, Day last) {
    if (version.schedule.is_quota()) return;
    for (DayState s : chain.states_between(std::max(first, from), std::min(last, to))) {
      done += s == DayState::done;
      asked += is_judged(s);
    }
  });
  // A period counts its quota, each done day up to it, weighted by the share of its days in
  // the window; the current one only once met (until then it is open, like today).
  for (const Period& p : chain.periods()) {
    if (p.last < from || p.first > to || p.needed == 0 || (p.current && !p.met())) continue;
    double inside = static_cast<double>((std::min(p.last, to) - std::max(p.first, from)).count() + 1);
    double weight = inside / static_cast<double>((p.last - p.first).count() + 1);
    done += weight * p.counted();
    asked += weight * p.needed;
  }
  if (asked <= 0) return std::nullopt;
  return std::min(1.0, done / asked);
}

std::optional<double> completion_rate(const Chain& chain, long window) {
  Day from = window > 0 ? chain.today() - date::days{window - 1} : chain.started();
  return completion_rate_between(chain, from, chain.today());
}

std::vector<RungRate> rung_rates(const Chain& chain) {
  std::vector<RungRate> rungs;
  const auto& versions = chain.versions();
  for (size_t i = 0; i < versions.size(); ++i) {
    Day first = i == 0 ? chain.started() : std::max(versions[i].from, chain.started());
    Day last = std::min(i + 1 < versions.size() ? versions[i + 1].from - kOneDay : chain.today(), chain.today());
    if (first > last) continue;  // upcoming, or replaced before it took effect
    rungs.push_back({versions[i], last, completion_rate_between(chain, first, last)});
  }
  return rungs;
}

std::vector<Streak> all_streaks(const Chain& chain) {
  const ChainUnit unit = chain.unit();
  std::vector<Streak> all;
  Streak run;
  for (const Occasion& o : chain.occasions()) {
    if (o.outcome == Occasion::Outcome::broken) {
      if (run.length > 0) all.push_back(run);
      run = {};
    } else if (o.outcome == Occasion::Outcome::kept && o.unit == unit) {
      if (run.length++ == 0) run.first = o.first;
      run.last = o.last;
    }
  }
  if (run.length > 0) all.push_back(run);
  return all;
}

Streak current_streak(const Chain& chain) {
  // Walked back from today to the last broken occasion: a prompt pays for the streak alone,
  // not for the chain's whole history.
  const ChainUnit unit = chain.unit();
  const auto& occasions = chain.occasions();
  Streak current;
  for (auto o = occasions.rbegin(); o != occasions.rend() && o->outcome != Occasion::Outcome::broken; ++o) {
    if (o->outcome != Occasion::Outcome::kept || o->unit != unit) continue;
    if (current.length++ == 0) current.last = o->last;
    current.first = o->first;
  }
  return current;
}

Streak longest_streak(const Chain& chain) {
  Streak best;  // the earliest of equally long ones
  for (const Streak& r : all_streaks(chain))
    if (r.length > best.length) best = r;
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
    if (schedule.is_tracking()) return;  // days tracked only leave the score as it was
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

GoalStanding judge_standing(const Chain& chain) {
  GoalStanding st;
  st.in_force = chain.in_force();
  st.upcoming = chain.goal().upcoming(chain.today());
  st.streak_unit = std::string(to_string(chain.unit()));
  st.tracking = st.in_force.schedule.is_tracking();
  // The done days from the start to today: the minimum reached, asked for or not.
  const auto states = chain.states_between(chain.started(), chain.today());
  st.done_days = std::count_if(states.begin(), states.end(), is_done);
  if (st.tracking) return st;  // a goal tracked only has no chain

  st.current = current_streak(chain);

  // Where the chain stands today: today's occasion (a day, or the current period) if it has
  // one, else the last one judged.
  const Occasion* last_judged = nullptr;
  const Occasion* today = nullptr;
  for (const Occasion& o : chain.occasions()) {
    if (o.last == chain.today()) today = &o;
    else if (o.outcome != Occasion::Outcome::pending) last_judged = &o;
  }
  if (today && today->outcome == Occasion::Outcome::kept) {
    st.state = StreakState::alive;
  } else if (last_judged && last_judged->outcome == Occasion::Outcome::broken) {
    st.state = StreakState::broken;
    st.broken_days_ago = (chain.today() - last_judged->last).count();
  } else if (today) {
    st.state = StreakState::open;
  } else if (last_judged) {
    st.state = StreakState::alive;
  }
  return st;
}

GoalStats compute_stats(const Chain& chain, const CoachThresholds& thresholds) {
  GoalStats st;
  static_cast<GoalStanding&>(st) = judge_standing(chain);
  st.verdict = seven_day_rule(chain, thresholds);
  st.on_track = st.verdict.on_track;
  if (!st.tracking) {
    st.longest = longest_streak(chain);
    st.rate_7 = completion_rate(chain, 7);
    st.rate_30 = completion_rate(chain, 30);
    st.rate_90 = completion_rate(chain, 90);
    st.rate_all = completion_rate(chain, 0);
    st.strength = habit_strength(chain);
  }
  if (st.done_days > 0) {
    const auto states = chain.states_between(chain.started(), chain.today());
    auto first = std::find_if(states.begin(), states.end(), is_done);
    auto last = std::find_if(states.rbegin(), states.rend(), is_done);
    st.first_done = chain.started() + date::days{first - states.begin()};
    st.last_done = chain.started() + date::days{states.rend() - last - 1};
  }
  st.total_amount = chain.marks().total_amount(chain.started(), chain.today());
  if (st.last_done) st.days_since_last_done = (chain.today() - *st.last_done).count();
  return st;
}

}  // namespace microstep
