// microstep shrink ID [NEW_STEP] / grow ID [NEW_STEP]: change the step's size, forward only.
#include <cmath>

#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"
#include "cli/goal_update.hpp"
#include "core/error.hpp"
#include "core/goal_change.hpp"
#include "core/report.hpp"

namespace microstep::cli {

namespace {

struct ResizeOptions {
  std::string id;
  std::string new_step;
  std::optional<std::string> minimum;
  bool force = false;
};

/// The 30-day and 10% rules guard `grow` against perfectionism creep (seed 003).
void check_growth(const GoalReport& r, const StepChange& change, const CoachRules& rules) {
  std::string why;
  if (!ready_to_grow(*r.chain, rules.thresholds, why))
    throw usage_error("not ready to grow: " + why + "; the 30-day rule asks for " +
                      std::to_string(rules.thresholds.grow_after_days) + " days at " +
                      percent(rules.thresholds.grow_min_rate) +
                      " or more first (use --force to grow anyway)");
  // A whole minimum grows by 10% rounded (+1 only when that rounds to at least 1).
  double old_minimum = r.goal.default_amount();
  double increase = old_minimum * rules.thresholds.grow_max_increase;
  double allowed = old_minimum == std::floor(old_minimum) ? old_minimum + std::round(increase)
                                                          : old_minimum + increase;
  if (change.minimum && *change.minimum > allowed + 1e-9)
    throw usage_error("growing from " + format_number(old_minimum) + " to " +
                      format_number(*change.minimum) + " is more than the 10% rule allows (at most " +
                      format_number(allowed) + "); use the optional plus, or --force");
}

void run_resize(Context& context, const ResizeOptions& o, bool grow) {
  const JournalLock lock = context.journal().lock();  // from the read of the goal to its rewrite
  auto reports = load_reports(context, {o.id});
  const GoalReport& r = reports.front();
  CoachRules rules = load_rules(context.journal().root());
  StepChange change;
  std::string rule;
  if (o.minimum) change.minimum = Context::number_arg("--minimum", *o.minimum);
  if (!o.new_step.empty()) {
    change.step = Context::text_arg("NEW_STEP", o.new_step);
  } else if (grow) {
    Suggestion s = growth_proposal(r.goal, rules.thresholds);
    change.step = s.step;
    if (!change.minimum) change.minimum = s.minimum;
    rule = s.rule;
  } else {
    ShrunkStep s = shrink_step(r.goal.step, rules);
    change.step = s.step;
    rule = s.rule + ": " + s.why;
  }
  if (grow && !o.force) check_growth(r, change, rules);
  Goal goal = apply_step_change(r.goal, change, context.clock().today);
  update_goal_file(context, lock, r.goal, goal, grow ? "grow" : "shrink");

  std::vector<std::string> warnings;
  if (!grow) warnings = ridiculous_test(goal.step, goal.minutes, rules);
  for (const auto& w : warnings) context.warn("the new step may still be too big: " + w);
  if (context.options.json) {
    JsonWriter json;
    json.begin_object()
        .field("id", goal.id)
        .field("from", goal.since)
        .field("old_step", r.goal.step)
        .field("step", goal.step)
        .field("minimum", goal.minimum)
        .field("rule", rule)
        .key("warnings")
        .begin_array();
    for (const auto& w : warnings) json.value(w);
    json.end_array().end_object();
    context.print_json(json);
    return;
  }
  std::string out = (grow ? "Grown: " : "Smaller: ") + goal.id + " is now \"" + goal.step + "\" from " +
                    format_day(goal.since) + " (was \"" + r.goal.step + "\").\n";
  if (!rule.empty()) out += "  rule: " + rule + "\n";
  if (!grow) out += "  A step this small works on a bad day. That is the point.\n";
  context.print(out);
}

void add_resize_command(CLI::App& app, Context& context, bool grow) {
  auto o = std::make_shared<ResizeOptions>();
  auto* cmd = app.add_subcommand(grow ? "grow" : "shrink",
                                 grow ? "Grow the step by at most 10% (after 30 days at 90%)"
                                      : "Make the step smaller (default: the suggested step)");
  cmd->add_option("ID", o->id, "Goal id or a unique prefix")->required();
  cmd->add_option("NEW_STEP", o->new_step, "The new step (default: the suggestion)");
  cmd->add_option("--minimum", o->minimum, "The new minimum amount");
  if (grow) cmd->add_flag("--force", o->force, "Grow even when the 30-day or 10% rule says no");
  cmd->callback([&context, o, grow] { run_resize(context, *o, grow); });
}

}  // namespace

void setup_resize(CLI::App& app, Context& context) {
  add_resize_command(app, context, false);
  add_resize_command(app, context, true);
}

}  // namespace microstep::cli
