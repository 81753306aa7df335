// microstep log [ID] [--since DATE] [--until DATE]: the check-in events, one a line, newest last.
#include "cli/commands.hpp"
#include "core/base/escape.hpp"
#include "core/journal/history.hpp"

namespace microstep::cli {

namespace {

struct LogOptions {
  std::string prefix;
  std::optional<std::string> since;
  std::optional<std::string> until;
};

std::string pad(std::string text, size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

void write_json(Context& context, const std::vector<Event>& events) {
  JsonWriter json;
  json.begin_array();
  for (const auto& e : events) {
    json.begin_object()
        .field("day", e.day)
        .field("written", format_moment(e.written))
        .field("event", to_string(e.kind))
        .field("goal", e.goal)
        .field("amount", e.amount)
        .key("note");
    e.note.empty() ? json.null() : json.value(e.note);
    json.key("truth");
    e.truth.empty() ? json.null() : json.value(e.truth);
    json.end_object();
  }
  json.end_array();
  context.print_json(json);
}

/// Columns aligned with spaces; notes escaped as in the log, so each event stays on one line.
void write_text(Context& context, const std::vector<Event>& events) {
  size_t goal_width = 0, amount_width = 0;
  for (const auto& e : events) {
    goal_width = std::max(goal_width, e.goal.size());
    if (e.amount) amount_width = std::max(amount_width, format_amount(*e.amount).size());
  }
  std::string out;
  for (const auto& e : events) {
    std::string amount = e.amount ? format_amount(*e.amount) : "";
    std::string line = format_day(e.day) + "  " + pad(std::string(to_string(e.kind)), 6) + "  " +
                       pad(e.goal, goal_width);
    if (amount_width) line += "  " + std::string(amount_width - amount.size(), ' ') + amount;
    if (!e.note.empty()) line += "  " + escape_field(e.note);
    if (!e.truth.empty()) line += "  (truth: " + escape_field(e.truth) + ")";
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  context.print(out);
}

void run_log(Context& context, const LogOptions& options) {
  const Journal& journal = context.journal();
  HistoryFilter filter;
  if (!options.prefix.empty()) filter.ids.insert(journal.resolve_id(options.prefix));
  if (options.since) filter.since = context.date_arg("--since", *options.since);
  if (options.until) filter.until = context.date_arg("--until", *options.until);
  LogDiagnostics diagnostics;
  auto events = read_history(journal, filter, diagnostics);
  context.report(diagnostics);
  if (context.options.json)
    write_json(context, events);
  else
    write_text(context, events);
}

}  // namespace

void setup_log(CLI::App& app, Context& context) {
  auto options = std::make_shared<LogOptions>();
  auto* cmd = app.add_subcommand("log", "The check-in events, one a line, oldest first");
  cmd->add_option("ID", options->prefix, "One goal (default: all)");
  cmd->add_option("--since", options->since, "From this day: YYYY-MM-DD, today, yesterday or -N");
  cmd->add_option("--until", options->until, "Up to this day: YYYY-MM-DD, today, yesterday or -N");
  cmd->callback([&context, options] { run_log(context, *options); });
}

}  // namespace microstep::cli
