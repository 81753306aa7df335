// microstep add ID [STEP]: a new goal file; without a step, one proposed from --goal.
#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"
#include "cli/goal_update.hpp"
#include "core/base/error.hpp"
#include "core/journal/goal_file.hpp"
#include "core/model/goal_id.hpp"
#include "core/render/intention.hpp"
#include "core/render/report.hpp"
#include "core/judge/shrink.hpp"

namespace microstep::cli {

namespace {

struct AddOptions {
  std::string id, step, goal, after, every = "daily", feeling, unit, at;
  std::optional<std::string> minimum, minutes, start;
  std::string goal_of;  ///< an existing goal whose big goal (and anchor) the new one takes
};

std::optional<double> number_option(const std::string& name, const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return Context::number_arg(name, *text);
}

/// Seed 003: start with one micro-goal and master it before adding others.
void warnings_for_other_goals(Context& context, const Goal& added, const CoachRules& rules,
                              std::vector<std::string>& warnings) {
  Day today = context.clock().today;
  auto others = load_reports(
      context, {}, [&](const Goal& g) { return g.id != added.id && is_active_today(g, today); }, nullptr, &rules);
  for (const auto& r : others) {
    if (auto why = still_mastering(*r.chain, r.stats, rules.thresholds)) {
      warnings.push_back("start with one micro-goal and master it before adding others: " + *why);
      return;
    }
  }
}

void run_add(Context& context, const AddOptions& o) {
  const Journal& journal = context.journal();
  if (!is_valid_goal_id(o.id))
    throw usage_error("goal id '" + o.id + "' is not valid: use " + kGoalIdRule);
  const JournalLock lock = journal.lock();  // no other add of the same id between check and write
  if (journal.has_goal(o.id))
    throw usage_error("a goal '" + o.id + "' already exists (" + Journal::goal_display_path(o.id) + ")");
  auto schedule = parse_schedule(o.every);
  if (!schedule)
    throw usage_error("--every '" + o.every + "' is not a schedule; use " + kScheduleRule);
  CoachRules rules = load_rules(journal.root());
  // Without a step, the goal's smallest unit by the same rules that make a step smaller
  // (seed 003: "break it down to the smallest possible meaningful action").
  std::optional<ShrunkStep> proposed;
  if (o.step.empty()) {
    if (o.goal.empty())
      throw usage_error("add needs a STEP, or --goal GOAL to have a first step proposed");
    proposed = shrink_step(o.goal, rules);
    if (!proposed->found())
      throw usage_error("nothing smaller than \"" + o.goal + "\" comes from its words: give the first step " +
                        "yourself, microstep add " + o.id + " \"STEP\" --goal \"" + o.goal + "\"");
  }
  Goal goal;
  goal.id = o.id;
  goal.step = proposed ? proposed->step : Context::text_arg("STEP", o.step);
  goal.goal = Context::text_arg("--goal", o.goal);
  goal.after = Context::text_arg("--after", o.after);
  // Another step of the same big goal (seed 002: several small steps toward one goal).
  if (!o.goal_of.empty()) {
    if (!o.goal.empty()) throw usage_error("--goal and --goal-of cannot be used together");
    Goal sibling = journal.load_goal(journal.resolve_id(o.goal_of));
    if (sibling.goal.empty())
      throw usage_error(sibling.id + " has no big goal (goal:) to share; give it one with: microstep set " +
                        sibling.id + " --goal TEXT");
    goal.goal = sibling.goal;
    if (goal.after.empty()) goal.after = sibling.version_on(context.clock().today).after;
  }
  goal.schedule_text = o.every;
  goal.schedule = *schedule;
  goal.started = o.start ? context.date_arg("--start", *o.start) : context.clock().today;
  goal.since = goal.started;
  goal.feeling = Context::text_arg("--feeling", o.feeling);
  goal.unit = Context::text_arg("--unit", o.unit);
  goal.minimum = number_option("--minimum", o.minimum);
  goal.minutes = number_option("--minutes", o.minutes);
  goal.at = o.at;
  if (!o.at.empty() && !parse_time_of_day(o.at))
    throw usage_error("--at '" + o.at + "' is not a time of day (expected HH:MM)");
  // The ridiculous test (seed 003): warn, offering the smaller step; the goal is added anyway.
  // Judged before the goal is written: reading the other goals' log may fail, and a command
  // that fails must not have written.
  // A goal tracked only is no step to master, so neither advice applies to it.
  std::vector<std::string> warnings;
  if (!goal.schedule.is_tracking()) {
    warnings = too_big_warnings(goal.step, goal.minutes, rules);
    warnings_for_other_goals(context, goal, rules, warnings);
  }
  write_new_goal(context, lock, goal);
  for (const auto& w : warnings) context.warn(w);

  if (context.options.json) {
    JsonWriter json;
    json.begin_object();
    write_goal_fields(json, goal);
    json.field("step_proposed", proposed.has_value());
    json.key("warnings").begin_array();
    for (const auto& w : warnings) json.value(w);
    json.end_array().end_object();
    context.print_json(json);
    return;
  }
  std::string out = "Added " + goal.id + ": " + implementation_intention(goal.after, goal.step) + "\n";
  if (proposed)
    out += "  The step comes from your goal. " + proposed->why + "\n  Another step of your own: microstep set " +
           goal.id + " --step \"your step\"\n";
  context.print_wrapped(out);
}

}  // namespace

void setup_add(CLI::App& app, Context& context) {
  auto o = std::make_shared<AddOptions>();
  auto* cmd = app.add_subcommand("add", "Add a goal with its micro-step");
  cmd->add_option("ID", o->id, "Goal id: lowercase letters, digits and '-'")->required();
  cmd->add_option("STEP", o->step, "The micro-step, small enough for a bad day (default: one from --goal)");
  cmd->add_option("--goal", o->goal, "The big goal the step serves");
  cmd->add_option("--goal-of", o->goal_of, "Another step of this goal's big goal (and its anchor, unless --after)");
  cmd->add_option("--after", o->after, "The habit the step is stacked on");
  cmd->add_option("--every", o->every, "Schedule (default daily; see microstep(5))");
  cmd->add_option("--feeling", o->feeling, "The feeling the step should give you");
  cmd->add_option("--unit", o->unit, "Unit of the amounts (sentences, km)");
  cmd->add_option("--minimum", o->minimum, "The minimum amount that counts");
  cmd->add_option("--minutes", o->minutes, "How many minutes the step takes");
  cmd->add_option("--at", o->at, "Time of day for reminders, HH:MM");
  cmd->add_option("--start", o->start, "First day (default today)");
  cmd->callback([&context, o] { run_add(context, *o); });
}

}  // namespace microstep::cli
