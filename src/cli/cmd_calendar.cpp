// microstep calendar [ID]: the chain, as month grids (one goal) or heatmap strips (all goals).
#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"
#include "core/render/calendar.hpp"
#include "core/base/error.hpp"
#include "core/render/json_writer.hpp"
#include "core/base/wrap.hpp"

namespace microstep::cli {

namespace {

struct CalendarOptions {
  std::string id;
  std::optional<int> weeks, months;
  bool ascii = false;
};

void run_calendar(Context& context, const CalendarOptions& o) {
  if (o.weeks && o.months) throw usage_error("--weeks and --months cannot be used together");
  std::vector<std::string> ids;
  if (!o.id.empty()) ids.push_back(o.id);
  auto reports = load_reports(context, ids);
  std::vector<const Chain*> chains;
  for (const auto& r : reports) chains.push_back(r.chain.get());

  const bool one_goal = !o.id.empty() && !o.weeks;
  if (context.options.json) {
    // The days' states, from the first day the text form shows to today.
    Day today = context.clock().today;
    Day from = start_of_week(today, context.journal().settings().week_starts) - date::days{7L * (o.weeks.value_or(12) - 1)};
    if (one_goal) {
      from = start_of_month(today);
      for (int i = 1; i < o.months.value_or(2); ++i) from = start_of_month(from - date::days{1});
    }
    JsonWriter json;
    json.begin_object().field("today", today).field("from", from).field("to", today).key("goals").begin_array();
    for (const auto& r : reports) {
      json.begin_object()
          .field("id", r.goal.id)
          .field("step", r.stats.in_force.step)
          .field("schedule", r.stats.in_force.schedule_text)
          .key("days")
          .begin_array();
      for (Day d = from; d <= today; d += date::days{1})
        json.begin_object().field("day", d).field("state", to_string(r.chain->state(d))).end_object();
      json.end_array().end_object();
    }
    json.end_array().end_object();
    context.print_json(json);
    return;
  }
  CalendarStyle style{!o.ascii, context.color()};
  const size_t width = context.width();
  std::string out;
  if (one_goal) {
    const GoalReport& r = reports.front();
    out = wrap_text(r.goal.id + ": " + r.stats.in_force.step + " (" + r.stats.in_force.schedule_text + ")\n", width) +
          "\n" +
          month_grids(*chains.front(), o.months.value_or(2), style);
  } else {
    // 12 weeks by default, fewer when the terminal is narrower than their strips.
    out = heatmap_strips(chains, o.weeks.value_or(strip_weeks_that_fit(chains, width, 12)), style);
  }
  context.print(out + "\n" + calendar_legend(style, width));
}

}  // namespace

void setup_calendar(CLI::App& app, Context& context) {
  auto o = std::make_shared<CalendarOptions>();
  auto* cmd = app.add_subcommand("calendar", "The chain: month grids for a goal, strips for all");
  cmd->add_option("ID", o->id, "One goal (default: all goals, as strips)");
  cmd->add_option("--weeks", o->weeks,
                  "Strips of the last N weeks (default 12, or as many as fit the terminal)")
      ->check(CLI::Range(1, 520));
  cmd->add_option("--months", o->months, "Month grids of the last N months (default 2)")
      ->check(CLI::Range(1, 120));
  cmd->add_flag("--ascii", o->ascii, "Plain ASCII marks: X done, . missed, - rest");
  cmd->callback([&context, o] { run_calendar(context, *o); });
}

}  // namespace microstep::cli
