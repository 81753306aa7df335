// microstep shrink ID [NEW_STEP] / grow ID [NEW_STEP]: change the step's size, forward only.
#include <cctype>

#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"
#include "cli/goal_update.hpp"
#include "core/base/error.hpp"
#include "core/model/goal_change.hpp"
#include "core/render/report.hpp"

namespace microstep::cli {

namespace {

struct ResizeOptions {
  std::string id;
  std::string new_step;
  std::optional<std::string> minimum;
  bool force = false;
};

void run_resize(Context& context, const ResizeOptions& o, bool grow) {
  const JournalLock lock = context.journal().lock();  // from the read of the goal to its rewrite
  CoachRules rules = load_rules(context.journal().root());
  auto reports = load_reports(context, {o.id}, {}, nullptr, &rules);
  const GoalReport& r = reports.front();
  const StepVersion& version = r.stats.in_force;
  StepChange change;
  std::string rule, why;  // the rule for JSON; why, in words, for the person
  if (o.minimum) change.minimum = Context::number_arg("--minimum", *o.minimum);
  if (!o.new_step.empty()) {
    change.step = Context::text_arg("NEW_STEP", o.new_step);
  } else if (grow) {
    Suggestion s = growth_proposal(version, rules.thresholds);
    change.step = s.step;
    if (!change.minimum) change.minimum = s.minimum;
    rule = s.rule;
    why = s.reason;
  } else {
    ShrunkStep s = shrink_step(version.step, rules);
    if (!s.found())
      throw usage_error("nothing smaller than \"" + version.step + "\" comes from its words: give your own " +
                        "smaller step, microstep shrink " + r.goal.id + " \"STEP\"");
    change.step = s.step;
    rule = s.rule + ": " + s.why;
    why = s.why;
  }
  // The 30-day and 10% rules guard `grow` against perfectionism creep (seed 003), for a
  // step of one's own as for the proposed one.
  if (grow && !o.force) {
    std::optional<std::string> own;
    if (!o.new_step.empty()) own = o.new_step;
    if (auto refusal = growth_refusal(*r.chain, own, change.minimum, rules)) throw usage_error(*refusal);
  }
  Goal goal = apply_step_change(r.goal, change, context.clock().today);
  update_goal_file(context, lock, r.goal, goal, grow ? "grow" : "shrink");

  // The ridiculous test, on a grown step as on a new one: the 10% rule judges its numbers.
  std::vector<std::string> warnings = ridiculous_test(goal.step, goal.minutes, rules, !grow);
  for (const auto& w : warnings) context.warn("the new step may still be too big: " + w);
  if (context.options.json) {
    JsonWriter json;
    json.begin_object()
        .field("id", goal.id)
        .field("from", goal.since)
        .field("old_step", version.step)
        .field("step", goal.step)
        .field("minimum", goal.minimum)
        .text_field("rule", rule)
        .key("warnings")
        .begin_array();
    for (const auto& w : warnings) json.value(w);
    json.end_array().end_object();
    context.print_json(json);
    return;
  }
  std::string out = (grow ? "Grown: " : "Smaller: ") + goal.id + " is now \"" + goal.step + "\" from " +
                    format_day(goal.since) + " (was \"" + version.step + "\").\n";
  if (!why.empty()) {
    // The growth's reason is a clause ("grow by at most 10%: ..."); the shrink's a sentence.
    if (grow) {
      why[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(why[0])));
      why += ".";
    }
    out += "  " + why + "\n";
  }
  if (!grow) out += "  A step this small works on a bad day. That is the point.\n";
  context.print_wrapped(out);
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
