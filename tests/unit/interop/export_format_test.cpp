/// Tests of core/interop/export_format: goals, earlier versions and check-ins read from named
/// fields (as both export readers give them), with their defaults and every refusal.
#include "core/interop/export_format.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "core/interop/import_apply.hpp"
#include "core/model/goal_id.hpp"
#include "unit/builders.hpp"
#include "unit/data_error.hpp"

namespace microstep {

using test::day;

namespace {

using Values = std::map<std::string, std::string, std::less<>>;

ExportFields fields(Values values) { return ExportFields{"x:7: ", std::move(values)}; }

/// `values` with one field set to `value`.
Values with(Values values, const std::string& name, const std::string& value) {
  values[name] = value;
  return values;
}

/// The message of the data Failure `read` throws.
std::string error_of(const std::function<void()>& read) { return test::data_error_of(read); }

}  // namespace

TEST_CASE("export records: the fields each record has, in the csv export's column order") {
  CHECK(kExportGoalFields == std::vector<std::string>{"id", "goal", "step", "after", "schedule",
                                                      "started", "since", "status", "feeling",
                                                      "unit", "minimum", "minutes", "at"});
  CHECK(kExportVersionFields ==
        std::vector<std::string>{"goal", "from", "step", "schedule", "minimum", "after"});
  CHECK(kExportEventFields ==
        std::vector<std::string>{"day", "written", "event", "goal", "amount", "note", "truth"});
}

TEST_CASE("export records: a goal with only what it needs gets the defaults") {
  Goal g = export_goal(
      fields({{"id", "floss"}, {"step", "Floss one tooth"}, {"started", "2026-11-01"}}));
  CHECK(g.id == "floss");
  CHECK(g.step == "Floss one tooth");
  CHECK(g.schedule_text == "daily");
  CHECK(g.started == day("2026-11-01"));
  CHECK(g.since == day("2026-11-01"));
  CHECK(g.status == GoalStatus::active);
  CHECK(g.minimum == std::nullopt);
  CHECK(g.history.empty());

  Event e = export_event(fields({{"day", "2026-11-02"}, {"event", "mood"}, {"amount", "4"}}));
  CHECK(e.written == import_moment(day("2026-11-02")));
  CHECK(e.kind == EventKind::mood);
  CHECK(e.goal.empty());
  CHECK(e.amount == 4);
}

TEST_CASE("export records: every refusal names the record's place and the field") {
  const Values goal{{"id", "floss"}, {"step", "Floss"}, {"started", "2026-11-01"}};
  auto goal_with = [&](const std::string& name, const std::string& value) {
    return [values = with(goal, name, value)] { export_goal(fields(values)); };
  };
  CHECK(error_of(goal_with("id", "Floss!")) ==
        "x:7: goal id 'Floss!' is not valid: use " + std::string(kGoalIdRule));
  CHECK(error_of(goal_with("step", "")) == "x:7: goal floss has no step");
  CHECK(error_of(goal_with("started", "")) == "x:7: missing started (a date, YYYY-MM-DD)");
  CHECK(error_of(goal_with("since", "2026-10-31")) == "x:7: since must not be before started");
  CHECK(error_of(goal_with("schedule", "hourly")) ==
        "x:7: schedule 'hourly' is not valid; use " + std::string(kScheduleRule));
  CHECK(error_of(goal_with("status", "gone")) ==
        "x:7: status 'gone' is not active, paused, done or archived");
  CHECK(error_of(goal_with("minimum", "1e3")) ==
        "x:7: minimum '1e3' is not a number from 0 to 1000000000, such as 3 or 2.5");
  CHECK(error_of(goal_with("at", "7pm")) == "x:7: at '7pm' is not a time of day (HH:MM)");

  CHECK(error_of([] {
          export_version(fields({{"step", "Floss"}}));
        }) == "x:7: missing from (a date, YYYY-MM-DD)");

  const Values event{{"day", "2026-11-02"}, {"event", "done"}, {"goal", "floss"}};
  auto event_with = [&](const std::string& name, const std::string& value) {
    return [values = with(event, name, value)] { export_event(fields(values)); };
  };
  CHECK(error_of(event_with("written", "today")) ==
        "x:7: written 'today' is not a moment (YYYY-MM-DDTHH:MM:SS+HH:MM)");
  CHECK(error_of(event_with("event", "did")) ==
        "x:7: event 'did' is not done, skip, undo, pause, resume or mood");
  CHECK(error_of(event_with("goal", "")) ==
        "x:7: goal id '' is not valid: use " + std::string(kGoalIdRule));
}

TEST_CASE("export records: earlier versions in order and before since, and no goal twice") {
  Goal g = test::goal_with("2026-10-01");
  g.since = day("2026-11-01");
  g.history = {{day("2026-10-01"), "a", "daily", *parse_schedule("daily"), std::nullopt, ""},
               {day("2026-10-15"), "b", "daily", *parse_schedule("daily"), std::nullopt, ""}};
  check_export_history(g, "x:7: ");
  std::swap(g.history[0], g.history[1]);
  CHECK(error_of([&] { check_export_history(g, "x:7: "); }) ==
        "x:7: the earlier versions of g must be in order and before its since: 2026-11-01");
  std::swap(g.history[0], g.history[1]);
  g.history[1].from = day("2026-11-01");
  CHECK(error_of([&] { check_export_history(g, "x:7: "); }) ==
        "x:7: the earlier versions of g must be in order and before its since: 2026-11-01");

  ExportGoals goals;
  goals.add(test::goal_with("2026-10-01"), "x:2: ");
  CHECK(error_of([&] { goals.add(test::goal_with("2026-10-02"), "x:3: "); }) ==
        "x:3: goal g comes twice");
  CHECK(goals.goals.size() == 1);
  CHECK(goals.index.at("g") == 0);
}

}  // namespace microstep
