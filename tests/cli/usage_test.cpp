// A command line that forgives: microstep alone, help, and unknown commands and options named
// with the nearest known one, all with exit 2 (usage) unless help was asked for.
#include <doctest/doctest.h>

#include "cli/harness.hpp"

namespace microstep::test {

namespace {

const std::string kShortUsage =
    "Usage: microstep [OPTIONS] COMMAND [ARGUMENTS]\n"
    "\n"
    "Commands:\n"
    "  init      Create a journal (goals/, checkins.log, microstep.yaml)\n"
    "  plan      Plan a new goal step by step, asking on a terminal\n"
    "  add       Add a goal with its micro-step\n"
    "  done      Check in: the step is done for the day\n"
    "  mood      How you feel, 1 (low) to 5 (high): moods follow action\n"
    "  skip      A planned rest day (illness, travel)\n"
    "  undo      Cancel a day's check-in (appends an undo event)\n"
    "  pause     Pause a goal from a day on\n"
    "  resume    Resume a paused goal from a day on\n"
    "  list      Goals with status, schedule, step and anchor\n"
    "  today     The steps due today, done ones marked\n"
    "  stats     Streaks, completion rates, strength, totals, suggestion\n"
    "  calendar  The chain: month grids for a goal, strips for all\n"
    "  chart     The last year's chain as an SVG picture, for a README\n"
    "  set       Change a goal from a day on (earlier days keep their version)\n"
    "  suggest   Make it smaller, ready to grow, or keep going\n"
    "  shrink    Make the step smaller (default: the suggested step)\n"
    "  grow      Grow the step by at most 10% (after 30 days at 90%)\n"
    "  review    The weekly review: per goal and in sum\n"
    "  share     The week in short, to send to an accountability partner\n"
    "  due       What is due today; exit 1 when something is, 0 when not\n"
    "  remind    One gentle line per step due now, once a day (for cron)\n"
    "  evidence  The truths you noticed (done --truth), with dates\n"
    "  log       The check-in events, one a line, oldest first\n"
    "  import    Import goals and check-ins: Loop Habit Tracker, harsh, csv or json\n"
    "  export    Export goals and check-ins (csv, json) or a calendar (ics)\n"
    "  edit      Edit a goal file in $VISUAL or $EDITOR; an invalid result is refused\n"
    "  check     Check the whole journal and report every problem (exit 3 if any)\n"
    "  help      The help of microstep, or of one command\n"
    "\n"
    "More: 'microstep help COMMAND' (its arguments and options), 'microstep --help'\n"
    "(the global options too) and 'man microstep' (everything).\n";

void check_usage_error(const RunResult& r, const std::string& err) {
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err == err);
}

}  // namespace

TEST_CASE("microstep alone prints the commands, one line each, and exits 2") {
  check_usage_error(run_microstep({}), kShortUsage);
  // Global options but no command: the same.
  check_usage_error(run_microstep({"--json", "--today", "2026-11-22"}), kShortUsage);
  for (const auto& line : lines_of(kShortUsage)) CHECK(line.size() <= 80);
}

TEST_CASE("help and help COMMAND print what --help prints, and exit 0") {
  RunResult all = run_microstep({"help"});
  CHECK(all.exit_code == 0);
  CHECK(all.err == "");
  CHECK(all.out == run_microstep({"--help"}).out);
  CHECK(
      all.out.starts_with("microstep: change your life one ridiculously small step at a time\n"
                          "Usage: microstep [OPTIONS] SUBCOMMAND\n"));
  RunResult add = run_microstep({"help", "add"});
  CHECK(add.exit_code == 0);
  CHECK(add.out == run_microstep({"add", "--help"}).out);
  CHECK(add.out.starts_with(
      "Add a goal with its micro-step\nUsage: microstep add [OPTIONS] ID [STEP]\n"));
  CHECK(run_microstep({"help", "help"})
            .out.starts_with("The help of microstep, or of one command\nUsage: microstep help "
                             "[OPTIONS] [COMMAND]\n"));
  check_usage_error(run_microstep({"help", "stast"}),
                    "microstep: unknown command 'stast'; did you mean 'stats'?\n"
                    "Run 'microstep help' for the commands.\n");
}

TEST_CASE("an unknown command names the nearest one") {
  check_usage_error(run_microstep({"stast"}),
                    "microstep: unknown command 'stast'; did you mean 'stats'?\n"
                    "Run 'microstep help' for the commands.\n");
  check_usage_error(run_microstep({"--dir", "/nonexistent", "calender", "floss"}),
                    "microstep: unknown command 'calender'; did you mean 'calendar'?\n"
                    "Run 'microstep help' for the commands.\n");
  check_usage_error(run_microstep({"imp", "csv", "-"}),
                    "microstep: unknown command 'imp'; did you mean 'import'?\n"
                    "Run 'microstep help' for the commands.\n");
  check_usage_error(run_microstep({"frobnicate"}),
                    "microstep: unknown command 'frobnicate'\n"
                    "Run 'microstep help' for the commands.\n");
}

TEST_CASE("an unknown option names the nearest one of its command, or a global one") {
  TempJournal j;
  REQUIRE(j.run({"init"}).exit_code == 0);
  check_usage_error(j.run({"add", "--schedule", "daily", "read", "Read one page"}),
                    "microstep: unknown option '--schedule'; did you mean '--every'?\n"
                    "Run 'microstep help add' for its options.\n");
  CHECK_FALSE(j.exists("goals/read.yaml"));
  // After a value that looks like an option: -3 is three days ago.
  check_usage_error(j.run({"done", "read", "--date", "-3", "--nte", "tired"}),
                    "microstep: unknown option '--nte'; did you mean '--note'?\n"
                    "Run 'microstep help done' for its options.\n");
  check_usage_error(j.run({"calendar", "--week=4"}),
                    "microstep: unknown option '--week'; did you mean '--weeks'?\n"
                    "Run 'microstep help calendar' for its options.\n");
  check_usage_error(j.run({"list", "--jsn"}),
                    "microstep: unknown option '--jsn'; did you mean '--json'?\n"
                    "Run 'microstep help list' for its options.\n");
  check_usage_error(j.run({"--colour", "never", "list"}),
                    "microstep: unknown option '--colour'; did you mean '--color'?\n"
                    "Run 'microstep --help' for the options.\n");
  check_usage_error(j.run({"list", "--frobnicate"}),
                    "microstep: unknown option '--frobnicate'\n"
                    "Run 'microstep help list' for its options.\n");
  CHECK(j.read("checkins.log") == "");
}

TEST_CASE("other usage errors keep their message and name the command's help") {
  check_usage_error(run_microstep({"today", "extra"}),
                    "microstep: The following argument was not expected: extra\n"
                    "Run 'microstep help today' for its arguments and options.\n");
  check_usage_error(run_microstep({"add"}),
                    "microstep: ID is required\n"
                    "Run 'microstep help add' for its arguments and options.\n");
}

}  // namespace microstep::test
