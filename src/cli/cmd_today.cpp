// microstep today: the steps due today as implementation intentions, done ones marked.
#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"
#include "core/intention.hpp"
#include "core/report.hpp"

namespace microstep::cli {

namespace {

struct DueStep {
  const GoalReport* report;
  DayState state;
};

void run_today(Context& context) {
  Day today = context.clock().today;
  auto reports = load_reports(context, {}, [&](const Goal& g) { return is_active_today(g, today); });
  std::vector<DueStep> due;
  for (const auto& r : reports) {
    if (r.marks.paused(today)) continue;
    DayState state = r.chain->state(today);
    if (state == DayState::unscheduled || state == DayState::before_start) continue;
    due.push_back({&r, state});
  }

  if (context.options.json) {
    JsonWriter json;
    json.begin_object().field("today", today).key("steps").begin_array();
    for (const auto& d : due) {
      json.begin_object()
          .field("id", d.report->goal.id)
          .field("step", d.report->goal.step)
          .field("after", d.report->goal.after)
          .field("intention", implementation_intention(d.report->goal.after, d.report->goal.step))
          .field("done", d.state == DayState::done || d.state == DayState::done_unscheduled)
          .field("rest", d.state == DayState::rest)
          .field("current_streak", d.report->stats.current.length)
          .field("streak_unit", d.report->stats.streak_unit)
          .field("streak_state", to_string(d.report->stats.state))
          .end_object();
    }
    json.end_array().end_object();
    context.print_json(json);
    return;
  }
  std::string out = format_long_day(today) + "\n";
  if (due.empty()) out += "  Nothing scheduled today. Rest is part of the plan.\n";
  for (const auto& d : due) {
    bool done = d.state == DayState::done || d.state == DayState::done_unscheduled;
    std::string mark = done ? context.paint("32", "[x]") : d.state == DayState::rest ? "[-]" : "[ ]";
    out += "  " + mark + " " + implementation_intention(d.report->goal.after, d.report->goal.step) + "\n";
    out += "      " + d.report->goal.id + ": " + (d.state == DayState::rest ? "rest day" : streak_phrase(d.report->stats)) + "\n";
  }
  context.print_wrapped(out, 4);
}

}  // namespace

void setup_today(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand("today", "The steps due today, done ones marked");
  cmd->callback([&context] { run_today(context); });
}

}  // namespace microstep::cli
