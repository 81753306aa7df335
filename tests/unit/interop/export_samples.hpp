#pragma once
/// Goals and check-ins that use every field of the export formats, with awkward text: the
/// samples of the csv and json round trips.
#include <string>
#include <vector>

#include "core/model/event.hpp"
#include "core/model/goal.hpp"
#include "unit/builders.hpp"

namespace microstep::test {

/// Goal `id`, "Step of ID", on `schedule`, started (and since) `since`.
inline Goal export_goal_with(const std::string& id, const std::string& schedule, Day since) {
  Goal g;
  g.id = id;
  g.step = "Step of " + id;
  g.schedule_text = schedule;
  g.schedule = *parse_schedule(schedule);
  g.started = since;
  g.since = since;
  return g;
}

/// A goal using every field, with two earlier versions.
inline Goal rich_goal() {
  Goal g = export_goal_with("write-novel", "daily", day("2026-10-26"));
  g.goal = "Write a novel, \"finally\"; at last";
  g.step = "Write one sentence";
  g.after = "I pour my morning coffee";
  g.since = day("2026-11-05");
  g.status = GoalStatus::paused;
  g.feeling = "capable — ünïcödé ✓";
  g.unit = "sentences";
  g.minimum = 2.5;
  g.minutes = 3;
  g.at = "07:30";
  g.history.push_back({day("2026-10-26"), "Write one word", "mon,wed,fri",
                       *parse_schedule("mon,wed,fri"), 1, "I wake up"});
  g.history.push_back({day("2026-11-01"), "Write, one line", "3/week", *parse_schedule("3/week"),
                       std::nullopt, ""});
  return g;
}

/// One check-in of each kind but mood, with notes to quote and escape.
inline std::vector<Event> rich_events() {
  Moment m1 = *parse_moment("2026-10-26T07:40:00+01:00");
  Moment m2 = *parse_moment("2026-10-27T23:59:59-05:30");
  return {
      {day("2026-10-26"), m1, EventKind::done, "write-novel", std::nullopt,
       "First sentence. \"Ha\", she said", ""},
      {day("2026-10-27"), m2, EventKind::done, "write-novel", 1234567.125,
       "two\nlines\tand a tab, \\ too", "I can"},
      {day("2026-10-27"), m2, EventKind::undo, "write-novel", std::nullopt, "", ""},
      {day("2026-10-28"), m1, EventKind::pause, "write-novel", std::nullopt, "holiday", ""},
      {day("2026-10-30"), m1, EventKind::resume, "write-novel", std::nullopt, "", ""},
      {day("2026-11-02"), m1, EventKind::skip, "write-novel", 0, "", ""},
  };
}

}  // namespace microstep::test
