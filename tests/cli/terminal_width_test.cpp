// Text output fits the terminal: calendar strips take as many weeks as fit, and long coaching
// lines wrap at spaces, at $COLUMNS, else the terminal's width, else 80 columns.
#include <doctest/doctest.h>

#include "cli/harness.hpp"

namespace microstep::test {

namespace {

const std::string kExamples = std::string(MICROSTEP_SOURCE_DIR) + "/examples/journal";

RunOptions columns(const std::string& n) { return {.env = {{"COLUMNS", n}}}; }

RunResult calendar(const RunOptions& options = {}, std::vector<std::string> more = {}) {
  std::vector<std::string> args{"--dir", kExamples, "--today", "2026-11-22", "calendar", "--ascii"};
  args.insert(args.end(), more.begin(), more.end());
  return run_microstep(args, options);
}

/// A goal whose intention and suggestion are longer than a line.
void long_goal(const TempJournal& j) {
  REQUIRE(j.run({"init"}).exit_code == 0);
  REQUIRE(
      j.run({"--today", "2026-11-16", "add", "read", "Read for 30 minutes before going to sleep",
             "--after", "I brush my teeth at night and put on my pyjamas"})
          .exit_code == 0);
  for (const char* day : {"2026-11-16", "2026-11-17"})
    REQUIRE(j.run({"--today", day, "done", "read"}).exit_code == 0);
}

}  // namespace

TEST_CASE("calendar strips: as many weeks as fit in 80 columns, up to 12") {
  // 12 weeks beside "write-novel" take 108 columns; 8 fit in 80.
  RunResult r = calendar();
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "             Sep 28                          Oct 26\n"
        "floss                                              X XXXXXXX X.XXXXX X-XXXX?\n"
        "guitar                                               X XX    .X.X... X XX X\n"
        "run                                          X X X   X . .+  X X X   X X X\n"
        "write-novel                                  XXXXXXX XXX..XX XXXXXXX XXXXXX?\n"
        "\n"
        "X done  + done, unscheduled  ~ below the minimum  . missed  - rest (skip/pause)\n"
        "? open today  [ ] today\n");
  for (const auto& line : lines_of(r.out)) CHECK(line.size() <= 80);
}

TEST_CASE("calendar strips follow COLUMNS, and --weeks is taken as asked") {
  CHECK(calendar(columns("40")).out ==
        "             Nov 2\n"
        "floss        XXXXXXX X.XXXXX X-XXXX?\n"
        "guitar       X XX    .X.X... X XX X\n"
        "run          X . .+  X X X   X X X\n"
        "write-novel  XXX..XX XXXXXXX XXXXXX?\n"
        "\n"
        "X done  + done, unscheduled\n"
        "~ below the minimum  . missed\n"
        "- rest (skip/pause)  ? open today\n"
        "[ ] today\n");
  // Wide enough for the 12 weeks of the default, and no more.
  for (const char* width : {"108", "200"}) {
    auto lines = lines_of(calendar(columns(width)).out);
    if (std::string(width) == "108") continue;  // the legend takes two lines there
    REQUIRE(lines.size() == 7);
    CHECK(lines[4] ==
          "write-novel                                                                  "
          "XXXXXXX XXX..XX XXXXXXX XXXXXX?");
    CHECK(lines[6] ==
          "X done  + done, unscheduled  ~ below the minimum  . missed  - rest (skip/pause)  ? open today  [ ] today");
  }
  CHECK(lines_of(calendar(columns("107")).out)[4].size() == 13 + 11 * 8 - 1);  // 11 weeks
  // Too narrow for a week: one week all the same.
  CHECK(lines_of(calendar(columns("10")).out)[4] == "write-novel  XXXXXX?");
  // Asked for: 12 weeks at any width.
  CHECK(lines_of(calendar({}, {"--weeks", "12"}).out)[4].size() == 13 + 12 * 8 - 1);
}

TEST_CASE("COLUMNS that is not a positive number is ignored: 80 columns") {
  for (const char* bad : {"", "abc", "0", "-5", "80x"})
    CHECK_MESSAGE(calendar(columns(bad)).out == calendar().out, "COLUMNS=" << bad);
}

TEST_CASE("without COLUMNS, the terminal's own width (a pseudo-terminal 50 columns wide)") {
  std::string command = "stty cols 50 && '" + std::string(MICROSTEP_BINARY) + "' --dir '" +
                        kExamples + "' --today 2026-11-22 --color never calendar --ascii";
  RunResult r = run_program("script", {"-qec", command, "/dev/null"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "             Oct 26\r\n"
        "floss              X XXXXXXX X.XXXXX X-XXXX?\r\n"
        "guitar               X XX    .X.X... X XX X\r\n"
        "run          X X X   X . .+  X X X   X X X\r\n"
        "write-novel  XXXXXXX XXX..XX XXXXXXX XXXXXX?\r\n"
        "\r\n"
        "X done  + done, unscheduled  ~ below the minimum\r\n"
        ". missed  - rest (skip/pause)  ? open today\r\n"
        "[ ] today\r\n");
}

TEST_CASE("long intentions and coaching lines wrap at spaces, never inside a word") {
  TempJournal j;
  long_goal(j);
  CHECK(j.run({"--today", "2026-11-22", "today"}).out ==
        "Sunday 22 November 2026\n"
        "  [ ] After I brush my teeth at night and put on my pyjamas, I will read for 30\n"
        "      minutes before going to sleep.\n"
        "      read: chain broken 1 day ago: today is a fresh start\n"
        "      Day 7 of this step: review day (see: microstep review)\n");
  CHECK(j.run({"--today", "2026-11-22", "today"}, columns("60")).out ==
        "Sunday 22 November 2026\n"
        "  [ ] After I brush my teeth at night and put on my pyjamas,\n"
        "      I will read for 30 minutes before going to sleep.\n"
        "      read: chain broken 1 day ago: today is a fresh start\n"
        "      Day 7 of this step: review day (see: microstep review)\n");
  CHECK(j.run({"--today", "2026-11-22", "review"}).out ==
        "Week of 2026-11-16 to 2026-11-22 (so far)\n"
        "\n"
        "read: Read for 30 minutes before going to sleep\n"
        "  First week: 2 of 6 scheduled days done, today still open\n"
        "  2 of 6 scheduled days done so far: below 5 of 7; today is still open\n"
        "  missed on wed thu fri sat\n"
        "  below 5 of 7: 2 of 6 scheduled days done so far\n"
        "  Make it smaller: \"Read for 2 minutes before going to sleep\" (missed in a row:\n"
        "    the last 4 scheduled days were missed in a row)\n"
        "  Two minutes is enough to start, and more is welcome (the 2-minute rule). Take\n"
        "    it with: microstep shrink read\n"
        "\n"
        "Summary: 0 of 1 goal on track, 2 check-ins so far this week. Where a step did\n"
        "  not happen, make it smaller: that is the plan working, not failing.\n");
  // A JSON form is never wrapped.
  RunResult json = j.run({"--json", "--today", "2026-11-22", "suggest"}, columns("20"));
  CHECK(json.out.find("\"Read for 2 minutes before going to sleep\"") != std::string::npos);
}

}  // namespace microstep::test
