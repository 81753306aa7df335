// microstep suggest [ID...]: make it smaller, ready to grow, or keep going, with the reason.
#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"
#include "core/render/report.hpp"

namespace microstep::cli {

namespace {

void run_suggest(Context& context, const std::vector<std::string>& ids) {
  Day today = context.clock().today;
  CoachRules rules = load_rules(context.journal().root());
  auto reports = load_reports(
      context, ids, [&](const Goal& g) { return !ids.empty() || is_active_today(g, today); }, nullptr, &rules);
  JsonWriter json;
  json.begin_array();
  std::string text;
  for (const auto& r : reports) {
    Suggestion s = suggest(*r.chain, r.stats, rules);
    if (context.options.json) {
      json.begin_object().field("id", r.goal.id).field("step", r.stats.in_force.step).key("verdict");
      write_verdict_json(json, r.stats.verdict);
      json.key("suggestion");
      write_suggestion_json(json, s);
      json.end_object();
    } else {
      text += r.goal.id + ": " + r.stats.in_force.step + "\n" + judgement_text(r.goal.id, r.stats.verdict, s);
    }
  }
  json.end_array();
  if (context.options.json)
    context.print_json(json);
  else
    context.print_wrapped(text.empty() ? "No active goals.\n" : text);
}

}  // namespace

void setup_suggest(CLI::App& app, Context& context) {
  auto ids = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand("suggest", "Make it smaller, ready to grow, or keep going");
  cmd->add_option("ID", *ids, "Goal ids or unique prefixes (default: all active goals)");
  cmd->callback([&context, ids] { run_suggest(context, *ids); });
}

}  // namespace microstep::cli
