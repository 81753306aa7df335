#pragma once
/// Small builders the unit tests share: a day from its text, a goal, a goal's resolved days.
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fstream>
#include <sstream>

#include "core/model/checkins.hpp"
#include "core/judge/coach_rules.hpp"
#include "core/model/goal.hpp"
#include "core/model/schedule.hpp"

namespace microstep::test {

/// A day from "YYYY-MM-DD" (the tests only write valid ones).
inline Day day(const char* text) { return *parse_iso_day(text); }

/// The instant at a UTC wall-clock reading.
inline date::sys_seconds utc(int y, unsigned m, unsigned d, int hh, int mm, int ss = 0) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}} + std::chrono::hours{hh} +
         std::chrono::minutes{mm} + std::chrono::seconds{ss};
}

/// Goal "g", "Write one sentence", on `schedule`, started (and since) `started`.
/// The text of a goal file for `id`: a daily step started 2026-11-01.
inline std::string goal_file_text(const std::string& id) {
  return "id: " + id + "\nstep: Floss one tooth\nstarted: 2026-11-01\n";
}

inline Goal goal_with(const char* started, const char* schedule = "daily") {
  Goal g;
  g.id = "g";
  g.step = "Write one sentence";
  g.schedule_text = schedule;
  g.schedule = *parse_schedule(schedule);
  g.started = g.since = day(started);
  return g;
}

/// Goal "g" started `started` on `earlier`, then on `schedule` since `since`: one version in
/// its history.
inline Goal goal_changed_on(const char* started, const char* earlier, const char* since, const char* schedule) {
  Goal g = goal_with(started, earlier);
  g.history = {g.current()};
  g.since = day(since);
  g.schedule_text = schedule;
  g.schedule = *parse_schedule(schedule);
  return g;
}

/// The resolved days of these events, as the log would give them.
inline DayMarks marks_of(const std::vector<EventView>& events, double default_amount = 1) {
  CheckinCollector c;
  for (const auto& e : events) c.add(e);
  return DayMarks(c, default_amount);
}

/// The same from (day, kind) pairs, each written at 09:00 UTC on its day.
inline DayMarks marks_of(const std::vector<std::pair<const char*, EventKind>>& events) {
  std::vector<EventView> views;
  for (const auto& [on, kind] : events) {
    EventView& e = views.emplace_back();
    e.day = day(on);
    e.written = Moment{date::sys_seconds{e.day} + std::chrono::hours{9}, {}};
    e.kind = kind;
    e.goal = "g";
  }
  return marks_of(views);
}

/// Dones with amounts (nullopt: a done without one), each written at 09:00 UTC on its day;
/// a done without an amount counts `default_amount`.
inline DayMarks amounts_of(const std::vector<std::pair<const char*, std::optional<double>>>& dones,
                           double default_amount = 1) {
  std::vector<EventView> views;
  for (const auto& [on, amount] : dones) {
    EventView& e = views.emplace_back();
    e.day = day(on);
    e.written = Moment{date::sys_seconds{e.day} + std::chrono::hours{9} + std::chrono::seconds{views.size()}, {}};
    e.kind = EventKind::done;
    e.goal = "g";
    e.amount = amount;
  }
  return marks_of(views, default_amount);
}

/// The default coaching rules, as the source tree's data/rules.yaml gives them.
inline const CoachRules& source_rules() {
  static const CoachRules rules = [] {
    std::ifstream in(std::string(MICROSTEP_SOURCE_DATADIR) + "/rules.yaml");
    std::stringstream text;
    text << in.rdbuf();
    return parse_rules_text(text.str(), "rules.yaml");
  }();
  return rules;
}

/// Done on every day from `first` to `last` except the listed ones (each without an amount).
inline DayMarks done_except(const char* first, const char* last, const std::vector<const char*>& missed) {
  CheckinCollector c;
  for (Day d = day(first); d <= day(last); d += date::days{1}) {
    bool skip = false;
    for (const char* m : missed) skip = skip || d == day(m);
    if (skip) continue;
    EventView e;
    e.day = d;
    e.written = Moment{date::sys_seconds{d} + std::chrono::hours{8}, {}};
    e.goal = "g";
    c.add(e);
  }
  return DayMarks(c, 1);
}

/// What marks say of each day in [from, to] that is not a plain day ("2026-11-02 done 3",
/// "... skip", "... paused", "... done 1 paused"), and whether a pause is still open after
/// `to`: to compare two DayMarks, which have no operator==.
inline std::string describe_marks(const DayMarks& marks, Day from, Day to) {
  std::string text;
  for (Day d = from; d <= to; d += date::days{1}) {
    std::string flags;
    if (marks.done(d)) flags += " done " + format_amount(marks.amount(d));
    if (marks.skipped(d)) flags += " skip";
    if (marks.paused(d)) flags += " paused";
    if (!flags.empty()) text += format_day(d) + flags + "\n";
  }
  text += "total " + format_amount(marks.total_amount(from, to));
  if (marks.paused(to + date::days{1000})) text += ", paused at the end";
  return text;
}

}  // namespace microstep::test
