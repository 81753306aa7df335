/// Tests of core/interop/export_ics: the iCalendar form (escaping, folding, recurrence rules).
#include "core/interop/export_ics.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/base/escape.hpp"
#include "unit/interop/export_samples.hpp"

namespace microstep {

using test::day;
using test::export_goal_with;

namespace {

std::vector<std::string> physical_lines(const std::string& ics) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < ics.size()) {
    size_t end = ics.find("\r\n", start);
    REQUIRE(end != std::string::npos);  // every line ends in CRLF
    lines.push_back(ics.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

/// Undoes the folding: the logical content lines.
std::vector<std::string> unfolded(const std::string& ics) {
  std::vector<std::string> lines;
  for (const auto& line : physical_lines(ics)) {
    if (!line.empty() && line[0] == ' ')
      lines.back() += line.substr(1);
    else
      lines.push_back(line);
  }
  return lines;
}

bool has_line(const std::vector<std::string>& lines, const std::string& wanted) {
  return std::find(lines.begin(), lines.end(), wanted) != lines.end();
}

}  // namespace

TEST_CASE("ics: TEXT escaping of backslash, semicolon, comma and newlines") {
  CHECK(ics_escape_text("plain text") == "plain text");
  CHECK(ics_escape_text("a,b;c\\d") == "a\\,b\\;c\\\\d");
  CHECK(ics_escape_text("one\ntwo\r\nthree\rfour") == "one\\ntwo\\nthree\\nfour");
  CHECK(ics_escape_text("tab\there, bell\x07") == "tab\there\\, bell ");
  CHECK(ics_escape_text("ünï ✓") == "ünï ✓");
}

TEST_CASE("ics: lines fold at 75 octets without splitting UTF-8 characters") {
  CHECK(ics_fold_line("SUMMARY:short") == "SUMMARY:short\r\n");
  std::string exact = "X:" + std::string(73, 'a');
  CHECK(ics_fold_line(exact) == exact + "\r\n");
  for (std::string line : {"DESCRIPTION:" + std::string(300, 'x'), "SUMMARY:" + [] {
                             std::string s;
                             for (int i = 0; i < 100; ++i) s += "é✓😀";
                             return s;
                           }()}) {
    std::string folded = ics_fold_line(line);
    auto lines = physical_lines(folded);
    REQUIRE(lines.size() > 1);
    std::string back;
    for (size_t i = 0; i < lines.size(); ++i) {
      CAPTURE(i);
      CHECK(lines[i].size() <= 75);
      CHECK(is_valid_utf8(lines[i]));
      if (i > 0) {
        REQUIRE(!lines[i].empty());
        CHECK(lines[i][0] == ' ');
        back += lines[i].substr(1);
      } else {
        back += lines[i];
      }
    }
    CHECK(back == line);
  }
}

TEST_CASE("ics: recurrence rules and first days for each kind of schedule") {
  Day tuesday = day("2026-11-03");
  struct Case {
    const char* schedule;
    const char* rrule;
    const char* first;
  };
  for (Case c : {Case{"daily", "FREQ=DAILY", "2026-11-03"},
                 Case{"weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-03"},
                 Case{"weekends", "FREQ=WEEKLY;BYDAY=SA,SU", "2026-11-07"},
                 Case{"mon,wed,fri", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-11-04"},
                 Case{"every 3 days", "FREQ=DAILY;INTERVAL=3", "2026-11-03"},
                 Case{"3/week", "FREQ=WEEKLY;BYDAY=TU,TH,SA", "2026-11-03"},
                 Case{"1/week", "FREQ=WEEKLY;BYDAY=TU", "2026-11-03"},
                 Case{"7/week", "FREQ=DAILY", "2026-11-03"},
                 Case{"2/month", "FREQ=MONTHLY;BYMONTHDAY=3,17", "2026-11-03"},
                 Case{"monthly", "FREQ=MONTHLY;BYMONTHDAY=3", "2026-11-03"},
                 // K in N days: one day every N/K days (rounded down) keeps every window.
                 Case{"2 in 3 days", "FREQ=DAILY", "2026-11-03"},
                 Case{"3 in 7 days", "FREQ=DAILY;INTERVAL=2", "2026-11-03"},
                 Case{"1 in 4 days", "FREQ=DAILY;INTERVAL=4", "2026-11-03"}}) {
    CAPTURE(c.schedule);
    Goal g = export_goal_with("g", c.schedule, tuesday);
    CHECK(ics_rrule(g) == c.rrule);
    CHECK(format_day(ics_first_day(g)) == c.first);
  }
  Goal late = export_goal_with("g", "1/month", day("2026-01-31"));
  CHECK(ics_rrule(late) == "FREQ=MONTHLY;BYMONTHDAY=28");
  CHECK(format_day(ics_first_day(late)) == "2026-02-28");
  Goal monday = export_goal_with("g", "3/week", day("2026-11-02"));
  CHECK(ics_rrule(monday) == "FREQ=WEEKLY;BYDAY=MO,WE,FR");
}

TEST_CASE("ics: one VEVENT per active goal, CRLF everywhere, folded and escaped") {
  Goal timed = export_goal_with("write", "3/week", day("2026-11-02"));
  timed.step = "Write one sentence; then, maybe, another \\ one";
  timed.after = "I pour my morning coffee";
  timed.goal =
      "Write a novel\nwith two lines, and a very long description that must be folded somewhere";
  timed.at = "07:30";
  timed.minutes = 2.5;
  Goal allday = export_goal_with("floss", "daily", day("2026-11-01"));
  allday.after = "I brush my teeth";
  Goal paused = export_goal_with("paused", "daily", day("2026-11-01"));
  paused.status = GoalStatus::paused;
  Goal done = export_goal_with("done", "daily", day("2026-11-01"));
  done.status = GoalStatus::done;
  Goal tracked = export_goal_with("coffee", "tracking", day("2026-11-01"));  // never due: no event
  Goal rolling = export_goal_with("wake", "2 in 5 days", day("2026-11-01"));
  Moment stamp = *parse_moment("2026-11-22T09:05:03+01:00");
  std::string ics = export_ics({timed, allday, paused, done, tracked, rolling}, stamp);

  CHECK(ics.find('\n') == ics.find("\r\n") + 1);
  for (size_t i = 0; i < ics.size(); ++i)
    if (ics[i] == '\n') REQUIRE(ics[i - 1] == '\r');
  for (const auto& line : physical_lines(ics)) CHECK(line.size() <= 75);

  auto lines = unfolded(ics);
  CHECK(lines.front() == "BEGIN:VCALENDAR");
  CHECK(lines.back() == "END:VCALENDAR");
  CHECK(has_line(lines, "VERSION:2.0"));
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
          return l.starts_with("PRODID:-//microstep//");
        }) == 1);
  CHECK(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT") == 3);
  CHECK(std::count(lines.begin(), lines.end(), "END:VEVENT") == 3);
  CHECK_FALSE(has_line(lines, "UID:coffee@microstep"));
  CHECK(has_line(lines, "RRULE:FREQ=DAILY;INTERVAL=2"));
  CHECK(has_line(lines, "DESCRIPTION:I will step of wake.\\nAny 2 days in 5 days in a row count\\; the days "
                        "in this calendar are suggestions.\\nCheck in: microstep done wake"));
  CHECK(has_line(lines, "UID:write@microstep"));
  CHECK(has_line(lines, "UID:floss@microstep"));
  CHECK_FALSE(has_line(lines, "UID:paused@microstep"));
  CHECK(std::count(lines.begin(), lines.end(), "DTSTAMP:20261122T080503Z") == 3);
  CHECK(has_line(lines, "DTSTART:20261102T073000"));
  CHECK(has_line(lines, "DURATION:PT3M"));
  CHECK(has_line(lines, "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR"));
  CHECK(has_line(lines, "SUMMARY:Write one sentence\\; then\\, maybe\\, another \\\\ one"));
  CHECK(has_line(lines, "DTSTART;VALUE=DATE:20261101"));
  CHECK(has_line(lines, "RRULE:FREQ=DAILY"));
  CHECK(has_line(lines, "SUMMARY:Step of floss"));
  CHECK(has_line(lines,
                 "DESCRIPTION:After I brush my teeth\\, I will step of floss.\\nCheck in: "
                 "microstep done floss"));
  auto description = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
    return l.starts_with("DESCRIPTION:After I pour my morning coffee");
  });
  REQUIRE(description != lines.end());
  CHECK(description->find("\\nGoal: Write a novel\\nwith two lines\\, and") != std::string::npos);
  CHECK(description->find("Any 3 days a week count\\;") != std::string::npos);
  CHECK(description->find('\n') == std::string::npos);
}

}  // namespace microstep
