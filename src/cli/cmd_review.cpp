// microstep review [--week DATE]: the seeds' Day-7 reflection, per goal and in sum.
#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"
#include "core/base/parallel.hpp"
#include "core/render/report.hpp"
#include "core/judge/week_review.hpp"

namespace microstep::cli {

namespace {

struct WeekOfGoal {
  const GoalReport* report = nullptr;
  WeekReview week;
  std::optional<WeekReview> first_week;  ///< on the goal's review day (its 7th)
  Suggestion suggestion;
  std::vector<const Event*> notes, truths;
};

/// "6 of 7 scheduled days done: on track (5 of 7 or better)", "3/week: 2 of 3 days done so far".
std::string week_line(const WeekOfGoal& w, const CoachThresholds& t) {
  const WeekReview& week = w.week;
  std::string out;
  if (week.tracking) {
    out = count_with_unit(week.done, "day") + " done" + (week.so_far ? " so far" : "");
  } else if (week.period) {
    const Period& p = *week.period;
    std::string quota = std::to_string(p.n) + "/" + std::string(to_string(w.report->chain->unit_on(week.to)));
    if (p.met()) out = quota + ": quota met, " + count_with_unit(p.done, "day") + " done";
    else out = quota + ": " + std::to_string(p.done) + " of " + count_with_unit(p.needed, "day") + " done";
    if (w.report->chain->unit_on(week.to) == ChainUnit::month)
      out += " in " + std::string(month_long_name(static_cast<unsigned>(date::year_month_day{week.to}.month())));
    if (!p.met()) out += p.current ? " so far" : ": below the quota";
  } else {
    out = std::to_string(week.done) + " of " + count_with_unit(week.judged(), "scheduled day") + " done";
    if (week.so_far) out += " so far";
    if (week.on_track)
      out += *week.on_track ? ": on track (" + std::to_string(t.review_needed) + " of " +
                                  std::to_string(t.review_window) + " or better)"
                            : ": below " + std::to_string(t.review_needed) + " of " + std::to_string(t.review_window);
  }
  if (week.partial) out += ", " + std::to_string(week.partial) + " below the minimum";
  if (week.rest) out += ", " + count_with_unit(week.rest, "rest day");
  if (week.open_today) out += "; today is still open";
  return out + "\n";
}

/// "First week (day 7 today): 5 of 7 scheduled days done" (seed 003: the 7-day plan).
std::string first_week_line(const WeekReview& w) {
  std::string out = "First week: " + std::to_string(w.done) + " of " + count_with_unit(w.judged(), "scheduled day") +
                    " done";
  if (w.open_today) out += ", today still open";
  return out + "\n";
}

void write_goal_week_json(JsonWriter& json, const WeekOfGoal& w) {
  std::optional<double> rate;
  if (w.week.rate) rate = round_for_output(*w.week.rate);
  json.begin_object()
      .field("id", w.report->goal.id)
      .field("step", w.report->stats.in_force.step)
      .field("done", w.week.done)
      .field("scheduled", w.week.scheduled)
      .field("missed", w.week.missed)
      .field("partial", w.week.partial)
      .field("rest_days", w.week.rest)
      .field("rate", rate)
      .field("on_track", w.week.on_track)
      .field("tracking", w.week.tracking)
      .key("quota");
  if (w.week.period) {
    const Period& p = *w.week.period;
    json.begin_object()
        .field("n", static_cast<long>(p.n))
        .field("per", to_string(w.report->chain->unit_on(w.week.to)))
        .field("period_start", p.first)
        .field("period_end", p.last)
        .field("done", static_cast<long>(p.done))
        .field("needed", static_cast<long>(p.needed))
        .field("met", p.met())
        .end_object();
  } else {
    json.null();
  }
  json.key("days").begin_array();
  Day d = w.week.first;
  for (DayState s : w.week.days) {
    json.begin_object().field("day", d).field("state", to_string(s)).end_object();
    d += date::days{1};
  }
  json.end_array().key("missed_weekdays").begin_array();
  for (unsigned wd : w.week.missed_weekdays) json.value(weekday_short_name(wd));
  json.end_array().key("first_week");
  if (w.first_week) {
    json.begin_object()
        .field("first", w.first_week->first)
        .field("done", w.first_week->done)
        .field("scheduled", w.first_week->scheduled)
        .field("open_today", w.first_week->open_today)
        .end_object();
  } else {
    json.null();
  }
  json.key("verdict");
  write_verdict_json(json, w.report->stats.verdict);
  json.key("suggestion");
  write_suggestion_json(json, w.suggestion);
  json.key("notes").begin_array();
  for (const Event* e : w.notes)
    json.begin_object().field("day", e->day).field("event", to_string(e->kind)).field("note", e->note).end_object();
  json.end_array().key("truths").begin_array();
  for (const Event* e : w.truths) json.begin_object().field("day", e->day).field("truth", e->truth).end_object();
  json.end_array().end_object();
}

std::string goal_week_text(const WeekOfGoal& w, const CoachThresholds& t) {
  std::string out = w.report->goal.id + ": " + w.report->stats.in_force.step + "\n";
  if (w.first_week) out += "  " + first_week_line(*w.first_week);
  out += "  " + week_line(w, t);
  if (!w.week.missed_weekdays.empty()) {
    out += "  missed on";
    for (unsigned d : w.week.missed_weekdays) out += " " + std::string(weekday_short_name(d));
    out += "\n";
  }
  out += judgement_text(w.report->goal.id, w.report->stats.verdict, w.suggestion);
  for (const Event* e : w.notes) out += "  note " + format_day(e->day) + ": " + e->note + "\n";
  for (const Event* e : w.truths) out += "  truth " + format_day(e->day) + ": " + e->truth + "\n";
  return out;
}

void run_review(Context& context, const std::optional<std::string>& week, bool all, bool by_goal) {
  const Journal& journal = context.journal();
  Day today = context.clock().today;
  Day in_week = week ? context.date_arg("--week", *week) : today;
  Day first = start_of_week(in_week, journal.settings().week_starts);
  Day last = first + date::days{6};
  Day to = std::min(last, today);
  CoachRules rules = load_rules(journal.root());
  // The week's events (for their notes) and the moods come from the pass that reads the marks.
  std::map<Day, int> moods;
  EventsOfDays week_events{first, to, {}};
  auto reports = load_reports(
      context, {}, [&](const Goal& g) { return (all || g.status == GoalStatus::active) && g.started <= to; },
      &week_events, &rules, &moods);
  const std::vector<Event>& events = week_events.events;

  // Each goal's week is judged on its own: one goal per core.
  std::vector<WeekOfGoal> weeks(reports.size());
  parallel_for(reports.size(), [&](size_t i) {
    const GoalReport& r = reports[i];
    WeekOfGoal& w = weeks[i];
    w.report = &r;
    w.week = review_week(*r.chain, in_week, rules.thresholds);
    if (is_review_day(*r.chain)) w.first_week = review_first_week(*r.chain, rules.thresholds);
    w.suggestion = suggest(*r.chain, r.stats, rules);
    for (const auto& e : events) {
      if (e.goal != r.goal.id) continue;
      if (!e.note.empty() && e.kind != EventKind::undo) w.notes.push_back(&e);
      if (!e.truth.empty()) w.truths.push_back(&e);
    }
  });
  long on_track = std::count_if(weeks.begin(), weeks.end(), [](const auto& w) { return w.week.on_track.value_or(false); });
  // Goals tracked only are counted, never judged: the summary's "of" leaves them out.
  long tracked = std::count_if(weeks.begin(), weeks.end(), [](const auto& w) { return w.week.tracking; });
  long judged = static_cast<long>(weeks.size()) - tracked;
  long done = 0;
  for (const auto& w : weeks) done += w.week.done;
  const bool so_far = last >= today;

  std::vector<ReportGroup> groups;
  if (by_goal) groups = group_reports(reports);
  const auto mood = mood_comparison(reports, moods, rules);

  if (context.options.json) {
    JsonWriter json;
    json.begin_object().field("week_start", first).field("week_end", to).field("so_far", so_far);
    if (by_goal) {
      json.key("groups").begin_array();
      for (const ReportGroup& g : groups) {
        json.begin_object().text_field("goal", g.text).key("big_goal");
        write_big_goal_json(json, g.text, g.stats);
        json.key("steps").begin_array();
        for (size_t i : g.members) write_goal_week_json(json, weeks[i]);
        json.end_array().end_object();
      }
    } else {
      json.key("goals").begin_array();
      for (const auto& w : weeks) write_goal_week_json(json, w);
    }
    json.end_array().key("mood");
    write_mood_json(json, mood);
    json.key("summary")
        .begin_object()
        .field("goals", static_cast<long>(weeks.size()))
        .field("on_track", on_track)
        .field("done", done)
        .field("tracked_only", tracked)
        .end_object()
        .end_object();
    context.print_json(json);
    return;
  }
  std::string out = "Week of " + format_day(first) + " to " + format_day(last);
  out += !so_far ? "\n" : to == last ? " (so far)\n" : " (so far: to " + format_day(to) + ")\n";
  if (by_goal) {
    for (const ReportGroup& g : groups) {
      out += "\n" + big_goal_line(g.text, g.stats) + "\n";
      for (size_t i : g.members) out += indented(goal_week_text(weeks[i], rules.thresholds), 2);
    }
  } else {
    for (const auto& w : weeks) out += "\n" + goal_week_text(w, rules.thresholds);
  }
  if (mood) out += "\n" + mood_text(*mood, "a step") + "\n";
  out += "\nSummary: ";
  if (judged > 0 || tracked == 0)
    out += std::to_string(on_track) + " of " + count_with_unit(judged, "goal") + " on track" +
           (tracked > 0 ? " (" + std::to_string(tracked) + " more tracked only)" : "") + ", ";
  else
    out += count_with_unit(tracked, "goal") + " tracked only, ";
  out += count_with_unit(done, "check-in") + (so_far ? " so far this week." : " that week.");
  if (judged > 0 || tracked == 0)
    out += on_track == judged && judged > 0
               ? " Keep going.\n"
               : " Where a step did not happen, make it smaller: that is the plan working, not failing.\n";
  else
    out += "\n";
  context.print_wrapped(out);
}

}  // namespace

void setup_review(CLI::App& app, Context& context) {
  auto week = std::make_shared<std::optional<std::string>>();
  auto all = std::make_shared<bool>(false);
  auto by_goal = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("review", "The weekly review: per goal and in sum");
  cmd->add_option("--week", *week, "Any day of the week to review (default: this week)");
  cmd->add_flag("--all", *all, "Paused, done and archived goals too (default: active goals)");
  cmd->add_flag("--by-goal", *by_goal, "Group the steps of each big goal (goals sharing their goal: text)");
  cmd->callback([&context, week, all, by_goal] { run_review(context, *week, *all, *by_goal); });
}

}  // namespace microstep::cli
