// microstep stats [ID...]: streaks, rates, strength, totals and a suggestion per goal.
#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"
#include "core/parallel.hpp"
#include "core/report.hpp"

namespace microstep::cli {

namespace {

void run_stats(Context& context, const std::vector<std::string>& ids, bool all) {
  CoachRules rules = load_rules(context.journal().root());
  // Archived goals are put away: shown when named, or with --all.
  auto reports = load_reports(
      context, ids, [&](const Goal& g) { return all || !ids.empty() || g.status != GoalStatus::archived; }, nullptr,
      &rules);
  // Each goal's suggestion and rungs walk its whole history: one goal per core.
  std::vector<Suggestion> suggestions(reports.size());
  std::vector<std::vector<RungRate>> rung_lists(reports.size());
  parallel_for(reports.size(), [&](size_t i) {
    suggestions[i] = suggest(*reports[i].chain, reports[i].stats, rules);
    rung_lists[i] = rung_rates(*reports[i].chain);
  });
  JsonWriter json;
  json.begin_array();
  std::string text;
  for (size_t i = 0; i < reports.size(); ++i) {
    const GoalReport& r = reports[i];
    const Suggestion& suggestion = suggestions[i];
    const auto& rungs = rung_lists[i];
    if (context.options.json) {
      write_stats_json(json, r.goal, r.stats);
      json.key("rungs");
      write_rungs_json(json, rungs);
      json.key("suggestion");
      write_suggestion_json(json, suggestion);
      json.end_object();
    } else {
      if (!text.empty()) text += "\n";
      text += stats_text(r.goal, r.stats, rungs, suggestion);
    }
  }
  json.end_array();
  if (context.options.json)
    context.print_json(json);
  else
    context.print_wrapped(text.empty() ? "No goals yet.\n" : text);
}

}  // namespace

void setup_stats(CLI::App& app, Context& context) {
  auto ids = std::make_shared<std::vector<std::string>>();
  auto all = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("stats", "Streaks, completion rates, strength, totals, suggestion");
  cmd->add_option("ID", *ids, "Goal ids or unique prefixes (default: all goals but archived ones)");
  cmd->add_flag("--all", *all, "Archived goals too");
  cmd->callback([&context, ids, all] { run_stats(context, *ids, *all); });
}

}  // namespace microstep::cli
