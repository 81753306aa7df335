/// Tests of core/render/calendar: the don't-break-the-chain month grids and heatmap strips.
#include "core/render/calendar.hpp"
#include "unit/builders.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace microstep {

using test::day;
using test::marks_of;

namespace {

Goal goal_with(const char* id, const char* started, const char* schedule) {
  Goal g = test::goal_with(started, schedule);
  g.id = id;
  return g;
}


const CalendarStyle kAscii{false, false};

std::string spaces(size_t n) { return std::string(n, ' '); }

/// The lines of `text`, without their newlines.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

constexpr auto done = EventKind::done, skip = EventKind::skip;

}  // namespace

TEST_CASE("calendar: the mark of each day state") {
  CHECK(day_mark(DayState::done, kAscii) == "X");
  CHECK(day_mark(DayState::done_unscheduled, kAscii) == "+");
  CHECK(day_mark(DayState::missed, kAscii) == ".");
  CHECK(day_mark(DayState::rest, kAscii) == "-");
  CHECK(day_mark(DayState::open, kAscii) == "?");
  CHECK(day_mark(DayState::unscheduled, kAscii) == " ");
  CHECK(day_mark(DayState::before_start, kAscii) == " ");
  // Unicode marks: all different from one another, and from the blank of the two blank states.
  CalendarStyle unicode{true, false};
  std::vector<std::string> seen;
  for (DayState s : {DayState::done, DayState::done_unscheduled, DayState::missed, DayState::rest, DayState::open}) {
    std::string mark = day_mark(s, unicode);
    CHECK_FALSE(mark.empty());
    CHECK(mark != " ");
    for (const auto& other : seen) CHECK(mark != other);
    seen.push_back(mark);
  }
  CHECK(day_mark(DayState::unscheduled, unicode) == " ");
}

TEST_CASE("calendar: colors wrap the marks that have one and nothing else") {
  CalendarStyle color{false, true};
  std::string done_mark = day_mark(DayState::done, color);
  CHECK(done_mark.starts_with("\033["));
  CHECK(done_mark.find('X') != std::string::npos);
  CHECK(done_mark.ends_with("\033[0m"));
  CHECK(day_mark(DayState::missed, color) != day_mark(DayState::missed, kAscii));
  // A blank day stays one plain space, so that columns line up.
  CHECK(day_mark(DayState::unscheduled, color) == " ");
  CHECK(day_mark(DayState::before_start, color) == " ");
}

TEST_CASE("calendar: one month - weeks from Monday - today in brackets") {
  // November 2026: the 1st is a Sunday, the 30th a Monday. The goal starts on the 3rd: done
  // on the 3rd, missed on the 4th, the 5th (today) open. Each day is 5 columns wide:
  // " dd" + mark + " ", or "[dd" + mark + "]" for today; lines lose their trailing spaces.
  Goal g = goal_with("g", "2026-11-03", "daily");
  DayMarks m = marks_of({{"2026-11-03", done}});
  Chain chain(g, m, day("2026-11-05"), 0);
  std::string expected =
      spaces(11) + "November 2026\n" +  // 13 characters centred in 35: 11 spaces before
      "  Mo   Tu   We   Th   Fr   Sa   Su\n" +
      spaces(6 * 5) + "  1\n" +  // six blank days of October, then Sunday the 1st
      "  2    3X   4. [ 5?]  6    7    8\n" +
      "  9   10   11   12   13   14   15\n" +
      " 16   17   18   19   20   21   22\n" +
      " 23   24   25   26   27   28   29\n" +
      " 30\n";
  CHECK(month_grids(chain, 1, kAscii) == expected);
}

TEST_CASE("calendar: weeks may start on Sunday") {
  // With week_starts sunday, Sunday 1 November opens the first line and Saturdays close them.
  Goal g = goal_with("g", "2026-11-01", "mon,wed,fri");
  DayMarks m = marks_of({{"2026-11-02", done}, {"2026-11-03", done}, {"2026-11-06", skip}});
  Chain chain(g, m, day("2026-11-09"), 6);
  std::vector<std::string> lines = lines_of(month_grids(chain, 1, kAscii));
  REQUIRE(lines.size() == 7);
  CHECK(lines[1] == "  Su   Mo   Tu   We   Th   Fr   Sa");
  // Mon 2 done, Tue 3 done though not asked (+), Wed 4 missed, Fri 6 skipped (rest).
  CHECK(lines[2] == "  1    2X   3+   4.   5    6-   7");
  CHECK(lines[3] == "  8  [ 9?] 10   11   12   13   14");  // Sunday 8 not asked; Monday 9 today
  CHECK(lines[6] == " 29   30");
}

TEST_CASE("calendar: several months end with today's month") {
  // Three months back from January 2027: November, December, January, a blank line between.
  Goal g = goal_with("g", "2026-12-30", "daily");
  DayMarks m = marks_of({{"2026-12-30", done}, {"2026-12-31", done}});
  Chain chain(g, m, day("2027-01-01"), 0);
  std::string grids = month_grids(chain, 3, kAscii);
  size_t nov = grids.find("November 2026"), dec = grids.find("December 2026"), jan = grids.find("January 2027");
  REQUIRE(nov != std::string::npos);
  REQUIRE(dec != std::string::npos);
  REQUIRE(jan != std::string::npos);
  CHECK(nov < dec);
  CHECK(dec < jan);
  CHECK(grids.find("October") == std::string::npos);
  CHECK(grids.find("\n\n" + spaces(11) + "December 2026\n") != std::string::npos);
  // 30 and 31 December done; 1 January 2027 (a Friday) is today and open.
  CHECK(grids.find(" 28   29   30X  31X") != std::string::npos);
  CHECK(grids.find("\n" + spaces(20) + "[ 1?]  2    3\n") != std::string::npos);
}

