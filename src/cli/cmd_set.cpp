// microstep set ID: change a goal from a day on; earlier versions stay in its history.
#include "cli/commands.hpp"
#include "cli/goal_update.hpp"
#include "core/base/error.hpp"
#include "core/model/goal_change.hpp"
#include "core/render/report.hpp"
#include "core/judge/shrink.hpp"

namespace microstep::cli {

namespace {

struct SetOptions {
  std::string id;
  StepChange change;
  std::optional<std::string> minimum, from;
  std::optional<std::string> goal, feeling, unit, minutes, at, status;
};

void run_set(Context& context, SetOptions& o) {
  const Journal& journal = context.journal();
  std::string id = journal.resolve_id(o.id);
  const JournalLock lock = journal.lock();  // from the read of the goal to its rewrite
  Goal old_goal = journal.load_goal(id);
  if (o.minimum) o.change.minimum = Context::number_arg("--minimum", *o.minimum);
  if (o.change.step) Context::text_arg("--step", *o.change.step);
  if (o.change.after) Context::text_arg("--after", *o.change.after);
  Goal goal = old_goal;
  if (!o.change.empty()) {
    Day from = o.from ? context.date_arg("--from", *o.from) : context.clock().today;
    goal = apply_step_change(old_goal, o.change, from);
  } else if (o.from) {
    throw usage_error("--from needs a change to apply: --step, --every, --minimum or --after");
  }
  // Fields that describe the goal rather than the step: no history is kept for them.
  if (o.goal) goal.goal = Context::text_arg("--goal", *o.goal);
  if (o.feeling) goal.feeling = Context::text_arg("--feeling", *o.feeling);
  if (o.unit) goal.unit = Context::text_arg("--unit", *o.unit);
  if (o.at) goal.at = *o.at;
  if (o.minutes) goal.minutes = Context::number_arg("--minutes", *o.minutes);
  if (o.status) {
    auto status = parse_goal_status(*o.status);
    if (!status) throw usage_error("--status '" + *o.status + "' is not active, paused, done or archived");
    goal.status = *status;
  }
  if (goal == old_goal) throw usage_error("nothing to change: give --step, --every, --minimum, --after or another field");
  update_goal_file(context, lock, old_goal, goal, "set");
  // A new step meets the ridiculous test as on add (seed 003).
  if (o.change.step)
    for (const auto& w : too_big_warnings(goal.step, goal.minutes, load_rules(journal.root()))) context.warn(w);

  if (context.options.json) {
    JsonWriter json;
    write_goal_json(json, goal);
    context.print_json(json);
    return;
  }
  std::string out = "Changed " + goal.id;
  if (goal.since != old_goal.since || goal.history.size() != old_goal.history.size())
    out += " from " + format_day(goal.since);
  out += ": " + goal.step + " (" + goal.schedule_text + ")\n";
  context.print(out);
}

}  // namespace

void setup_set(CLI::App& app, Context& context) {
  auto o = std::make_shared<SetOptions>();
  auto* cmd = app.add_subcommand("set", "Change a goal from a day on (earlier days keep their version)");
  cmd->add_option("ID", o->id, "Goal id or a unique prefix")->required();
  cmd->add_option("--step", o->change.step, "The new micro-step");
  cmd->add_option("--every", o->change.schedule_text, "The new schedule");
  cmd->add_option("--minimum", o->minimum, "The new minimum amount");
  cmd->add_option("--after", o->change.after, "The new anchor habit");
  cmd->add_option("--from", o->from, "First day of the change (default today)");
  cmd->add_option("--goal", o->goal, "The big goal's text");
  cmd->add_option("--feeling", o->feeling, "The feeling the step should give you");
  cmd->add_option("--unit", o->unit, "Unit of the amounts");
  cmd->add_option("--minutes", o->minutes, "How many minutes the step takes");
  cmd->add_option("--at", o->at, "Time of day for reminders, HH:MM");
  cmd->add_option("--status", o->status, "active, paused, done or archived");
  cmd->callback([&context, o] { run_set(context, *o); });
}

}  // namespace microstep::cli
