// microstep pause ID / resume ID: paused days count like skipped days.
#include "cli/checkin.hpp"
#include "cli/commands.hpp"

namespace microstep::cli {

namespace {

void run_pause(Context& context, EventKind kind, const CheckinRequest& request) {
  Appended event = append_checkin(context, kind, request);
  if (context.options.json) {
    JsonWriter json;
    json.begin_object()
        .field("id", event.goal.id)
        .field("day", event.event.day)
        .field("event", to_string(kind))
        .end_object();
    context.print_json(json);
    return;
  }
  if (kind == EventKind::pause)
    context.print_wrapped("Paused " + event.goal.id + " from " + format_day(event.event.day) +
                  ": paused days count like rest days. Resume with: microstep resume " +
                  event.goal.id + "\n");
  else
    context.print("Resumed " + event.goal.id + " from " + format_day(event.event.day) +
                  ". Welcome back.\n");
}

void add_pause_command(CLI::App& app, Context& context, EventKind kind, const std::string& help) {
  auto request = std::make_shared<CheckinRequest>();
  auto* cmd = app.add_subcommand(std::string(to_string(kind)), help);
  cmd->add_option("ID", request->goal_prefix, "Goal id or a unique prefix")->required();
  cmd->add_option("--date", request->date, "From this day: YYYY-MM-DD, today, yesterday or -N");
  cmd->add_option("--note", request->note, "Why (any text)");
  cmd->callback([&context, kind, request] { run_pause(context, kind, *request); });
}

}  // namespace

void setup_pause(CLI::App& app, Context& context) {
  add_pause_command(app, context, EventKind::pause, "Pause a goal from a day on");
  add_pause_command(app, context, EventKind::resume, "Resume a paused goal from a day on");
}

}  // namespace microstep::cli
