// microstep stats [ID...]: streaks, rates, strength, totals and a suggestion per goal.
#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"
#include "core/base/parallel.hpp"
#include "core/render/report.hpp"

namespace microstep::cli {

namespace {

struct StatsOptions {
  std::vector<std::string> ids;
  bool all = false;
  bool by_goal = false;
};

void run_stats(Context& context, const StatsOptions& o) {
  const auto& ids = o.ids;
  CoachRules rules = load_rules(context.journal().root());
  std::map<Day, int> moods;
  // Archived goals are put away: shown when named, or with --all.
  auto reports = load_reports(
      context, ids, [&](const Goal& g) { return o.all || !ids.empty() || g.status != GoalStatus::archived; }, nullptr,
      &rules, &moods);
  // Each goal's suggestion and rungs walk its whole history: one goal per core.
  std::vector<Suggestion> suggestions(reports.size());
  std::vector<std::vector<RungRate>> rung_lists(reports.size());
  parallel_for(reports.size(), [&](size_t i) {
    suggestions[i] = suggest(*reports[i].chain, reports[i].stats, rules);
    rung_lists[i] = rung_rates(*reports[i].chain);
  });
  JsonWriter json;
  std::string text;
  auto one_goal = [&](size_t i) {
    const GoalReport& r = reports[i];
    const auto mood = mood_comparison(reports, moods, rules, &r);
    if (context.options.json) {
      write_stats_json(json, r.goal, r.stats);
      json.key("rungs");
      write_rungs_json(json, rung_lists[i]);
      json.key("suggestion");
      write_suggestion_json(json, suggestions[i]);
      json.key("mood");
      write_mood_json(json, mood);
      json.end_object();
      return std::string();
    }
    return stats_text(r.goal, r.stats, rung_lists[i], suggestions[i]) + (mood ? "  " + mood_text(*mood, "this step") + "\n" : "");
  };
  json.begin_array();
  if (!o.by_goal) {
    for (size_t i = 0; i < reports.size(); ++i) {
      std::string block = one_goal(i);
      if (!text.empty() && !block.empty()) text += "\n";
      text += block;
    }
  } else {
    for (const ReportGroup& group : group_reports(reports)) {
      if (context.options.json) {
        json.begin_object().text_field("goal", group.text).key("big_goal");
        write_big_goal_json(json, group.text, group.stats);
        json.key("steps").begin_array();
      } else {
        if (!text.empty()) text += "\n";
        text += big_goal_line(group.text, group.stats) + "\n";
      }
      for (size_t g = 0; g < group.members.size(); ++g) {
        std::string block = one_goal(group.members[g]);
        if (g > 0 && !block.empty()) text += "\n";
        text += indented(block, 2);
      }
      if (context.options.json) json.end_array().end_object();
    }
  }
  json.end_array();
  // Over every goal: moods on days with any step done, and on other days.
  if (ids.empty() && reports.size() > 1)
    if (auto mood = mood_comparison(reports, moods, rules)) text += "\n" + mood_text(*mood, "a step") + "\n";
  if (context.options.json)
    context.print_json(json);
  else
    context.print_wrapped(text.empty() ? "No goals yet.\n" : text);
}

}  // namespace

void setup_stats(CLI::App& app, Context& context) {
  auto o = std::make_shared<StatsOptions>();
  auto* cmd = app.add_subcommand("stats", "Streaks, completion rates, strength, totals, suggestion");
  cmd->add_option("ID", o->ids, "Goal ids or unique prefixes (default: all goals but archived ones)");
  cmd->add_flag("--all", o->all, "Archived goals too");
  cmd->add_flag("--by-goal", o->by_goal, "Group the steps of each big goal (goals sharing their goal: text)");
  cmd->callback([&context, o] { run_stats(context, *o); });
}

}  // namespace microstep::cli
