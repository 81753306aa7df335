// microstep calendar [ID]: the chain, as month grids (one goal) or heatmap strips (all goals).
#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"
#include "core/calendar.hpp"
#include "core/error.hpp"
#include "core/wrap.hpp"

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

  CalendarStyle style{!o.ascii, context.color()};
  const size_t width = context.width();
  std::string out;
  if (!o.id.empty() && !o.weeks) {
    const Goal& goal = reports.front().goal;
    out = wrap_text(goal.id + ": " + goal.step + " (" + goal.schedule_text + ")\n", width) + "\n" +
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
