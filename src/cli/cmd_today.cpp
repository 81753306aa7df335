// microstep today: the steps due today as implementation intentions, done ones marked.
#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"
#include "core/render/intention.hpp"
#include "core/render/report.hpp"
#include "core/judge/week_review.hpp"

namespace microstep::cli {

namespace {

struct DueStep {
  const GoalStandingReport* report;
  DayState state;
};

/// "3 of 10 pages so far, 7 to go": a day below the minimum, still open.
std::string so_far(const GoalStandingReport& r, Day today) {
  double minimum = r.standing.in_force.minimum.value_or(0);
  double amount = r.marks.amount(today);
  return format_number(amount) + " of " + amount_with_unit(minimum, r.goal.unit) + " so far, " +
         format_number(minimum - amount) + " to go; ";
}

/// Is the goal's step shown today: asked for, done, or a rest day (not a paused one)?
bool shown_today(const GoalStandingReport& r, Day today) {
  DayState state = r.chain->state(today);
  if (state == DayState::unscheduled || state == DayState::before_start) return false;
  return !(state == DayState::rest && r.marks.paused(today));
}

void write_step_json(JsonWriter& json, const DueStep& d) {
  const StepVersion& v = d.report->standing.in_force;
      json.begin_object()
          .field("id", d.report->goal.id)
          .field("step", v.step)
          .text_field("after", v.after)
          .field("intention", implementation_intention(v.after, v.step))
          .field("state", to_string(d.state))
          .field("done", is_done(d.state))
          .field("rest", d.state == DayState::rest)
          .field("current_streak", d.report->standing.current.length)
          .field("streak_unit", d.report->standing.streak_unit)
          .field("streak_state", to_string(d.report->standing.state))
          .field("review_day", is_review_day(*d.report->chain))
          .end_object();
}

std::string step_text(Context& context, const DueStep& d, Day today) {
  const StepVersion& v = d.report->standing.in_force;
  std::string mark = is_done(d.state) ? context.paint("32", "[x]") : d.state == DayState::rest ? "[-]" : "[ ]";
  std::string out = "  " + mark + " " + implementation_intention(v.after, v.step) + "\n";
  out += "      " + d.report->goal.id + ": ";
  if (d.state == DayState::rest) out += "rest day";
  else out += (d.state == DayState::partial_open ? so_far(*d.report, today) : "") + streak_phrase(d.report->standing);
  out += "\n";
  // Seed 003's plan: day 7 is for reflecting on the first week.
  if (is_review_day(*d.report->chain))
    out += "      Day 7 of this step: review day (see: microstep review)\n";
  return out;
}

void run_today(Context& context, bool by_goal) {
  Day today = context.clock().today;
  auto reports = load_standings(context, [&](const Goal& g) { return is_active_today(g, today); });
  // The groups to show: every step in one group, or one group per big goal.
  std::vector<ReportGroup> groups;
  if (by_goal) {
    groups = group_reports(reports);
  } else {
    ReportGroup& all = groups.emplace_back();
    for (size_t i = 0; i < reports.size(); ++i) all.members.push_back(i);
  }
  std::vector<std::vector<DueStep>> due(groups.size());
  size_t shown = 0;
  for (size_t g = 0; g < groups.size(); ++g)
    for (size_t i : groups[g].members)
      if (shown_today(reports[i], today)) due[g].push_back({&reports[i], reports[i].chain->state(today)}), ++shown;

  if (context.options.json) {
    JsonWriter json;
    json.begin_object().field("today", today).key(by_goal ? "groups" : "steps").begin_array();
    for (size_t g = 0; g < groups.size(); ++g) {
      if (by_goal) {
        if (due[g].empty()) continue;
        json.begin_object().text_field("goal", groups[g].text).key("big_goal");
        write_big_goal_json(json, groups[g].text, groups[g].stats);
        json.key("steps").begin_array();
      }
      for (const auto& d : due[g]) write_step_json(json, d);
      if (by_goal) json.end_array().end_object();
    }
    json.end_array().end_object();
    context.print_json(json);
    return;
  }
  std::string out = format_long_day(today) + "\n";
  if (shown == 0) out += "  Nothing scheduled today. Rest is part of the plan.\n";
  for (size_t g = 0; g < groups.size(); ++g) {
    if (due[g].empty()) continue;
    if (by_goal) out += big_goal_line(groups[g].text, groups[g].stats) + "\n";
    for (const auto& d : due[g]) out += step_text(context, d, today);
  }
  context.print_wrapped(out, 4);
}

}  // namespace

void setup_today(CLI::App& app, Context& context) {
  auto by_goal = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("today", "The steps due today, done ones marked");
  cmd->add_flag("--by-goal", *by_goal, "Group the steps of each big goal (goals sharing their goal: text)");
  cmd->callback([&context, by_goal] { run_today(context, *by_goal); });
}

}  // namespace microstep::cli
