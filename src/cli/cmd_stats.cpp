// microstep stats [ID...]: streaks, rates, strength, totals and a suggestion per goal.
#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"
#include "core/report.hpp"

namespace microstep::cli {

namespace {

void run_stats(Context& context, const std::vector<std::string>& ids) {
  auto reports = load_reports(context, ids);
  CoachRules rules = load_rules(context.journal().root());
  JsonWriter json;
  json.begin_array();
  std::string text;
  for (const auto& r : reports) {
    Suggestion suggestion = suggest(*r.chain, r.stats, rules);
    auto rungs = rung_rates(*r.chain);
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
    context.print(text.empty() ? "No goals yet.\n" : text);
}

}  // namespace

void setup_stats(CLI::App& app, Context& context) {
  auto ids = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand("stats", "Streaks, completion rates, strength, totals, suggestion");
  cmd->add_option("ID", *ids, "Goal ids or unique prefixes (default: all goals)");
  cmd->callback([&context, ids] { run_stats(context, *ids); });
}

}  // namespace microstep::cli
