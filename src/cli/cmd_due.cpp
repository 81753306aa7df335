// microstep due / remind: what is scheduled today and not yet done, for cron and shell prompts;
// remind says each step at most once a day.
#include <cstdlib>

#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"
#include "core/journal/atomic_file.hpp"
#include "core/base/error.hpp"
#include "core/render/intention.hpp"
#include "core/judge/reminders.hpp"
#include "core/base/text_file.hpp"

namespace microstep::cli {

namespace {

struct DueOptions {
  bool quiet = false;
  bool at_time = false;
};

struct RemindOptions {
  std::optional<std::string> again_after;
};

/// The goals open today; with `wait`, only those whose reminder time has come (their at:, or
/// the journal's remind_from).
std::vector<const GoalStandingReport*> due_now(Context& context, const std::deque<GoalStandingReport>& reports,
                                              bool wait) {
  Day today = context.clock().today;
  const Settings& settings = context.journal().settings();
  std::vector<const GoalStandingReport*> due;
  for (const auto& r : reports) {
    if (!is_open(r.chain->state(today))) continue;
    if (wait && !reminder_due(r.goal, settings, context.clock().now)) continue;
    due.push_back(&r);
  }
  return due;
}

void run_due(Context& context, const DueOptions& o) {
  Day today = context.clock().today;
  auto reports = load_standings(context, [&](const Goal& g) { return is_active_today(g, today); });
  auto due = due_now(context, reports, o.at_time);
  if (!o.quiet) {
    if (context.options.json) {
      JsonWriter json;
      json.begin_array();
      for (const auto* r : due)
        json.begin_object()
            .field("id", r->goal.id)
            .field("step", r->standing.in_force.step)
            .text_field("after", r->standing.in_force.after)
            .text_field("at", r->goal.at)
            .field("intention", implementation_intention(r->standing.in_force.after, r->standing.in_force.step))
            .end_object();
      json.end_array();
      context.print_json(json);
    } else {
      std::string out;
      for (const auto* r : due) out += r->goal.id + "\t" + r->standing.in_force.step + "\n";
      context.print(out);
    }
  }
  if (!due.empty()) throw Failure(ExitCode::condition, "");
}

/// The state file of this journal's reminders, or nothing (with a warning) when there is no
/// absolute place to keep it: then every run says every step due.
std::optional<std::filesystem::path> remind_state(Context& context) {
  auto home = state_home(std::getenv("XDG_STATE_HOME"), std::getenv("HOME"));
  if (!home) {
    context.warn("remind cannot remember what it said: neither XDG_STATE_HOME nor HOME is an absolute path, "
                 "so every run says every step due");
    return std::nullopt;
  }
  return Journal::remind_state_file(context.journal().root(), *home);
}

void run_remind(Context& context, const RemindOptions& o) {
  Day today = context.clock().today;
  const Moment now = context.clock().now;
  std::optional<std::chrono::minutes> again_after;
  if (o.again_after) {
    again_after = parse_duration(*o.again_after);
    if (!again_after)
      throw usage_error("--again-after '" + *o.again_after + "' is not a duration (expected 90m, 2h or 1h30m)");
  }
  auto reports = load_standings(context, [&](const Goal& g) { return is_active_today(g, today); });
  auto due = due_now(context, reports, true);
  const CoachRules rules = load_rules(context.journal().root());

  // Each goal at most once a day, or again after --again-after: what was said is remembered.
  auto state = remind_state(context);
  std::vector<SaidReminder> said;
  std::error_code ec;
  if (state && std::filesystem::exists(*state, ec)) said = parse_said(read_text_file(*state));
  std::erase_if(due, [&](const GoalStandingReport* r) { return !may_remind(said, r->goal.id, today, now, again_after); });
  std::vector<std::string> now_said;
  for (const auto* r : due) now_said.push_back(r->goal.id);

  if (context.options.json) {
    JsonWriter json;
    json.begin_array();
    for (const auto* r : due)
      json.begin_object()
          .field("id", r->goal.id)
          .field("reminder", second_person_intention(r->standing.in_force.after, r->standing.in_force.step))
          .end_object();
    json.end_array();
    context.print_json(json);
  } else {
    std::string out;
    for (const auto* r : due) out += reminder_line(r->standing.in_force, r->goal.minutes, rules) + "\n";
    context.print(out);
  }
  if (!state || now_said.empty()) return;
  try {
    std::filesystem::create_directories(state->parent_path(), ec);
    write_file_atomically(*state, render_said(said_after(said, now_said, today, now)));
  } catch (const Failure& f) {
    context.warn(std::string(f.what()) + ": remind may say these steps again");
  }
}

}  // namespace

void setup_due(CLI::App& app, Context& context) {
  auto o = std::make_shared<DueOptions>();
  auto* due = app.add_subcommand("due", "What is due today; exit 1 when something is, 0 when not");
  due->add_flag("-q,--quiet", o->quiet, "Print nothing; only the exit status");
  due->add_flag("--at-time", o->at_time, "Leave out goals whose at: time has not come yet");
  due->callback([&context, o] { run_due(context, *o); });
  auto r = std::make_shared<RemindOptions>();
  auto* remind = app.add_subcommand("remind", "One gentle line per step due now, once a day (for cron)");
  remind->add_option("--again-after", r->again_after, "Say a step again after this long: 90m, 2h (default: once a day)");
  remind->callback([&context, r] { run_remind(context, *r); });
}

}  // namespace microstep::cli
