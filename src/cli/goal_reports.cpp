#include "cli/goal_reports.hpp"

#include "core/parallel.hpp"

namespace microstep::cli {

std::deque<GoalReport> load_reports(Context& context, const std::vector<std::string>& prefixes,
                                    const std::function<bool(const Goal&)>& keep, EventsOfDays* events,
                                    const CoachRules* rules) {
  const Journal& journal = context.journal();
  std::vector<Goal> goals;
  if (prefixes.empty()) {
    goals = journal.load_goals();
  } else {
    for (const auto& prefix : prefixes) goals.push_back(journal.load_goal(journal.resolve_id(prefix)));
  }
  if (keep) std::erase_if(goals, [&](const Goal& g) { return !keep(g); });
  LogDiagnostics diagnostics;
  auto marks = events ? journal.read_marks(goals, events->from, events->to, events->events, diagnostics)
                     : journal.read_marks(goals, diagnostics);
  context.report(diagnostics);

  std::deque<GoalReport> reports;
  Day today = context.clock().today;
  for (auto& goal : goals) {
    GoalReport& r = reports.emplace_back();
    r.marks = std::move(marks.at(goal.id));
    r.goal = std::move(goal);
  }
  parallel_for(reports.size(), [&](size_t i) {
    GoalReport& r = reports[i];
    r.chain = std::make_unique<Chain>(r.goal, r.marks, today, journal.settings().week_starts);
    r.stats = compute_stats(*r.chain, rules ? rules->thresholds : CoachThresholds{});
  });
  return reports;
}

bool is_active_today(const Goal& goal, Day today) {
  return goal.status == GoalStatus::active && goal.started <= today;
}

}  // namespace microstep::cli
