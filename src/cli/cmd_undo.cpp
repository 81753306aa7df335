// microstep undo ID: cancel a day's check-in by appending an undo event; history stays.
#include "cli/checkin.hpp"
#include "cli/commands.hpp"
#include "core/base/error.hpp"

namespace microstep::cli {

namespace {

void run_undo(Context& context, const CheckinRequest& request) {
  Appended undo = append_checkin(context, EventKind::undo, request, [&](const Goal& goal, Day day) {
    DayMarks marks = read_goal_marks(context, goal);
    if (!marks.done(day) && !marks.skipped(day))
      throw usage_error("nothing to undo: " + goal.id + " has no check-in on " + format_day(day));
  });
  if (context.options.json) {
    JsonWriter json;
    json.begin_object()
        .field("id", undo.goal.id)
        .field("day", undo.event.day)
        .field("event", "undo")
        .end_object();
    context.print_json(json);
    return;
  }
  context.print_wrapped("Undone: " + undo.goal.id + " on " + format_day(undo.event.day) +
                " no longer has a check-in.\n");
}

}  // namespace

void setup_undo(CLI::App& app, Context& context) {
  auto request = std::make_shared<CheckinRequest>();
  auto* cmd = app.add_subcommand("undo", "Cancel a day's check-in (appends an undo event)");
  cmd->add_option("ID", request->goal_prefix, "Goal id or a unique prefix")->required();
  cmd->add_option("--date", request->date, "The day: YYYY-MM-DD, today, yesterday or -N");
  cmd->callback([&context, request] { run_undo(context, *request); });
}

}  // namespace microstep::cli