TEST_CASE("calendar: a heatmap strip per goal - a space between weeks") {
  // Two weeks ending Wednesday 2026-11-18: from Monday 11-09 to today, weeks from Monday.
  Goal write = goal_with("write", "2026-11-01", "daily");
  DayMarks write_marks = marks_of({{"2026-11-09", done}, {"2026-11-10", done}, {"2026-11-12", done},
                                   {"2026-11-13", skip}, {"2026-11-14", done}, {"2026-11-15", done},
                                   {"2026-11-16", done}});
  Goal gym = goal_with("gym", "2026-11-11", "mon,wed,fri");
  DayMarks gym_marks = marks_of({{"2026-11-11", done}, {"2026-11-16", done}, {"2026-11-17", done}});
  Chain a(write, write_marks, day("2026-11-18"), 0);
  Chain b(gym, gym_marks, day("2026-11-18"), 0);
  std::vector<std::string> lines = lines_of(heatmap_strips({&a, &b}, 2, kAscii));
  REQUIRE(lines.size() == 3);
  // Ids are padded to the longest (5, "write") plus 2; the header names the first Monday.
  CHECK(lines[0] == spaces(7) + "Nov 9");
  // write: 9 X, 10 X, 11 missed, 12 X, 13 rest, 14 X, 15 X | 16 X, 17 missed, 18 open.
  CHECK(lines[1] == "write  XX.X-XX X.?");
  // gym: 9 and 10 before the start, Wed 11 X, Thu 12 blank, Fri 13 missed, the weekend blank |
  // Mon 16 X, Tue 17 done though not asked, Wed 18 open.
  CHECK(lines[2] == "gym    " + std::string("  X .  ") + " " + "X+?");
  CHECK(heatmap_strips({}, 4, kAscii).empty());
}

TEST_CASE("calendar: as many weeks of strips as fit beside the ids, from 1 to the most asked") {
  Goal write = goal_with("write", "2026-11-01", "daily");
  Goal novel = goal_with("write-novel", "2026-11-01", "daily");
  DayMarks none;
  Chain short_id(write, none, day("2026-11-18"), 0);
  Chain long_id(novel, none, day("2026-11-18"), 0);
  // "write" + 2 spaces, then 8 columns a week but the last, which has no space after it.
  CHECK(strip_weeks_that_fit({&short_id}, 7 + 12 * 8 - 1, 12) == 12);
  CHECK(strip_weeks_that_fit({&short_id}, 7 + 12 * 8 - 2, 12) == 11);
  CHECK(strip_weeks_that_fit({&short_id}, 200, 12) == 12);
  CHECK(strip_weeks_that_fit({&short_id, &long_id}, 80, 12) == 8);  // 13 + 63 = 76 columns
  CHECK(strip_weeks_that_fit({&short_id, &long_id}, 83, 12) == 8);
  CHECK(strip_weeks_that_fit({&short_id, &long_id}, 84, 12) == 9);
  CHECK(strip_weeks_that_fit({&long_id}, 10, 12) == 1);
  CHECK(strip_weeks_that_fit({&long_id}, 0, 12) == 1);
  // Ids shorter than 4 letters take 4, as heatmap_strips pads them.
  Goal gym = goal_with("gym", "2026-11-01", "daily");
  Chain tiny_id(gym, none, day("2026-11-18"), 0);
  CHECK(strip_weeks_that_fit({&tiny_id}, 6 + 2 * 8 - 1, 12) == 2);
  CHECK(strip_weeks_that_fit({}, 80, 12) == 9);
}

TEST_CASE("calendar: the legend is broken between its items to fit a width") {
  CHECK(calendar_legend(kAscii) ==
        "X done  + done, unscheduled  ~ below the minimum  . missed  - rest (skip/pause)  ? open today  [ ] today\n");
  CHECK(calendar_legend(kAscii, 104) ==
        "X done  + done, unscheduled  ~ below the minimum  . missed  - rest (skip/pause)  ? open today  [ ] today\n");
  CHECK(calendar_legend(kAscii, 103) ==
        "X done  + done, unscheduled  ~ below the minimum  . missed  - rest (skip/pause)  ? open today\n[ ] today\n");
  CHECK(calendar_legend(kAscii, 40) ==
        "X done  + done, unscheduled\n~ below the minimum  . missed\n- rest (skip/pause)  ? open today\n[ ] today\n");
  // Each item whole on its own line when nothing else fits; the width counts characters.
  CHECK(lines_of(calendar_legend(CalendarStyle{true, false}, 1)).size() == 7);
  CHECK(calendar_legend(CalendarStyle{true, false}, 104) ==
        "\u25A0 done  \u25AA done, unscheduled  \u25D0 below the minimum  \u00B7 missed  \u25CB rest (skip/pause)  "
        "\u25A1 open today  [ ] today\n");
}

TEST_CASE("calendar: the legend explains every mark it uses") {
  for (CalendarStyle style : {kAscii, CalendarStyle{true, false}}) {
    std::string legend = calendar_legend(style);
    CHECK(legend.ends_with("\n"));
    CHECK(legend.find(day_mark(DayState::done, style) + " done") != std::string::npos);
    CHECK(legend.find(day_mark(DayState::done_unscheduled, style) + " done, unscheduled") != std::string::npos);
    CHECK(legend.find(day_mark(DayState::missed, style) + " missed") != std::string::npos);
    CHECK(legend.find(day_mark(DayState::rest, style) + " rest") != std::string::npos);
    CHECK(legend.find(day_mark(DayState::open, style) + " open today") != std::string::npos);
  }
}

}  // namespace microstep
