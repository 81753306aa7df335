// microstep list: goals with status, schedule, step and anchor.
#include "cli/commands.hpp"
#include "core/judge/big_goal.hpp"
#include "core/render/report.hpp"

namespace microstep::cli {

namespace {

struct ListOptions {
  bool ids = false;
  bool by_goal = false;
};

std::string pad(std::string text, size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

void run_list(Context& context, const ListOptions& options) {
  const Journal& journal = context.journal();
  if (options.ids) {  // for shell completion: no goal file is read
    std::string out;
    for (const auto& id : journal.goal_ids()) out += id + "\n";
    context.print(out);
    return;
  }
  // Each goal as it stands today: a change from a later day is shown as upcoming.
  const Day today = context.clock().today;
  auto goals = journal.load_goals();
  auto upcoming_of = [&](const Goal& goal) {
    std::vector<StepVersion> later;
    for (const StepVersion& v : goal.history)
      if (v.from > today && &v != &goal.history.front()) later.push_back(v);
    if (goal.since > today && !goal.history.empty()) later.push_back(goal.current());
    return later;
  };
  // `pause` writes to the log, not to the goal file: the log says which goals rest today.
  LogDiagnostics diagnostics;
  auto marks = journal.read_marks(goals, diagnostics);
  context.report(diagnostics);
  auto status_today = [&](const Goal& goal) { return status_on(goal, marks.at(goal.id), today); };
  // The goals in one group, or one group per big goal (the goals without one last).
  std::vector<BigGoal> groups;
  if (options.by_goal) {
    std::vector<const Goal*> pointers;
    for (const auto& g : goals) pointers.push_back(&g);
    groups = group_by_goal(pointers);
  } else {
    BigGoal& all = groups.emplace_back();
    for (size_t i = 0; i < goals.size(); ++i) all.members.push_back(i);
  }
  if (context.options.json) {
    JsonWriter json;
    json.begin_array();
    for (const BigGoal& group : groups) {
      if (options.by_goal) json.begin_object().text_field("goal", group.text).key("steps").begin_array();
      for (size_t i : group.members) {
        json.begin_object();
        write_goal_fields(json, as_of(goals[i], today));
        json.field("status_today", to_string(status_today(goals[i])));
        json.key("upcoming").begin_array();
        for (const auto& v : upcoming_of(goals[i])) write_version_json(json, v);
        json.end_array().end_object();
      }
      if (options.by_goal) json.end_array().end_object();
    }
    json.end_array();
    context.print_json(json);
    return;
  }
  if (goals.empty()) {
    context.print("No goals yet. Add one: microstep add ID \"one tiny step\" --after \"a habit\"\n");
    return;
  }
  size_t id_width = 2, schedule_width = 8;
  for (const auto& goal : goals) {
    id_width = std::max(id_width, goal.id.size());
    schedule_width = std::max(schedule_width, goal.schedule_text.size());
  }
  std::string out;
  for (const BigGoal& group : groups) {
    std::string indent;
    if (options.by_goal) {
      out += (group.text.empty() ? std::string("(no big goal)") : group.text) + "\n";
      indent = "  ";
    }
    for (size_t i : group.members) {
      const Goal goal = as_of(goals[i], today);
      out += indent + pad(goal.id, id_width + 2) + pad(std::string(to_string(status_today(goals[i]))), 10) +
             pad(goal.schedule_text, schedule_width + 2) + goal.step;
      if (!goal.after.empty()) out += "  (after " + goal.after + ")";
      for (const auto& v : upcoming_of(goals[i])) out += "  [from " + format_day(v.from) + ": " + v.step + "]";
      out += "\n";
    }
  }
  context.print(out);
}

}  // namespace

void setup_list(CLI::App& app, Context& context) {
  auto options = std::make_shared<ListOptions>();
  auto* cmd = app.add_subcommand("list", "Goals with status, schedule, step and anchor");
  cmd->add_flag("--ids", options->ids, "Only the goal ids, one per line (for completion)");
  cmd->add_flag("--by-goal", options->by_goal, "Each big goal with its steps (goals sharing their goal: text)");
  cmd->callback([&context, options] { run_list(context, *options); });
}

}  // namespace microstep::cli
