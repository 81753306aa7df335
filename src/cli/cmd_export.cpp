// microstep export [--format csv|json|ics] [--since DATE] [-o FILE]: goals and check-ins as csv
// or json (both read back by `microstep import`), or the active goals as recurring calendar events.
#include <map>
#include <set>

#include "cli/commands.hpp"
#include "core/base/error.hpp"
#include "core/interop/export_csv.hpp"
#include "core/interop/export_ics.hpp"
#include "core/interop/export_json.hpp"
#include "core/base/wording.hpp"
#include "core/journal/output_file.hpp"

namespace microstep::cli {

namespace {

struct ExportOptions {
  std::string format = "csv";
  std::optional<std::string> since, output;
};

void run_export(Context& context, const ExportOptions& o) {
  const bool to_stdout = !o.output || *o.output == "-";
  if (o.output && *o.output == "-" && context.options.json)
    throw usage_error("--json and -o - both write to standard output; give -o a file");
  const Journal& journal = context.journal();
  std::vector<Goal> goals = journal.load_goals();
  std::optional<Day> since;
  if (o.since) since = context.date_arg("--since", *o.since);

  std::vector<Event> events;
  if (o.format != "ics") {
    LogDiagnostics diagnostics;
    auto all = journal.read_events({}, since.value_or(Day::min()), Day::max(), diagnostics);
    context.report(diagnostics);
    // Only check-ins of goals that have a file: the rest could not be imported again.
    std::set<std::string, std::less<>> ids;
    for (const auto& g : goals) ids.insert(g.id);
    std::map<std::string, size_t> orphans;
    for (auto& e : all) {
      if (ids.count(e.goal)) events.push_back(std::move(e));
      else ++orphans[e.goal];
    }
    for (const auto& [id, n] : orphans)
      context.warn(count_with_unit(static_cast<long>(n), "check-in") + " of unknown goal '" + id +
                   "' (no goal file) not exported");
  }

  std::string text;
  if (o.format == "csv") text = export_csv(goals, events);
  else if (o.format == "json") text = export_json(goals, events);
  else text = export_ics(goals, context.clock().now);

  if (to_stdout) {
    context.print(text);
    return;
  }
  write_output_file(*o.output, text);
  size_t active = 0;
  for (const auto& g : goals)
    if (g.status == GoalStatus::active) ++active;
  if (context.options.json) {
    JsonWriter json;
    json.begin_object()
        .field("file", *o.output)
        .field("format", o.format)
        .field("goals", static_cast<long>(o.format == "ics" ? active : goals.size()))
        .field("events", static_cast<long>(events.size()))
        .end_object();
    context.print_json(json);
    return;
  }
  if (o.format == "ics")
    context.print("Exported " + std::to_string(active) + (active == 1 ? " active goal" : " active goals") +
                  " as recurring events to " + *o.output + "\n");
  else
    context.print("Exported " + count_with_unit(static_cast<long>(goals.size()), "goal") +
                  " and " + count_with_unit(static_cast<long>(events.size()), "check-in") +
                  " to " + *o.output + " (" + o.format + ")\n");
}

}  // namespace

void setup_export(CLI::App& app, Context& context) {
  auto o = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand("export", "Export goals and check-ins (csv, json) or a calendar (ics)");
  cmd->add_option("--format", o->format,
                  "csv (default) or json: goals and check-ins, read back by `microstep import`; "
                  "ics: one recurring event per active goal, for a calendar")
      ->check(CLI::IsMember({"csv", "json", "ics"}));
  cmd->add_option("--since", o->since, "Only check-ins from DATE on (csv and json)");
  cmd->add_option("-o,--output", o->output,
                  "Write to FILE instead of standard output (- is standard output; a FIFO or a device is "
                  "written to, never replaced)");
  cmd->callback([&context, o] { run_export(context, *o); });
}

}  // namespace microstep::cli
