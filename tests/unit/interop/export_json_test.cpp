/// Tests of core/interop/export_json: the json export, byte for byte, and that it reads back
/// as the same goals and check-ins.
#include "core/interop/export_json.hpp"

#include <doctest/doctest.h>

#include "core/interop/import_json.hpp"
#include "unit/interop/export_samples.hpp"

namespace microstep {

using test::day;

TEST_CASE("json export: the format and version, goals as JSON OUTPUT has them, then events") {
  Goal floss = test::export_goal_with("floss", "every 3 days", day("2026-11-01"));
  floss.started = day("2026-10-01");
  floss.history.push_back({day("2026-10-01"), "Floss", "daily", *parse_schedule("daily"), 1, ""});
  Event done{day("2026-11-02"),
             *parse_moment("2026-11-02T21:30:00+01:00"),
             EventKind::done,
             "floss",
             2.5,
             "Two, \"at last\"",
             ""};
  CHECK(
      export_json({floss}, {done}) ==
      R"({"format":"microstep-export","version":1,"goals":[{"id":"floss","goal":null,"step":"Step of floss",)"
      R"("after":null,"schedule":"every 3 days","started":"2026-10-01","since":"2026-11-01","status":"active",)"
      R"("feeling":null,"unit":null,"minimum":null,"minutes":null,"at":null,"history":[{"from":"2026-10-01",)"
      R"("step":"Floss","schedule":"daily","minimum":1,"after":null}]}],"events":[{"day":"2026-11-02",)"
      R"("written":"2026-11-02T21:30:00+01:00","event":"done","goal":"floss","amount":2.5,)"
      R"("note":"Two, \"at last\"","truth":""}]})"
      "\n");
}

TEST_CASE("json export reads back as the same goals and check-ins") {
  std::vector<Goal> goals{test::rich_goal(),
                          test::export_goal_with("floss", "weekdays", day("2026-11-01")),
                          test::export_goal_with("wake", "2 in 3 days", day("2026-11-01")),
                          test::export_goal_with("coffee", "tracking", day("2026-11-01"))};
  auto events = test::rich_events();
  std::string json = export_json(goals, events);
  CHECK(json.starts_with("{\"format\":\"microstep-export\",\"version\":1,"));
  ImportPlan plan = parse_export_json(json, "export.json");
  CHECK(plan.goals == goals);
  CHECK(plan.events == events);
}

}  // namespace microstep
