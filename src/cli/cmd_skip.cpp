// microstep skip ID: a planned rest day; it neither breaks nor extends a streak.
#include "cli/checkin.hpp"
#include "cli/commands.hpp"

namespace microstep::cli {

namespace {

void run_skip(Context& context, const CheckinRequest& request) {
  Appended skip = append_checkin(context, EventKind::skip, request);
  if (context.options.json) {
    JsonWriter json;
    json.begin_object()
        .field("id", skip.goal.id)
        .field("day", skip.event.day)
        .field("event", "skip")
        .field("note", skip.event.note)
        .end_object();
    context.print_json(json);
    return;
  }
  context.print_wrapped("Rest day for " + skip.goal.id + " on " + format_day(skip.event.day) +
                ": the chain is kept. Rest well.\n");
}

}  // namespace

void setup_skip(CLI::App& app, Context& context) {
  auto request = std::make_shared<CheckinRequest>();
  auto* cmd = app.add_subcommand("skip", "A planned rest day (illness, travel)");
  cmd->add_option("ID", request->goal_prefix, "Goal id or a unique prefix")->required();
  cmd->add_option("--note", request->note, "Why (any text)");
  cmd->add_option("--date", request->date, "The day: YYYY-MM-DD, today, yesterday or -N");
  cmd->callback([&context, request] { run_skip(context, *request); });
}

}  // namespace microstep::cli
