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

/// "3 of 10 pages so far, 7 to go": a day below the minimum, still open.
std::string so_far(const GoalReport& r, Day today) {
  double minimum = r.stats.in_force.minimum.value_or(0);
  double amount = r.marks.amount(today);
  return format_number(amount) + " of " + amount_with_unit(minimum, r.goal.unit) + " so far, " +
         format_number(minimum - amount) + " to go; ";
}

void run_today(Context& context) {
  Day today = context.clock().today;
  auto reports = load_reports(context, {}, [&](const Goal& g) { return is_active_today(g, today); });
  std::vector<DueStep> due;
  for (const auto& r : reports) {
    DayState state = r.chain->state(today);
    if (state == DayState::unscheduled || state == DayState::before_start) continue;
    if (state == DayState::rest && r.marks.paused(today)) continue;
    due.push_back({&r, state});
  }

  if (context.options.json) {
    JsonWriter json;
    json.begin_object().field("today", today).key("steps").begin_array();
    for (const auto& d : due) {
      const StepVersion& v = d.report->stats.in_force;
      json.begin_object()
          .field("id", d.report->goal.id)
          .field("step", v.step)
          .text_field("after", v.after)
          .field("intention", implementation_intention(v.after, v.step))
          .field("state", to_string(d.state))
          .field("done", is_done(d.state))
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
    const StepVersion& v = d.report->stats.in_force;
    std::string mark = is_done(d.state) ? context.paint("32", "[x]") : d.state == DayState::rest ? "[-]" : "[ ]";
    out += "  " + mark + " " + implementation_intention(v.after, v.step) + "\n";
    out += "      " + d.report->goal.id + ": ";
    if (d.state == DayState::rest) out += "rest day";
    else out += (d.state == DayState::partial_open ? so_far(*d.report, today) : "") + streak_phrase(d.report->stats);
    out += "\n";
  }
  context.print_wrapped(out, 4);
}

}  // namespace

void setup_today(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand("today", "The steps due today, done ones marked");
  cmd->callback([&context] { run_today(context); });
}

}  // namespace microstep::cli
