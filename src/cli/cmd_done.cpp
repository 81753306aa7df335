// microstep done ID: log a check-in, celebrate it, show the streak.
#include "cli/checkin.hpp"
#include "cli/commands.hpp"
#include "core/celebration.hpp"
#include "core/error.hpp"
#include "core/milestones.hpp"
#include "core/report.hpp"

namespace microstep::cli {

namespace {

void run_done(Context& context, const CheckinRequest& request) {
  // The log is read after the append too (for the streak): a bad line must fail the command
  // before it appends, or a retry would log the day twice.
  Appended done = append_checkin(context, EventKind::done, request, [&](const Goal& goal, Day) {
    LogDiagnostics diagnostics;
    context.journal().read_marks({goal}, diagnostics);
    throw_if_errors(diagnostics);
  });
  CheckinCollector day_checkins;
  DayMarks marks = read_goal_marks(context, done.goal, done.event.day, day_checkins);
  const Day today = context.clock().today;
  const unsigned week_starts = context.journal().settings().week_starts;
  Chain chain(done.goal, marks, today, week_starts);
  GoalStats stats = compute_stats(chain);
  long seed = day_number(done.event.day) + stats.done_days;
  std::string celebration = pick_celebration(context.journal().settings().celebrations, seed);
  // Milestones are what this check-in changed: judged against the goal as it was before it.
  DayMarks marks_before = marks.without(done.event, day_checkins);
  Chain before(done.goal, marks_before, today, week_starts);
  std::vector<std::string> reached = milestones(chain, stats, done.event.day, before);
  std::string fact = honest_fact(chain, stats, seed);
  if (context.options.json) {
    JsonWriter json;
    json.begin_object()
        .field("id", done.goal.id)
        .field("day", done.event.day)
        .field("amount", done.event.amount)
        .field("note", done.event.note)
        .field("truth", done.event.truth)
        .field("celebration", celebration)
        .field("fact", fact)
        .field("current_streak", stats.current.length)
        .field("streak_unit", stats.streak_unit)
        .field("streak_state", to_string(stats.state))
        .field("done_days", stats.done_days)
        .key("milestones")
        .begin_array();
    for (const auto& m : reached) json.value(m);
    json.end_array().end_object();
    context.print_json(json);
    return;
  }
  std::string when = done.event.day == context.clock().today ? "" : " for " + format_day(done.event.day);
  std::string out = context.paint("32;1", celebration) + "\n";
  for (const auto& m : reached) out += context.paint("1", m) + "\n";
  out += fact + "\n" + done.goal.id + when + ": " + streak_phrase(stats) + ".\n";
  context.print(out);
}

}  // namespace

void setup_done(CLI::App& app, Context& context) {
  auto request = std::make_shared<CheckinRequest>();
  auto amount = std::make_shared<std::optional<std::string>>();
  auto* cmd = app.add_subcommand("done", "Check in: the step is done for the day");
  cmd->add_option("ID", request->goal_prefix, "Goal id or a unique prefix")->required();
  cmd->add_option("--amount", *amount, "How much you did (default: the goal's minimum, or 1)");
  cmd->add_option("--note", request->note, "A note: any text");
  cmd->add_option("--truth", request->truth,
                  "A believable truth you noticed (\"I played a whole scale\"); see evidence");
  cmd->add_option("--date", request->date, "The day: YYYY-MM-DD, today, yesterday or -N");
  cmd->callback([&context, request, amount] {
    if (*amount) request->amount = Context::number_arg("--amount", **amount);
    run_done(context, *request);
  });
}

}  // namespace microstep::cli
