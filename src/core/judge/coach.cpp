#include "core/judge/coach.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "core/model/event.hpp"
#include "core/base/wording.hpp"

namespace microstep {

namespace {

constexpr date::days kOneDay{1};

std::string weekday_list(const std::vector<unsigned>& days) {
  std::string out;
  for (size_t i = 0; i < days.size(); ++i) {
    if (i > 0) out += i + 1 == days.size() ? " and " : ", ";
    std::string name(weekday_long_name(days[i]));
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    out += name;
  }
  return out;
}

}  // namespace

std::string_view to_string(SuggestionKind kind) {
  constexpr std::array<std::string_view, 5> names{"smaller", "change-anchor", "grow", "keep", "none"};
  return names.at(static_cast<size_t>(kind));
}

std::vector<Day> recent_occurrences(const Chain& chain, int count) {
  std::vector<Day> days;
  const auto& occasions = chain.occasions();
  for (auto it = occasions.rbegin(); it != occasions.rend() && static_cast<int>(days.size()) < count; ++it)
    if (it->unit == ChainUnit::day && it->outcome != Occasion::Outcome::pending) days.push_back(it->last);
  return days;
}

std::vector<unsigned> clustered_miss_weekdays(const Chain& chain) {
  std::array<int, 7> missed{}, asked{};
  int total = 0;
  for (Day d = chain.today() - date::days{27}; d <= chain.today(); d += kOneDay) {
    DayState s = chain.state(d);
    if (!is_judged(s) || chain.period_of(d)) continue;  // quota days are judged by their period
    unsigned w = iso_weekday_index(d);
    ++asked[w];
    if (is_miss(s)) ++missed[w], ++total;
  }
  if (total < 3) return {};
  // Misses cluster when at most two weekdays hold three quarters of them, and on each of
  // those weekdays the step was missed more often than not.
  std::array<unsigned, 7> order{0, 1, 2, 3, 4, 5, 6};
  std::stable_sort(order.begin(), order.end(), [&](unsigned a, unsigned b) { return missed[a] > missed[b]; });
  std::vector<unsigned> days;
  int covered = 0;
  for (unsigned w : order) {
    if (missed[w] == 0 || days.size() == 2) break;
    if (missed[w] * 2 <= asked[w]) continue;
    days.push_back(w);
    covered += missed[w];
  }
  if (days.empty() || covered * 4 < total * 3) return {};
  std::sort(days.begin(), days.end());
  return days;
}

std::optional<std::string> not_coached(const Chain& chain) {
  switch (chain.goal().status) {
    case GoalStatus::paused: return "paused";
    case GoalStatus::done: return "done";
    case GoalStatus::archived: return "archived";
    case GoalStatus::active: break;
  }
  if (chain.marks().paused(chain.today())) return "paused";
  if (chain.in_force().schedule.is_tracking()) return "tracking only";
  return std::nullopt;
}

std::optional<std::string> still_mastering(const Chain& chain, const GoalStats& stats, const CoachThresholds& t) {
  if (stats.tracking) return std::nullopt;  // nothing asked, nothing to master
  long age = (chain.today() - chain.started()).count() + 1;
  if (age < t.grow_after_days) return chain.goal().id + " is " + count_with_unit(age, "day") + " old";
  if (!stats.rate_30 || *stats.rate_30 < t.grow_min_rate - 1e-9)
    return chain.goal().id + " is at " + percent(stats.rate_30) + " over 30 days";
  return std::nullopt;
}

Suggestion suggest(const Chain& chain, const GoalStats& stats, const CoachRules& rules) {
  const CoachThresholds& t = rules.thresholds;
  const StepVersion& version = chain.in_force();
  const Verdict& verdict = stats.verdict;
  Suggestion s;
  auto smaller = [&](std::string rule, std::string reason) {
    ShrunkStep shrunk = shrink_step(version.step, rules);
    s.kind = SuggestionKind::smaller;
    s.rule = std::move(rule);
    s.reason = std::move(reason);
    if (shrunk.found()) s.step = shrunk.step;
    s.shrink_rule = shrunk.rule + ": " + shrunk.why;
    s.shrink_why = shrunk.why;
    return s;
  };
  // A goal at rest is not coached: a pause is not a step too big (seed 003: missing a day
  // means you're human), and a goal done or archived has no next step.
  if (auto rest = not_coached(chain)) {
    s.kind = SuggestionKind::none;
    s.rule = *rest;
    s.reason = *rest == "paused"          ? "no suggestion while the goal is paused"
               : *rest == "tracking only" ? "no suggestion for a goal tracked only: it is counted, never scored"
                                          : "no suggestion for a goal that is " + *rest;
    return s;
  }
  const std::string unit = verdict.unit == ChainUnit::day ? "scheduled day" : std::string(to_string(verdict.unit));

  // Nothing done in the first occasions: the step never got going.
  {
    int judged = 0;
    bool none_done = true;
    for (const Occasion& o : chain.occasions()) {
      if (judged == t.first_days) break;
      if (o.outcome == Occasion::Outcome::pending) continue;
      ++judged;
      none_done = none_done && o.outcome == Occasion::Outcome::broken;
    }
    if (judged == t.first_days && none_done && stats.done_days == 0)
      return smaller("first days", "no check-in in the first " + count_with_unit(t.first_days, unit) +
                                       ": the step is still too big to start");
  }
  // Misses that cluster on some weekdays point at the anchor, not at the step.
  if (auto days = clustered_miss_weekdays(chain); !days.empty() && !version.after.empty()) {
    s.kind = SuggestionKind::change_anchor;
    s.rule = "anchor";
    s.reason = "the misses cluster on " + weekday_list(days) + ": '" + version.after +
               "' may not happen on those days; stack the step on a habit that does";
    return s;
  }
  if (verdict.unit == ChainUnit::day && t.missed_in_a_row >= 1) {
    // The step in force only: a step just made smaller does not answer for the old one.
    const Day since = std::max(version.from, chain.started());
    auto recent = recent_occurrences(chain, std::max(t.review_window, t.missed_in_a_row));
    int in_a_row = 0;
    while (in_a_row < static_cast<int>(recent.size()) && recent[in_a_row] >= since &&
           is_miss(chain.state(recent[in_a_row])))
      ++in_a_row;
    if (in_a_row >= t.missed_in_a_row && in_a_row >= 2)
      return smaller("missed in a row", "the last " + std::to_string(in_a_row) + " scheduled days were missed in a row");
  }
  if (verdict.on_track && !*verdict.on_track)
    return smaller("7-day rule", verdict_numbers(verdict) + "; " + std::to_string(verdict.needed) + " is on track");

  std::string numbers;
  if (ready_to_grow(chain, t, numbers)) {
    s = growth_proposal(version, t);
    s.reason = numbers + ": ready to grow (the 30-day rule); " + s.reason;
    // Logged amounts above the minimum on most recent done days: the person already does more.
    double minimum = version.minimum.value_or(1);
    int above = 0, done_days = 0;
    for (Day d = chain.today() - date::days{29}; d <= chain.today(); d += kOneDay) {
      if (!is_done(chain.state(d))) continue;
      ++done_days;
      if (chain.marks().amount(d) > minimum) ++above;
    }
    if (done_days > 0 && above * 2 > done_days) {
      s.already_doing_more = true;
      s.reason += "; you are already doing the optional plus: " + std::to_string(above) + " of your last " +
                  count_with_unit(done_days, "done day") + " were above the minimum";
    }
    return s;
  }
  s.kind = SuggestionKind::keep;
  s.rule = "keep going";
  s.reason = numbers;
  return s;
}

}  // namespace microstep
