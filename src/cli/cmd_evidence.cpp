// microstep evidence [ID]: the believable truths recorded with done --truth, with their dates.
#include "cli/commands.hpp"

namespace microstep::cli {

namespace {

void run_evidence(Context& context, const std::string& prefix) {
  const Journal& journal = context.journal();
  std::set<std::string, std::less<>> ids;
  if (!prefix.empty()) ids.insert(journal.resolve_id(prefix));
  LogDiagnostics diagnostics;
  auto events = journal.read_events(ids, Day::min(), context.clock().today, diagnostics);
  context.report(diagnostics);
  std::erase_if(events, [](const Event& e) { return e.truth.empty() || e.kind != EventKind::done; });
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.day < b.day; });
  if (context.options.json) {
    JsonWriter json;
    json.begin_array();
    for (const auto& e : events)
      json.begin_object().field("id", e.goal).field("day", e.day).field("truth", e.truth).end_object();
    json.end_array();
    context.print_json(json);
    return;
  }
  if (events.empty()) {
    context.print("No truths recorded yet. After a step, note what you noticed: "
                  "microstep done ID --truth \"I played a whole scale without stopping\"\n");
    return;
  }
  std::string out;
  for (const auto& e : events) out += format_day(e.day) + "  " + e.goal + "  " + e.truth + "\n";
  context.print_wrapped(out);
}

}  // namespace

void setup_evidence(CLI::App& app, Context& context) {
  auto id = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("evidence", "The truths you noticed (done --truth), with dates");
  cmd->add_option("ID", *id, "One goal (default: all)");
  cmd->callback([&context, id] { run_evidence(context, *id); });
}

}  // namespace microstep::cli
