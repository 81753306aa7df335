// microstep done ID: log a check-in, celebrate it, show the streak.
#include "cli/checkin.hpp"
#include "cli/commands.hpp"
#include "core/judge/celebration.hpp"
#include "core/judge/done_outcome.hpp"
#include "core/base/error.hpp"
#include "core/judge/milestones.hpp"
#include "core/render/report.hpp"
#include "core/judge/week_review.hpp"

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
  const auto [marks, marks_before] = read_goal_marks(context, done.goal, done.event);
  const Day today = context.clock().today;
  const unsigned week_starts = context.journal().settings().week_starts;
  Chain chain(done.goal, marks, today, week_starts);
  GoalStats stats = compute_stats(chain);
  // What this check-in changed: judged against the goal as it was before it.
  Chain before(done.goal, marks_before, today, week_starts);
  const DoneOutcome outcome = done_outcome(before, chain, done.event.day);
  // A goal tracked only is counted, not cheered: it may well be a habit to break.
  const bool counted = outcome.kind == DoneOutcome::Kind::counted;
  const bool cheered = counted && !stats.tracking;
  long seed = day_number(done.event.day) + stats.done_days;
  std::string celebration = cheered ? pick_celebration(context.journal().settings().celebrations, seed) : "";
  std::vector<std::string> reached;
  if (cheered) reached = milestones(chain, stats, done.event.day, before);
  std::string fact = counted ? honest_fact(chain, stats, seed) : "";
  const std::string day = done.event.day == today ? "today" : format_day(done.event.day);
  if (context.options.json) {
    JsonWriter json;
    json.begin_object()
        .field("id", done.goal.id)
        .field("day", done.event.day)
        .field("amount", done.event.amount)
        .text_field("note", done.event.note)
        .text_field("truth", done.event.truth)
        .field("state", to_string(chain.state(done.event.day)))
        .field("already_done", outcome.kind == DoneOutcome::Kind::already_done)
        .field("day_amount", round_for_output(outcome.amount))
        .field("left", outcome.kind == DoneOutcome::Kind::below_minimum ? std::optional<double>(outcome.left)
                                                                         : std::nullopt)
        .text_field("celebration", celebration)
        .text_field("fact", fact)
        .field("current_streak", stats.current.length)
        .field("streak_unit", stats.streak_unit)
        .field("streak_state", to_string(stats.state))
        .field("done_days", stats.done_days)
        .field("review_day", is_review_day(chain))
        .key("milestones")
        .begin_array();
    for (const auto& m : reached) json.value(m);
    json.end_array().end_object();
    context.print_json(json);
    return;
  }
  std::string when = done.event.day == today ? "" : " for " + format_day(done.event.day);
  std::string out;
  switch (outcome.kind) {
    case DoneOutcome::Kind::counted:
      if (cheered) out = context.paint("32;1", celebration) + "\n";
      for (const auto& m : reached) out += context.paint("1", m) + "\n";
      out += fact + "\n";
      break;
    case DoneOutcome::Kind::already_done:
      out = "Already done " + (day == "today" ? day : "for " + day) + ": this check-in is recorded too";
      if (done.event.amount) out += ", " + amount_with_unit(outcome.amount, done.goal.unit) + " in all";
      out += ".\n";
      break;
    case DoneOutcome::Kind::below_minimum:
      out = format_number(outcome.amount) + " of " + amount_with_unit(*outcome.minimum, done.goal.unit) +
            " recorded: " + format_number(outcome.left) + " more and " + day + " counts.\n";
      break;
  }
  out += done.goal.id + when + ": " + streak_phrase(stats) + ".\n";
  // Seed 003's plan: day 7 is for reflecting on the first week.
  if (is_review_day(chain))
    out += "Review day (day 7): " + verdict_text(stats.verdict) + ".\n";
  context.print_wrapped(out);
}

}  // namespace

void setup_done(CLI::App& app, Context& context) {
  auto request = std::make_shared<CheckinRequest>();
  auto amount = std::make_shared<std::optional<std::string>>();
  auto mood = std::make_shared<std::optional<std::string>>();
  auto* cmd = app.add_subcommand("done", "Check in: the step is done for the day");
  cmd->add_option("ID", request->goal_prefix, "Goal id or a unique prefix")->required();
  cmd->add_option("--amount", *amount, "How much you did (default: the goal's minimum, or 1)");
  cmd->add_option("--note", request->note, "A note: any text");
  cmd->add_option("--truth", request->truth,
                  "A believable truth you noticed (\"I played a whole scale\"); see evidence");
  cmd->add_option("--date", request->date, "The day: YYYY-MM-DD, today, yesterday or -N");
  cmd->add_option("--mood", *mood, "How you feel, 1 (low) to 5 (high), recorded with the check-in");
  cmd->callback([&context, request, amount, mood] {
    if (*amount) request->amount = Context::number_arg("--amount", **amount);
    if (*mood) request->mood = mood_arg("--mood", **mood);
    run_done(context, *request);
  });
}

}  // namespace microstep::cli
