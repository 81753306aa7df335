#include "core/render/share.hpp"

#include "core/render/json_writer.hpp"
#include "core/render/report.hpp"

namespace microstep {

namespace {

std::string title(const Share& s) {
  return "microstep: the week of " + format_day(s.first) + " to " + format_day(s.last) + (s.so_far ? " (so far)" : "");
}

std::string pad(std::string text, size_t width) {
  if (text.size() < width) text.append(width - text.size(), ' ');
  return text;
}

/// A table cell: a '|' would end it early.
std::string cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

std::string note_text(const Event& e) {
  return format_day(e.day) + (e.truth.empty() ? " note: " + e.note : " truth: " + e.truth);
}

}  // namespace

std::string share_week_text(const WeekReview& w) {
  if (w.tracking) return count_with_unit(w.done, "day") + " done" + (w.so_far ? " so far" : "");
  if (w.period) {
    const Period& p = *w.period;
    std::string quota = std::to_string(p.n) + "/" + std::string(to_string(w.unit));
    if (p.met()) return quota + ": quota met";
    return quota + ": " + std::to_string(p.done) + " of " + count_with_unit(p.needed, "day") +
           (p.current ? " so far" : "");
  }
  return std::to_string(w.done) + " of " + count_with_unit(w.judged(), "scheduled day") + (w.so_far ? " so far" : "");
}

std::string share_text(const Share& s) {
  std::string out = title(s) + "\n\n";
  size_t id_width = 2, step_width = 4, week_width = 4;
  for (const auto& g : s.goals) {
    id_width = std::max(id_width, g.id.size());
    step_width = std::max(step_width, g.stats->in_force.step.size());
    week_width = std::max(week_width, share_week_text(*g.week).size());
  }
  for (const auto& g : s.goals) {
    out += pad(g.id, id_width + 2) + pad(g.stats->in_force.step, step_width + 2) +
           pad(share_week_text(*g.week), week_width + 2) + streak_phrase(*g.stats) +
           (g.stats->tracking ? "" : "; " + verdict_text(g.stats->verdict)) + "\n";
    for (const Event* e : g.notes) out += std::string(id_width + 2, ' ') + note_text(*e) + "\n";
  }
  if (s.goals.empty()) out += "No active goals.\n";
  if (!s.big_goals.empty()) {
    out += "\n";
    for (const auto& b : s.big_goals) out += big_goal_line(b.text, b.stats) + "\n";
  }
  return out;
}

std::string share_markdown(const Share& s) {
  std::string out = "## " + title(s) + "\n\n";
  out += "| goal | step | this week | streak | verdict |\n|---|---|---|---|---|\n";
  for (const auto& g : s.goals)
    out += "| " + cell(g.id) + " | " + cell(g.stats->in_force.step) + " | " + cell(share_week_text(*g.week)) + " | " +
           cell(streak_phrase(*g.stats)) + " | " + cell(verdict_text(g.stats->verdict)) + " |\n";
  if (!s.big_goals.empty()) {
    out += "\n**Big goals**\n\n";
    for (const auto& b : s.big_goals) out += "- " + big_goal_line(b.text, b.stats) + "\n";
  }
  if (s.with_notes) {
    bool any = false;
    for (const auto& g : s.goals)
      for (const Event* e : g.notes) {
        if (!any) out += "\n**Notes**\n\n";
        any = true;
        out += "- " + g.id + ", " + note_text(*e) + "\n";
      }
  }
  return out;
}

std::string share_json(const Share& s) {
  JsonWriter json;
  json.begin_object()
      .field("week_start", s.first)
      .field("week_end", s.to)
      .field("so_far", s.so_far)
      .key("goals")
      .begin_array();
  for (const auto& g : s.goals) {
    const WeekReview& w = *g.week;
    json.begin_object()
        .field("id", g.id)
        .field("step", g.stats->in_force.step)
        .field("schedule", g.stats->in_force.schedule_text)
        .field("done", w.done)
        .field("scheduled", w.scheduled)
        .field("week", share_week_text(w))
        .field("current_streak", g.stats->current.length)
        .field("streak_unit", g.stats->streak_unit)
        .field("streak_state", to_string(g.stats->state))
        .key("verdict");
    write_verdict_json(json, g.stats->verdict);
    if (s.with_notes) {
      json.key("notes").begin_array();
      for (const Event* e : g.notes)
        json.begin_object().field("day", e->day).text_field("note", e->note).text_field("truth", e->truth).end_object();
      json.end_array();
    }
    json.end_object();
  }
  json.end_array().key("big_goals").begin_array();
  for (const auto& b : s.big_goals) {
    json.begin_object().field("goal", b.text).key("big_goal");
    write_big_goal_json(json, b.text, b.stats);
    json.end_object();
  }
  json.end_array().end_object();
  return json.str();
}

}  // namespace microstep
