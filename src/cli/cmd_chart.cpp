// microstep chart [ID...] --svg FILE: the chain of the last year (or since the first goal
// started, or of --weeks N) as one self-contained SVG, a calendar heatmap and a 30-day
// completion rate line per goal, for a journal's README.
#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"
#include "core/render/chart_svg.hpp"
#include "core/base/error.hpp"
#include "core/base/wording.hpp"
#include "core/journal/output_file.hpp"

namespace microstep::cli {

namespace {

struct ChartOptions {
  std::vector<std::string> ids;
  std::string svg;
  std::optional<int> weeks;
};

void run_chart(Context& context, const ChartOptions& o) {
  const bool to_stdout = o.svg == "-";
  if (to_stdout && context.options.json)
    throw usage_error("--json and --svg - both write to standard output; give --svg a file");
  if (o.svg.empty()) throw usage_error("--svg needs a file name (or - for standard output)");

  // Named goals whatever their status; otherwise the active goals that have started.
  Day today = context.clock().today;
  auto reports = o.ids.empty()
                     ? load_reports(context, {}, [today](const Goal& g) { return is_active_today(g, today); })
                     : load_reports(context, o.ids);
  int weeks = o.weeks.value_or(kChartWeeks);
  if (!o.weeks && !reports.empty()) {
    Day first_start = reports.front().goal.started;
    for (const auto& r : reports) first_start = std::min(first_start, r.goal.started);
    weeks = chart_weeks_since(first_start, today, context.journal().settings().week_starts);
  }
  std::vector<ChartSeries> series;
  for (const auto& r : reports) series.push_back(chart_series(*r.chain, weeks));
  std::string svg = chart_svg(series);

  if (to_stdout) {
    context.print(svg);
    return;
  }
  write_output_file(o.svg, svg);
  if (context.options.json) {
    JsonWriter json;
    json.begin_object().field("file", o.svg).key("goals").begin_array();
    for (const auto& s : series) json.value(s.id);
    json.end_array();
    if (!series.empty()) json.key("first").value(series.front().first).key("last").value(series.front().today);
    json.field("weeks", static_cast<long>(weeks));
    json.end_object();
    context.print_json(json);
    return;
  }
  context.print("Wrote the chart of " + count_with_unit(static_cast<long>(series.size()), "goal") +
                " to " + o.svg + "\n");
}

}  // namespace

void setup_chart(CLI::App& app, Context& context) {
  auto o = std::make_shared<ChartOptions>();
  auto* cmd = app.add_subcommand("chart", "The last year's chain as an SVG picture, for a README");
  cmd->add_option("ID", o->ids, "Goal ids or unique prefixes (default: all active goals)");
  cmd->add_option("--svg", o->svg, "Write the SVG to FILE (atomically; a FIFO or a device is written to), or - for standard output")
      ->required();
  cmd->add_option("--weeks", o->weeks,
                  "Week columns (default: 53, or since the first goal started when fewer)")
      ->check(CLI::Range(1, 520));
  cmd->callback([&context, o] { run_chart(context, *o); });
}

}  // namespace microstep::cli
