#include "core/interop/export_format.hpp"

#include "core/base/amount.hpp"
#include "core/base/error.hpp"
#include "core/interop/import_apply.hpp"
#include "core/model/clock.hpp"
#include "core/model/goal_id.hpp"

namespace microstep {

const std::vector<std::string> kExportGoalFields{
    "id",     "goal",    "step", "after",   "schedule", "started", "since",
    "status", "feeling", "unit", "minimum", "minutes",  "at"};
const std::vector<std::string> kExportVersionFields{"goal",     "from",    "step",
                                                    "schedule", "minimum", "after"};
const std::vector<std::string> kExportEventFields{"day",    "written", "event", "goal",
                                                  "amount", "note",    "truth"};

std::string ExportFields::text(std::string_view name) const {
  auto it = values.find(name);
  return it == values.end() ? "" : it->second;
}

void ExportFields::fail(const std::string& what) const { throw data_error(where + what); }

Day ExportFields::day(std::string_view name, bool required) const {
  std::string t = text(name);
  if (t.empty()) {
    if (required) fail("missing " + std::string(name) + " (a date, YYYY-MM-DD)");
    return Day{};
  }
  auto d = parse_iso_day(t);
  if (!d) fail(std::string(name) + " '" + t + "' is not a date (YYYY-MM-DD)");
  return *d;
}

std::optional<double> ExportFields::number(std::string_view name) const {
  std::string t = text(name);
  if (t.empty()) return std::nullopt;
  auto v = parse_amount(t);
  if (!v) fail(std::string(name) + " '" + t + "' is not " + kAmountRule);
  return v;
}

Schedule ExportFields::schedule(std::string& text_out) const {
  text_out = text("schedule");
  if (text_out.empty()) text_out = "daily";
  auto s = parse_schedule(text_out);
  if (!s) fail("schedule '" + text_out + "' is not valid; use " + kScheduleRule);
  return *s;
}

Goal export_goal(const ExportFields& f) {
  Goal g;
  g.id = f.text("id");
  if (!is_valid_goal_id(g.id)) f.fail("goal id '" + g.id + "' is not valid: use " + kGoalIdRule);
  g.step = f.text("step");
  if (g.step.empty()) f.fail("goal " + g.id + " has no step");
  g.goal = f.text("goal");
  g.after = f.text("after");
  g.schedule = f.schedule(g.schedule_text);
  g.started = f.day("started", true);
  g.since = f.text("since").empty() ? g.started : f.day("since", true);
  if (g.since < g.started) f.fail("since must not be before started");
  if (std::string status = f.text("status"); !status.empty()) {
    auto parsed = parse_goal_status(status);
    if (!parsed) f.fail("status '" + status + "' is not active, paused, done or archived");
    g.status = *parsed;
  }
  g.feeling = f.text("feeling");
  g.unit = f.text("unit");
  g.minimum = f.number("minimum");
  g.minutes = f.number("minutes");
  g.at = f.text("at");
  if (!g.at.empty() && !parse_time_of_day(g.at))
    f.fail("at '" + g.at + "' is not a time of day (HH:MM)");
  return g;
}

StepVersion export_version(const ExportFields& f) {
  StepVersion v;
  v.from = f.day("from", true);
  v.step = f.text("step");
  v.schedule = f.schedule(v.schedule_text);
  v.minimum = f.number("minimum");
  v.after = f.text("after");
  return v;
}

void check_export_history(const Goal& g, const std::string& where) {
  Day previous = Day::min();
  for (const auto& v : g.history) {
    if (v.from < previous || v.from >= g.since)
      throw data_error(where + "the earlier versions of " + g.id +
                       " must be in order and before its since: " + format_day(g.since));
    previous = v.from;
  }
}

Event export_event(const ExportFields& f) {
  Event e;
  e.day = f.day("day", true);
  std::string written = f.text("written");
  if (written.empty()) {
    e.written = import_moment(e.day);
  } else {
    auto m = parse_moment(written);
    if (!m) f.fail("written '" + written + "' is not a moment (YYYY-MM-DDTHH:MM:SS+HH:MM)");
    e.written = *m;
  }
  std::string kind = f.text("event");
  auto k = parse_event_kind(kind);
  if (!k) f.fail("event '" + kind + "' is not done, skip, undo, pause, resume or mood");
  e.kind = *k;
  e.goal = f.text("goal");
  if (e.kind != EventKind::mood && !is_valid_goal_id(e.goal))
    f.fail("goal id '" + e.goal + "' is not valid: use " + kGoalIdRule);
  e.amount = f.number("amount");
  e.note = f.text("note");
  e.truth = f.text("truth");
  return e;
}

void ExportGoals::add(Goal g, const std::string& where) {
  if (index.count(g.id)) throw data_error(where + "goal " + g.id + " comes twice");
  index.emplace(g.id, goals.size());
  goals.push_back(std::move(g));
}

}  // namespace microstep
