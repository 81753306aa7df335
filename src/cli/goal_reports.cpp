#include "cli/goal_reports.hpp"

#include "core/base/parallel.hpp"

namespace microstep::cli {

namespace {

/// The goals named by `prefixes` (all when empty) that pass `keep`, their days read in one
/// pass over the log, and each judged on today by `judge(report)` on every core.
template <class Report>
std::deque<Report> judge_goals(Context& context, const std::vector<std::string>& prefixes,
                               const std::function<bool(const Goal&)>& keep, EventsOfDays* events,
                               std::map<Day, int>* moods, const std::function<void(Report&)>& judge) {
  const Journal& journal = context.journal();
  std::vector<Goal> goals;
  if (prefixes.empty()) {
    goals = journal.load_goals();
  } else {
    for (const auto& prefix : prefixes) goals.push_back(journal.load_goal(journal.resolve_id(prefix)));
  }
  if (keep) std::erase_if(goals, [&](const Goal& g) { return !keep(g); });
  LogDiagnostics diagnostics;
  auto marks = events ? journal.read_marks(goals, events->from, events->to, events->events, diagnostics, moods)
                     : journal.read_marks(goals, diagnostics, moods);
  context.report(diagnostics);

  std::deque<Report> reports;
  Day today = context.clock().today;
  for (auto& goal : goals) {
    Report& r = reports.emplace_back();
    r.marks = std::move(marks.at(goal.id));
    r.goal = std::move(goal);
  }
  parallel_for(reports.size(), [&](size_t i) {
    Report& r = reports[i];
    r.chain = std::make_unique<Chain>(r.goal, r.marks, today, journal.settings().week_starts);
    judge(r);
  });
  return reports;
}

}  // namespace

std::deque<GoalReport> load_reports(Context& context, const std::vector<std::string>& prefixes,
                                    const std::function<bool(const Goal&)>& keep, EventsOfDays* events,
                                    const CoachRules* rules, std::map<Day, int>* moods) {
  const CoachThresholds thresholds = rules ? rules->thresholds : CoachThresholds{};
  return judge_goals<GoalReport>(context, prefixes, keep, events, moods,
                                 [&](GoalReport& r) { r.stats = compute_stats(*r.chain, thresholds); });
}

std::deque<GoalStandingReport> load_standings(Context& context, const std::function<bool(const Goal&)>& keep) {
  return judge_goals<GoalStandingReport>(context, {}, keep, nullptr, nullptr,
                                         [](GoalStandingReport& r) { r.standing = judge_standing(*r.chain); });
}

std::optional<MoodComparison> mood_comparison(const std::deque<GoalReport>& reports, const std::map<Day, int>& moods,
                                              const CoachRules& rules, const GoalReport* one) {
  if (reports.empty()) return std::nullopt;
  const Day today = reports.front().chain->today();
  auto step_done = [&](Day day) {
    if (one) return is_done(one->chain->state(day));
    return std::any_of(reports.begin(), reports.end(), [&](const GoalReport& r) { return is_done(r.chain->state(day)); });
  };
  return compare_moods(moods, today, step_done, rules.thresholds);
}

std::vector<ReportGroup> group_goals(const std::vector<const JudgedGoal*>& judged) {
  std::vector<const Goal*> goals;
  for (const JudgedGoal* j : judged) goals.push_back(&j->goal);
  std::vector<ReportGroup> groups;
  for (const BigGoal& big : group_by_goal(goals)) {
    ReportGroup& g = groups.emplace_back();
    g.text = big.text;
    std::vector<const Chain*> chains;
    g.members = big.members;
    for (size_t i : big.members) chains.push_back(judged[i]->chain.get());
    if (!g.text.empty()) g.stats = judge_big_goal(chains);
  }
  return groups;
}

bool is_active_today(const Goal& goal, Day today) {
  return goal.status == GoalStatus::active && goal.started <= today;
}

}  // namespace microstep::cli
