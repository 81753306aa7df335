// microstep review [--week DATE]: the seeds' Day-7 reflection, per goal and in sum.
#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"
#include "core/parallel.hpp"
#include "core/report.hpp"

namespace microstep::cli {

namespace {

struct WeekOfGoal {
  const GoalReport* report = nullptr;
  long done = 0, asked = 0, rest = 0;
  std::optional<double> rate;
  bool on_track = false;
  std::vector<unsigned> missed_weekdays;
  Suggestion suggestion;
  std::vector<const Event*> notes, truths;
};

void run_review(Context& context, const std::optional<std::string>& week) {
  const Journal& journal = context.journal();
  Day today = context.clock().today;
  Day in_week = week ? context.date_arg("--week", *week) : today;
  Day first = start_of_week(in_week, journal.settings().week_starts);
  Day last = std::min(first + date::days{6}, today);
  // The week's events (for their notes) come from the pass that reads the marks.
  EventsOfDays week_events{first, last, {}};
  auto reports = load_reports(
      context, {}, [&](const Goal& g) { return g.status == GoalStatus::active && g.started <= last; },
      &week_events);
  const std::vector<Event>& events = week_events.events;
  CoachRules rules = load_rules(journal.root());

  // Each goal's week is judged on its own: one goal per core.
  std::vector<WeekOfGoal> weeks(reports.size());
  parallel_for(reports.size(), [&](size_t i) {
    const GoalReport& r = reports[i];
    WeekOfGoal& w = weeks[i];
    w.report = &r;
    // Judge the week as it stood on its last day, so a past week reads as it did then.
    Chain chain(r.goal, r.marks, last, journal.settings().week_starts);
    for (Day d = first; d <= last; d += date::days{1}) {
      DayState s = chain.state(d);
      if (s == DayState::done) ++w.done, ++w.asked;
      if (s == DayState::missed || s == DayState::open) ++w.asked;
      if (s == DayState::rest) ++w.rest;
      if (s == DayState::missed) w.missed_weekdays.push_back(iso_weekday_index(d));
    }
    w.rate = completion_rate_between(chain, first, last);
    w.on_track = w.rate && *w.rate >= 5.0 / 7.0 - 1e-9;
    w.suggestion = suggest(chain, compute_stats(chain), rules);
    for (const auto& e : events) {
      if (e.goal != r.goal.id) continue;
      if (!e.note.empty() && e.kind != EventKind::undo) w.notes.push_back(&e);
      if (!e.truth.empty()) w.truths.push_back(&e);
    }
  });
  long on_track = std::count_if(weeks.begin(), weeks.end(), [](const auto& w) { return w.on_track; });
  long done = 0;
  for (const auto& w : weeks) done += w.done;

  if (context.options.json) {
    JsonWriter json;
    json.begin_object().field("week_start", first).field("week_end", last).key("goals").begin_array();
    for (const auto& w : weeks) {
      std::optional<double> rate;
      if (w.rate) rate = round_for_output(*w.rate);
      json.begin_object()
          .field("id", w.report->goal.id)
          .field("step", w.report->goal.step)
          .field("done", w.done)
          .field("scheduled", w.asked)
          .field("rest_days", w.rest)
          .field("rate", rate)
          .field("on_track", w.on_track)
          .key("missed_weekdays")
          .begin_array();
      for (unsigned d : w.missed_weekdays) json.value(weekday_short_name(d));
      json.end_array().key("suggestion");
      write_suggestion_json(json, w.suggestion);
      json.key("notes").begin_array();
      for (const Event* e : w.notes)
        json.begin_object().field("day", e->day).field("event", to_string(e->kind)).field("note", e->note).end_object();
      json.end_array().key("truths").begin_array();
      for (const Event* e : w.truths) json.begin_object().field("day", e->day).field("truth", e->truth).end_object();
      json.end_array().end_object();
    }
    json.end_array()
        .key("summary")
        .begin_object()
        .field("goals", static_cast<long>(weeks.size()))
        .field("on_track", on_track)
        .field("done", done)
        .end_object()
        .end_object();
    context.print_json(json);
    return;
  }
  std::string out = "Week of " + format_day(first) + " to " + format_day(last) + "\n";
  for (const auto& w : weeks) {
    const Goal& goal = w.report->goal;
    out += "\n" + goal.id + ": " + goal.step + "\n";
    if (w.report->chain->is_quota())
      out += "  " + count_with_unit(w.done, "day") + " done (" + goal.schedule_text + ")";
    else
      out += "  " + std::to_string(w.done) + " of " + std::to_string(w.asked) + " scheduled done";
    if (w.rest) out += ", " + count_with_unit(w.rest, "rest day");
    out += w.rate ? (w.on_track ? ": on track (5 of 7 or better)\n" : ": below 5 of 7\n") : "\n";
    if (!w.missed_weekdays.empty()) {
      out += "  missed on";
      for (unsigned d : w.missed_weekdays) out += " " + std::string(weekday_short_name(d));
      out += "\n";
    }
    out += "  " + suggestion_text(w.suggestion);
    for (const Event* e : w.notes) out += "  note " + format_day(e->day) + ": " + e->note + "\n";
    for (const Event* e : w.truths) out += "  truth " + format_day(e->day) + ": " + e->truth + "\n";
  }
  out += "\nSummary: " + std::to_string(on_track) + " of " + std::to_string(weeks.size()) +
         " goals on track, " + count_with_unit(done, "check-in") + " this week.";
  out += on_track == static_cast<long>(weeks.size()) && !weeks.empty()
             ? " Keep going.\n"
             : " Where a step did not happen, make it smaller: that is the plan working, not failing.\n";
  context.print_wrapped(out);
}

}  // namespace

void setup_review(CLI::App& app, Context& context) {
  auto week = std::make_shared<std::optional<std::string>>();
  auto* cmd = app.add_subcommand("review", "The weekly review: per goal and in sum");
  cmd->add_option("--week", *week, "Any day of the week to review (default: this week)");
  cmd->callback([&context, week] { run_review(context, *week); });
}

}  // namespace microstep::cli
