#include "core/judge/milestones.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

#include "core/judge/coach.hpp"
#include "core/base/wording.hpp"

namespace microstep {

namespace {

constexpr date::days kOneDay{1};

/// "sentences" for amounts, or "check-ins" when the goal names no unit.
std::string unit_of(const Goal& goal) { return goal.unit.empty() ? "check-ins" : goal.unit; }

/// Was the 7-day rule met on any day before `day`? (For "the first week at 5 of 7".)
bool on_track_before(const Chain& chain, Day day) {
  for (Day d = chain.started() + date::days{6}; d < day; d += kOneDay) {
    auto rate = completion_rate_between(chain, d - date::days{6}, d);
    if (rate && *rate >= 5.0 / 7.0 - 1e-9) return true;
  }
  return false;
}

/// The record this check-in beats, when it sets one: the longest streak before it, of at
/// least two, unless that streak is just this one a day shorter (each day of a growing run
/// is no new record). A late check-in that joins two runs makes more than a day's difference.
std::optional<long> record_beaten(const Chain& chain, Day day, const Chain& before) {
  std::optional<Streak> now;
  for (const Streak& s : all_streaks(chain))
    if (s.first && *s.first <= day && day <= *s.last) now = s;
  if (!now) return std::nullopt;
  const auto earlier = all_streaks(before);
  long record = 0;
  for (const Streak& s : earlier) record = std::max(record, s.length);
  if (record < 2 || now->length <= record) return std::nullopt;
  auto grown_by_one = [&](const Streak& s) {
    return *s.first >= *now->first && *s.last <= *now->last && s.length + 1 == now->length;
  };
  bool beats_another = std::any_of(earlier.begin(), earlier.end(),
                                   [&](const Streak& s) { return s.length == record && !grown_by_one(s); });
  if (!beats_another) return std::nullopt;
  return record;
}

}  // namespace

std::vector<std::string> milestones(const Chain& chain, const GoalStats& stats, Day day, const Chain& before) {
  std::vector<std::string> out;
  if (is_done(before.state(day))) return out;  // a second done of the day changes no count
  if (stats.done_days == 1) out.push_back("Your first check-in. Every chain starts with one link.");
  for (long n : {7L, 21L, 30L, 66L, 100L})
    if (stats.done_days == n)
      out.push_back(std::to_string(n) + " days done." +
                    (n == 66 ? " That is about how long a habit takes to become automatic." : ""));
  if (stats.on_track && *stats.on_track && day == chain.today() &&
      (chain.today() - chain.started()).count() >= 6 && !on_track_before(chain, chain.today()))
    out.push_back("Your first week at 5 of 7: on track.");
  if (auto record = record_beaten(chain, day, before))
    out.push_back("A new longest streak: " + count_with_unit(stats.longest.length, stats.streak_unit) +
                  ", past your earlier best of " + std::to_string(*record) + ".");
  // A comeback: the scheduled occurrence before this one was missed, after an earlier done
  // (a first check-in after missed days is a start, not a return).
  auto recent = recent_occurrences(chain, 2);
  if (stats.done_days > 1 && recent.size() == 2 && recent[0] == day && chain.state(recent[1]) == DayState::missed)
    out.push_back("Missing a day is human: you came back.");
  return out;
}

std::string honest_fact(const Chain& chain, const GoalStats& stats, long seed) {
  const Goal& goal = chain.goal();
  Day today = chain.today();
  std::vector<std::string> facts;

  // From the goal's start when it started this month: a done dated before the start is not
  // part of the goal (`check` reports such lines), as in every other statistic.
  double month_total = 0;
  for (Day d = std::max(start_of_month(today), chain.started()); d <= today; d += kOneDay)
    month_total += chain.marks().amount(d);
  if (month_total > 0) facts.push_back("That is " + amount_with_unit(month_total, unit_of(goal)) + " this month.");

  auto recent = recent_occurrences(chain, 7);
  if (recent.size() == 7) {
    long done = 0;
    for (Day d : recent) done += chain.state(d) == DayState::done;
    facts.push_back(std::to_string(done) + " of the last 7 scheduled days.");
  }

  // A projection is no fact: it says so, and is not offered as evidence of the feeling.
  std::optional<std::string> projection;
  long days = (today - chain.started()).count() + 1;
  if (days >= 7 && stats.rate_30 && stats.done_days > 0) {
    double per_day = stats.total_amount / static_cast<double>(days);
    double year = std::round(per_day * 365);
    if (year >= 1)
      projection = "At this rate, about " + amount_with_unit(year, unit_of(goal)) + " in a year (a projection, not a promise).";
  }
  if (facts.empty() && !projection)
    facts.push_back(count_with_unit(stats.done_days, "day") + " done since " + format_day(chain.started()) + ".");

  const long choices = static_cast<long>(facts.size()) + (projection ? 1 : 0);
  const size_t pick = static_cast<size_t>(((seed % choices) + choices) % choices);
  if (pick == facts.size()) return *projection;
  std::string fact = facts[pick];
  if (goal.feeling.empty()) return fact;
  // The feeling in the person's own words, quoted: "capable", "like someone who takes care
  // of myself" or "I am enough" all read right (seed 001: believable evidence of it).
  fact[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(fact[0])));
  return "Evidence for feeling \"" + goal.feeling + "\": " + fact;
}

}  // namespace microstep
