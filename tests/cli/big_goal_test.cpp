// A big goal in several small steps (seed 002): --by-goal on today, stats, review and list,
// the big goal's own line, and add --goal-of.
#include <doctest/doctest.h>

#include <string>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

Json json_of(const RunResult& r) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return parse_json(r.out);
}

std::string done(const std::string& day, const std::string& goal) {
  return day + "\t" + day + "T08:00:00+00:00\tdone\t" + goal + "\t\t\n";
}

/// Two steps of "Write a novel" (open the document; write one sentence) and one goal alone.
/// The novel moved on the 16th (open), the 17th (write), the 18th (both) and the 20th (open);
/// not on the 19th; today the 22nd nothing yet.
void journal(const TempJournal& j) {
  j.write("microstep.yaml", "week_starts: monday\n");
  j.write("goals/open.yaml", "id: open\ngoal: Write a novel\nstep: Open the document\nstarted: 2026-11-16\n");
  j.write("goals/write.yaml", "id: write\ngoal: Write a novel\nstep: Write one sentence\nstarted: 2026-11-16\n"
                              "after: I pour my morning coffee\n");
  j.write("goals/floss.yaml", "id: floss\nstep: Floss one tooth\nstarted: 2026-11-16\n");
  j.write("checkins.log", done("2026-11-16", "open") + done("2026-11-17", "write") + done("2026-11-18", "open") +
                              done("2026-11-18", "write") + done("2026-11-20", "open") + done("2026-11-21", "floss"));
}

}  // namespace

TEST_CASE("big goal: stats --by-goal gives the big goal's line, then its steps") {
  TempJournal j;
  journal(j);
  RunResult r = j.run({"--today", "2026-11-21", "stats", "--by-goal"});
  REQUIRE(r.exit_code == 0);
  // Days that asked for a step, 16 to 20 (today, the 21st, still open): moved on 4 of 5; the
  // run is the 20th (the 19th did not move it).
  CHECK(r.out.rfind("Write a novel: moved on 4 days; 7d 80%  30d 80%; 1 day in a row\n"
                    "  open: Open the document (daily)\n",
                    0) == 0);
  CHECK(r.out.find("\n  write: Write one sentence (daily)\n") != std::string::npos);
  CHECK(r.out.find("\nOther goals\n  floss: Floss one tooth (daily)\n") != std::string::npos);
  Json json = json_of(j.run({"--json", "--today", "2026-11-20", "stats", "--by-goal"}));
  REQUIRE(json.size() == 2);
  CHECK(json[0]["goal"].as_string() == "Write a novel");
  CHECK(json[0]["big_goal"]["moved_days"].as_number() == 4);
  CHECK(json[0]["big_goal"]["current_run"].as_number() == 1);  // the 20th; the 19th did not move it
  CHECK(json[0]["big_goal"]["moved_today"].as_bool());
  CHECK(json[0]["steps"].size() == 2);
  CHECK(json[0]["steps"][1]["id"].as_string() == "write");
  CHECK(json[1]["goal"].is_null());
  CHECK(json[1]["big_goal"].is_null());
}

TEST_CASE("big goal: today, review and list group by it") {
  TempJournal j;
  journal(j);
  RunResult today = j.run({"--today", "2026-11-20", "today", "--by-goal"});
  REQUIRE(today.exit_code == 0);
  CHECK(today.out.rfind("Friday 20 November 2026\nWrite a novel: moved on 4 days; 7d 80%  30d 80%; 1 day in a row, "
                        "today too\n  [x] ",
                        0) == 0);
  Json t = json_of(j.run({"--json", "--today", "2026-11-20", "today", "--by-goal"}));
  CHECK(t["groups"][0]["steps"].size() == 2);
  CHECK(t["groups"][1]["steps"][0]["id"].as_string() == "floss");
  RunResult list = j.run({"--today", "2026-11-20", "list", "--by-goal"});
  CHECK(list.out ==
        "Write a novel\n"
        "  open   active    daily     Open the document\n"
        "  write  active    daily     Write one sentence  (after I pour my morning coffee)\n"
        "(no big goal)\n"
        "  floss  active    daily     Floss one tooth\n");
  Json l = json_of(j.run({"--json", "--today", "2026-11-20", "list", "--by-goal"}));
  CHECK(l[0]["goal"].as_string() == "Write a novel");
  CHECK(l[0]["steps"][0]["id"].as_string() == "open");
  RunResult review = j.run({"--today", "2026-11-22", "review", "--by-goal"});
  // On the 22nd the 21st is judged: both steps missed, so 4 of 6 and no run.
  CHECK(review.out.find("\nWrite a novel: moved on 4 days; 7d 67%  30d 67%\n  open: Open the document\n") !=
        std::string::npos);
  Json rv = json_of(j.run({"--json", "--today", "2026-11-22", "review", "--by-goal"}));
  CHECK(rv["groups"][0]["steps"].size() == 2);
  CHECK(rv["summary"]["goals"].as_number() == 3);
}

TEST_CASE("big goal: add --goal-of takes the big goal and the anchor of a step") {
  TempJournal j;
  journal(j);
  RunOptions now{.env = {{"MICROSTEP_NOW", "2026-11-22T08:00:00Z"}}};
  RunResult r = j.run({"add", "outline", "Write one line of the outline", "--goal-of", "write"}, now);
  CHECK(r.exit_code == 0);
  std::string file = j.read("goals/outline.yaml");
  CHECK(file.find("goal: Write a novel\n") != std::string::npos);
  CHECK(file.find("after: I pour my morning coffee\n") != std::string::npos);
  CHECK(j.run({"add", "edit", "Edit one line", "--goal-of", "floss"}, now).err ==
        "microstep: floss has no big goal (goal:) to share; give it one with: microstep set floss --goal TEXT\n");
  CHECK(j.run({"add", "x", "Read one page", "--goal-of", "write", "--goal", "Other"}, now).exit_code == 2);
  CHECK_FALSE(j.exists("goals/edit.yaml"));
}

}  // namespace microstep::test
