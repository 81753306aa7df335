/// Tests of core/interop/export_csv: the csv export, byte for byte, and that it reads back as
/// the same goals and check-ins.
#include "core/interop/export_csv.hpp"

#include <doctest/doctest.h>

#include "core/interop/import_csv.hpp"
#include "unit/interop/export_samples.hpp"

namespace microstep {

using test::day;

TEST_CASE("csv export: a header row per record type, RFC 4180 quoting, versions only when any") {
  Goal floss = test::export_goal_with("floss", "every 3 days", day("2026-11-01"));
  Event done{day("2026-11-02"),
             *parse_moment("2026-11-02T21:30:00+01:00"),
             EventKind::done,
             "floss",
             2.5,
             "Two, \"at last\"",
             ""};
  CHECK(export_csv({floss}, {done}) ==
        "#microstep-export,1\n"
        "#goal,id,goal,step,after,schedule,started,since,status,feeling,unit,minimum,minutes,at\n"
        "goal,floss,,Step of floss,,every 3 days,2026-11-01,2026-11-01,active,,,,,\n"
        "#event,day,written,event,goal,amount,note,truth\n"
        "event,2026-11-02,2026-11-02T21:30:00+01:00,done,floss,2.5,\"Two, \"\"at last\"\"\",\n");

  floss.started = day("2026-10-01");
  floss.history.push_back(
      {day("2026-10-01"), "Floss", "daily", *parse_schedule("daily"), 1, " after a space"});
  CHECK(export_csv({floss}, {}) ==
        "#microstep-export,1\n"
        "#goal,id,goal,step,after,schedule,started,since,status,feeling,unit,minimum,minutes,at\n"
        "goal,floss,,Step of floss,,every 3 days,2026-10-01,2026-11-01,active,,,,,\n"
        "#version,goal,from,step,schedule,minimum,after\n"
        "version,floss,2026-10-01,Floss,daily,1,\" after a space\"\n"
        "#event,day,written,event,goal,amount,note,truth\n");
}

TEST_CASE("csv export reads back as the same goals and check-ins") {
  std::vector<Goal> goals{test::rich_goal(),
                          test::export_goal_with("floss", "every 3 days", day("2026-11-01")),
                          test::export_goal_with("wake", "2 in 3 days", day("2026-11-01")),
                          test::export_goal_with("coffee", "tracking", day("2026-11-01"))};
  auto events = test::rich_events();
  std::string csv = export_csv(goals, events);
  CHECK(csv.starts_with("#microstep-export,1\n#goal,id,goal,step,"));
  ImportPlan plan = parse_export_csv(csv, "export.csv");
  CHECK(plan.goals == goals);
  CHECK(plan.events == events);
  CHECK(plan.not_carried.empty());
  CHECK(plan.approximations.empty());
}

}  // namespace microstep
