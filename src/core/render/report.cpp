#include "core/render/report.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/model/event.hpp"

namespace microstep {

void write_goal_json(JsonWriter& json, const Goal& goal) {
  json.begin_object();
  write_goal_fields(json, goal);
  json.end_object();
}

void write_goal_fields(JsonWriter& json, const Goal& goal) {
  json.field("id", goal.id)
      .text_field("goal", goal.goal)
      .field("step", goal.step)
      .text_field("after", goal.after)
      .field("schedule", goal.schedule_text)
      .field("started", goal.started)
      .field("since", goal.since)
      .field("status", to_string(goal.status))
      .text_field("feeling", goal.feeling)
      .text_field("unit", goal.unit)
      .field("minimum", goal.minimum)
      .field("minutes", goal.minutes)
      .text_field("at", goal.at)
      .key("history")
      .begin_array();
  for (const auto& v : goal.history) write_version_json(json, v);
  json.end_array();
}

std::string big_goal_line(const std::string& text, const BigGoalStats& s) {
  if (text.empty()) return "Other goals";
  std::string line = text + ": moved on " + count_with_unit(s.moved_days, "day") + "; 7d " + percent(s.rate_7) +
                     "  30d " + percent(s.rate_30);
  if (s.current_run > 0) line += "; " + count_with_unit(s.current_run, "day") + " in a row";
  if (s.moved_today) line += ", today too";
  return line;
}

void write_big_goal_json(JsonWriter& json, const std::string& text, const BigGoalStats& s) {
  if (text.empty()) {
    json.null();
    return;
  }
  json.begin_object()
      .field("moved_days", s.moved_days)
      .field("rate_7", s.rate_7 ? std::optional<double>(round_for_output(*s.rate_7)) : std::nullopt)
      .field("rate_30", s.rate_30 ? std::optional<double>(round_for_output(*s.rate_30)) : std::nullopt)
      .field("current_run", s.current_run)
      .field("moved_today", s.moved_today)
      .end_object();
}

void write_mood_json(JsonWriter& json, const std::optional<MoodComparison>& mood) {
  if (!mood) {
    json.null();
    return;
  }
  json.begin_object()
      .key("step_days")
      .begin_object()
      .field("days", mood->with_step.days)
      .field("mean", round_for_output(mood->with_step.mean))
      .end_object()
      .key("other_days")
      .begin_object()
      .field("days", mood->without_step.days)
      .field("mean", round_for_output(mood->without_step.mean))
      .end_object()
      .end_object();
}

std::string indented(const std::string& text, size_t spaces) {
  std::string out, pad(spaces, ' ');
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out += pad;
    out += text.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out;
}

void write_version_json(JsonWriter& json, const StepVersion& v) {
  json.begin_object()
      .field("from", v.from)
      .field("step", v.step)
      .field("schedule", v.schedule_text)
      .field("minimum", v.minimum)
      .text_field("after", v.after)
      .end_object();
}

Goal as_of(const Goal& goal, Day today) {
  Goal view = goal;
  if (goal.since <= today || goal.history.empty()) return view;
  // The versions from the one in force today on move out of the history into the current.
  view.history.clear();
  StepVersion in_force = goal.version_on(today);
  for (const StepVersion& v : goal.history) {
    if (v == in_force) break;
    view.history.push_back(v);
  }
  view.since = view.history.empty() ? goal.started : std::max(in_force.from, goal.started);
  view.step = in_force.step;
  view.schedule_text = in_force.schedule_text;
  view.schedule = in_force.schedule;
  view.minimum = in_force.minimum;
  view.after = in_force.after;
  return view;
}

namespace {
std::optional<double> rounded(const std::optional<double>& rate) {
  if (!rate) return std::nullopt;
  return round_for_output(*rate);
}
}  // namespace

void write_stats_json(JsonWriter& json, const Goal& goal, const GoalStats& s) {
  json.begin_object()
      .field("id", goal.id)
      .field("step", s.in_force.step)
      .field("schedule", to_string(s.in_force.schedule))
      .key("upcoming");
  if (s.upcoming) write_version_json(json, *s.upcoming);
  else json.null();
  json
      .field("current_streak", s.current.length)
      .field("longest_streak", s.longest.length)
      .field("streak_unit", s.streak_unit)
      .field("streak_state", to_string(s.state))
      .field("broken_days_ago", s.broken_days_ago)
      .field("longest_streak_start", s.longest.first)
      .field("longest_streak_end", s.longest.last)
      .field("rate_7", rounded(s.rate_7))
      .field("rate_30", rounded(s.rate_30))
      .field("rate_90", rounded(s.rate_90))
      .field("rate_all", rounded(s.rate_all))
      .field("strength", s.tracking ? std::nullopt : std::optional<double>(round_for_output(s.strength)))
      .field("done_days", s.done_days)
      .field("total_amount", round_for_output(s.total_amount))
      .text_field("unit", goal.unit)
      .field("first_done", s.first_done)
      .field("last_done", s.last_done)
      .field("days_since_last_done", s.days_since_last_done)
      .field("on_track", s.on_track)
      .field("tracking", s.tracking)
      .key("verdict");
  write_verdict_json(json, s.verdict);
}

void write_verdict_json(JsonWriter& json, const Verdict& v) {
  json.begin_object()
      .field("verdict", verdict_name(v))
      .field("unit", to_string(v.unit))
      .field("kept", v.kept)
      .field("judged", v.judged)
      .field("window", v.window)
      .field("needed", v.needed)
      .field("quota", v.quota ? std::optional<long>(v.quota) : std::nullopt)
      .field("on_track", v.on_track)
      .field("text", verdict_text(v))
      .end_object();
}

std::string streak_phrase(const GoalStanding& s) {
  if (s.tracking) return "tracking only, " + count_with_unit(s.done_days, "day") + " done";
  std::string streak = std::to_string(s.current.length) + "-" + s.streak_unit + " streak";
  switch (s.state) {
    case StreakState::alive:
      return s.current.length > 0 ? streak : "no streak yet";
    case StreakState::open:
      return s.current.length > 0 ? streak + ", open today" : "no streak yet, open today";
    case StreakState::broken:
      return "chain broken " + count_with_unit(s.broken_days_ago.value_or(0), "day") +
             " ago: today is a fresh start";
    case StreakState::none:
      break;
  }
  return s.current.length > 0 ? streak : "no streak yet";
}

void write_rungs_json(JsonWriter& json, const std::vector<RungRate>& rungs) {
  json.begin_array();
  for (const auto& r : rungs) {
    std::optional<double> rate;
    if (r.rate) rate = round_for_output(*r.rate);
    json.begin_object()
        .field("from", r.version.from)
        .field("to", r.last)
        .field("step", r.version.step)
        .field("schedule", r.version.schedule_text)
        .field("minimum", r.version.minimum)
        .field("rate", rate)
        .end_object();
  }
  json.end_array();
}

void write_suggestion_json(JsonWriter& json, const Suggestion& s) {
  json.begin_object()
      .field("kind", to_string(s.kind))
      .field("rule", s.rule)
      .field("reason", s.reason)
      .field("step", s.step)
      .field("minimum", s.minimum)
      .text_field("shrink_rule", s.shrink_rule)
      .field("optional_plus", s.optional_plus)
      .field("already_doing_more", s.already_doing_more)
      .end_object();
}

std::string judgement_text(const std::string& id, const Verdict& verdict, const Suggestion& suggestion) {
  return "  " + verdict_text(verdict) + "\n  " + suggestion_text(id, suggestion);
}

std::string suggestion_text(const std::string& id, const Suggestion& s) {
  switch (s.kind) {
    case SuggestionKind::smaller:
      if (!s.step)
        return "Make it smaller (" + s.rule + ": " + s.reason + ")\n  " + s.shrink_why +
               " Set it with: microstep shrink " + id + " \"your smaller step\"\n";
      return "Make it smaller: \"" + *s.step + "\" (" + s.rule + ": " + s.reason + ")\n  " + s.shrink_why +
             " Take it with: microstep shrink " + id + "\n";
    case SuggestionKind::change_anchor:
      return "Change the anchor: " + s.reason + "\n";
    case SuggestionKind::grow:
      return "Ready to grow: \"" + s.step.value_or("") + "\" (" + s.reason + ")\n";
    case SuggestionKind::none: {
      std::string text = s.reason;
      if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
      return text + ".\n";
    }
    case SuggestionKind::keep:
      break;
  }
  return "Keep going: " + s.reason + "\n";
}

std::string stats_text(const Goal& goal, const GoalStats& s, const std::vector<RungRate>& rungs,
                       const Suggestion& suggestion) {
  std::string out;
  out += goal.id + ": " + s.in_force.step + " (" + s.in_force.schedule_text + ")\n";
  if (s.upcoming)
    out += "  upcoming   from " + format_day(s.upcoming->from) + ": " + s.upcoming->step + " (" +
           s.upcoming->schedule_text + ")\n";
  // A goal tracked only has no chain, rate or strength: its totals alone.
  if (!s.tracking) {
    out += "  streak     " + streak_phrase(s) + "\n";
    out += "  longest    " + count_with_unit(s.longest.length, s.streak_unit);
    if (s.longest.first) out += ", " + format_day(*s.longest.first) + " to " + format_day(*s.longest.last);
    out += "\n";
    out += "  rate       7d " + percent(s.rate_7) + "  30d " + percent(s.rate_30) + "  90d " +
           percent(s.rate_90) + "  all " + percent(s.rate_all) + "\n";
    char strength[32];
    std::snprintf(strength, sizeof strength, "%.2f", s.strength);
    out += "  strength   " + std::string(strength) + "\n";
  }
  out += "  total      " + count_with_unit(s.done_days, "day") + " done";
  if (!goal.unit.empty()) out += ", " + format_number(s.total_amount) + " " + goal.unit;
  if (s.last_done) {
    out += ", last " + format_day(*s.last_done);
    if (*s.days_since_last_done == 0) out += " (today)";
    else out += " (" + count_with_unit(*s.days_since_last_done, "day") + " ago)";
  }
  out += "\n";
  if (rungs.size() > 1) {
    out += "  sizes\n";
    for (const auto& r : rungs)
      out += "    " + format_day(r.version.from) + " to " + format_day(r.last) + "  " +
             percent(r.rate) + "  " + r.version.step + "\n";
  }
  out += judgement_text(goal.id, s.verdict, suggestion);
  return out;
}

}  // namespace microstep
