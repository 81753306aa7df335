// microstep due / remind: what is scheduled today and not yet done, for cron and shell prompts.
#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"
#include "core/error.hpp"
#include "core/intention.hpp"

namespace microstep::cli {

namespace {

struct DueOptions {
  bool quiet = false;
  bool at_time = false;
};

/// Has the goal's `at:` time of day come (always true without one)?
bool time_has_come(Context& context, const Goal& goal) {
  if (goal.at.empty()) return true;
  auto at = parse_time_of_day(goal.at);
  if (!at) throw data_error(Journal::goal_display_path(goal.id) + ": at '" + goal.at + "' is not HH:MM");
  return time_of_day_has_come(*at, context.clock().now, context.journal().settings().day_starts_at);
}

std::vector<const GoalReport*> due_now(Context& context, const std::deque<GoalReport>& reports, bool wait_for_at) {
  Day today = context.clock().today;
  std::vector<const GoalReport*> due;
  for (const auto& r : reports) {
    if (!is_open(r.chain->state(today))) continue;
    if (wait_for_at && !time_has_come(context, r.goal)) continue;
    due.push_back(&r);
  }
  return due;
}

void run_due(Context& context, const DueOptions& o) {
  Day today = context.clock().today;
  auto reports = load_reports(context, {}, [&](const Goal& g) { return is_active_today(g, today); });
  auto due = due_now(context, reports, o.at_time);
  if (!o.quiet) {
    if (context.options.json) {
      JsonWriter json;
      json.begin_array();
      for (const auto* r : due)
        json.begin_object()
            .field("id", r->goal.id)
            .field("step", r->stats.in_force.step)
            .text_field("after", r->stats.in_force.after)
            .text_field("at", r->goal.at)
            .field("intention", implementation_intention(r->stats.in_force.after, r->stats.in_force.step))
            .end_object();
      json.end_array();
      context.print_json(json);
    } else {
      std::string out;
      for (const auto* r : due) out += r->goal.id + "\t" + r->stats.in_force.step + "\n";
      context.print(out);
    }
  }
  if (!due.empty()) throw Failure(ExitCode::condition, "");
}

void run_remind(Context& context) {
  Day today = context.clock().today;
  auto reports = load_reports(context, {}, [&](const Goal& g) { return is_active_today(g, today); });
  auto due = due_now(context, reports, true);
  if (context.options.json) {
    JsonWriter json;
    json.begin_array();
    for (const auto* r : due)
      json.begin_object()
          .field("id", r->goal.id)
          .field("reminder", second_person_intention(r->stats.in_force.after, r->stats.in_force.step))
          .end_object();
    json.end_array();
    context.print_json(json);
    return;
  }
  std::string out;
  for (const auto* r : due) {
    bool short_step = !r->goal.minutes || *r->goal.minutes <= 2;
    out += second_person_intention(r->stats.in_force.after, r->stats.in_force.step) +
           (short_step ? " Two minutes is enough.\n" : " A small start is enough.\n");
  }
  context.print(out);
}

}  // namespace

void setup_due(CLI::App& app, Context& context) {
  auto o = std::make_shared<DueOptions>();
  auto* due = app.add_subcommand("due", "What is due today; exit 1 when something is, 0 when not");
  due->add_flag("-q,--quiet", o->quiet, "Print nothing; only the exit status");
  due->add_flag("--at-time", o->at_time, "Leave out goals whose at: time has not come yet");
  due->callback([&context, o] { run_due(context, *o); });
  auto* remind = app.add_subcommand("remind", "One gentle line per step due now (for cron)");
  remind->callback([&context] { run_remind(context); });
}

}  // namespace microstep::cli
