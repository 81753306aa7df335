#include "core/judge/big_goal.hpp"

#include <algorithm>
#include <map>

namespace microstep {

std::vector<BigGoal> group_by_goal(const std::vector<const Goal*>& goals) {
  std::vector<BigGoal> groups;
  std::map<std::string, size_t> index;
  BigGoal loose;
  for (size_t i = 0; i < goals.size(); ++i) {
    const std::string& text = goals[i]->goal;
    if (text.empty()) {
      loose.members.push_back(i);
      continue;
    }
    auto [it, added] = index.emplace(text, groups.size());
    if (added) groups.push_back({text, {}});
    groups[it->second].members.push_back(i);
  }
  if (!loose.members.empty()) groups.push_back(std::move(loose));
  return groups;
}

namespace {

/// What the steps made of one day: moved (a step done), asked (a step done or asked for and
/// judged), or neither (every step resting, unscheduled, or open today).
enum class BigDay { moved, asked, neither };

BigDay judge_day(const std::vector<const Chain*>& steps, Day day) {
  bool asked = false;
  for (const Chain* c : steps) {
    DayState s = c->state(day);
    if (is_done(s)) return BigDay::moved;
    asked = asked || is_miss(s);
  }
  return asked ? BigDay::asked : BigDay::neither;
}

}  // namespace

BigGoalStats judge_big_goal(const std::vector<const Chain*>& steps) {
  BigGoalStats st;
  if (steps.empty()) return st;
  const Day today = steps.front()->today();
  Day first = today;
  for (const Chain* c : steps) first = std::min(first, c->started());
  if (first > today) return st;
  long moved_7 = 0, asked_7 = 0, moved_30 = 0, asked_30 = 0;
  bool run_open = true;
  for (Day d = today; d >= first; d -= date::days{1}) {
    const long ago = (today - d).count();
    const BigDay b = judge_day(steps, d);
    if (b == BigDay::moved) ++st.moved_days;
    if (b != BigDay::neither) {
      if (ago < 7) ++asked_7, moved_7 += b == BigDay::moved;
      if (ago < 30) ++asked_30, moved_30 += b == BigDay::moved;
    }
    // The run: moved days back from today; a day that asked nothing is passed over, and so
    // is today while nothing is done yet.
    if (run_open) {
      if (b == BigDay::moved) ++st.current_run;
      else if (b == BigDay::asked) run_open = false;
    }
  }
  st.moved_today = judge_day(steps, today) == BigDay::moved;
  if (asked_7 > 0) st.rate_7 = static_cast<double>(moved_7) / static_cast<double>(asked_7);
  if (asked_30 > 0) st.rate_30 = static_cast<double>(moved_30) / static_cast<double>(asked_30);
  return st;
}

}  // namespace microstep
