/// Tests of core/export: csv and json exports that read back as the same data, and the
/// iCalendar form (escaping, folding, recurrence rules).
#include "core/export.hpp"

#include <doctest/doctest.h>

#include <string>

#include "core/error.hpp"
#include "core/escape.hpp"
#include "builders.hpp"

namespace microstep {

using test::day;

namespace {

Goal goal_with(const std::string& id, const std::string& schedule, Day since) {
  Goal g;
  g.id = id;
  g.step = "Step of " + id;
  g.schedule_text = schedule;
  g.schedule = *parse_schedule(schedule);
  g.started = since;
  g.since = since;
  return g;
}

/// A goal using every field, with awkward text.
Goal rich_goal() {
  Goal g = goal_with("write-novel", "daily", day("2026-10-26"));
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
  g.history.push_back({day("2026-10-26"), "Write one word", "mon,wed,fri", *parse_schedule("mon,wed,fri"), 1,
                       "I wake up"});
  g.history.push_back({day("2026-11-01"), "Write, one line", "3/week", *parse_schedule("3/week"), std::nullopt, ""});
  return g;
}

std::vector<Event> rich_events() {
  Moment m1 = *parse_moment("2026-10-26T07:40:00+01:00");
  Moment m2 = *parse_moment("2026-10-27T23:59:59-05:30");
  return {
      {day("2026-10-26"), m1, EventKind::done, "write-novel", std::nullopt, "First sentence. \"Ha\", she said", ""},
      {day("2026-10-27"), m2, EventKind::done, "write-novel", 1234567.125, "two\nlines\tand a tab, \\ too", "I can"},
      {day("2026-10-27"), m2, EventKind::undo, "write-novel", std::nullopt, "", ""},
      {day("2026-10-28"), m1, EventKind::pause, "write-novel", std::nullopt, "holiday", ""},
      {day("2026-10-30"), m1, EventKind::resume, "write-novel", std::nullopt, "", ""},
      {day("2026-11-02"), m1, EventKind::skip, "write-novel", 0, "", ""},
  };
}

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
    if (!line.empty() && line[0] == ' ') lines.back() += line.substr(1);
    else lines.push_back(line);
  }
  return lines;
}

bool has_line(const std::vector<std::string>& lines, const std::string& wanted) {
  return std::find(lines.begin(), lines.end(), wanted) != lines.end();
}

}  // namespace

TEST_CASE("csv export reads back as the same goals and check-ins") {
  std::vector<Goal> goals{rich_goal(), goal_with("floss", "every 3 days", day("2026-11-01")),
                          goal_with("wake", "2 in 3 days", day("2026-11-01")),
                          goal_with("coffee", "tracking", day("2026-11-01"))};
  auto events = rich_events();
  std::string csv = export_csv(goals, events);
  CHECK(csv.starts_with("#microstep-export,1\n#goal,id,goal,step,"));
  ImportPlan plan = parse_export_csv(csv, "export.csv");
  CHECK(plan.goals == goals);
  CHECK(plan.events == events);
  CHECK(plan.not_carried.empty());
  CHECK(plan.approximations.empty());
}

TEST_CASE("json export reads back as the same goals and check-ins") {
  std::vector<Goal> goals{rich_goal(), goal_with("floss", "weekdays", day("2026-11-01")),
                          goal_with("wake", "2 in 3 days", day("2026-11-01")),
                          goal_with("coffee", "tracking", day("2026-11-01"))};
  auto events = rich_events();
  std::string json = export_json(goals, events);
  CHECK(json.starts_with("{\"format\":\"microstep-export\",\"version\":1,"));
  ImportPlan plan = parse_export_json(json, "export.json");
  CHECK(plan.goals == goals);
  CHECK(plan.events == events);
}

TEST_CASE("events_since keeps the check-ins from a day on") {
  auto events = rich_events();
  CHECK(events_since(events, std::nullopt).size() == events.size());
  auto kept = events_since(events, day("2026-10-28"));
  REQUIRE(kept.size() == 3);
  CHECK(kept[0].kind == EventKind::pause);
}

TEST_CASE("reading an export back: columns by name, and every problem named by line") {
  SUBCASE("columns in another order, unknown columns and record types") {
    std::string csv =
        "#microstep-export,1\n"
        "#goal,step,extra,id,started\n"
        "goal,Floss,whatever,floss,2026-11-01\n"
        "#event,goal,day,event\n"
        "event,floss,2026-11-02,done\n"
        "#future,x\n"
        "future,y\n";
    ImportPlan plan = parse_export_csv(csv, "e.csv");
    REQUIRE(plan.goals.size() == 1);
    CHECK(plan.goals[0].schedule_text == "daily");
    CHECK(plan.goals[0].since == day("2026-11-01"));
    REQUIRE(plan.events.size() == 1);
    CHECK(plan.events[0].written == import_moment(day("2026-11-02")));
    REQUIRE(plan.not_carried.size() == 1);
    CHECK(plan.not_carried[0].starts_with("e.csv:7: "));
  }
  auto error_of = [](auto&& parse) -> std::string {
    try {
      parse();
    } catch (const Failure& e) {
      CHECK(e.code() == ExitCode::data);
      return e.what();
    }
    return "no failure";
  };
  CHECK(error_of([] { parse_export_csv("Position,Name\n", "x.csv"); }).starts_with("x.csv:1: not a microstep csv export"));
  CHECK(error_of([] { parse_export_csv("#microstep-export,2\n", "x.csv"); }).starts_with("x.csv:1: export version"));
  std::string head = "#microstep-export,1\n#goal,id,step,started\n";
  CHECK(error_of([&] { parse_export_csv(head + "goal,floss,Floss,2026-02-30\n", "x.csv"); })
            .starts_with("x.csv:3: started '2026-02-30' is not a date"));
  CHECK(error_of([&] { parse_export_csv(head + "goal,Bad Id,Floss,2026-02-03\n", "x.csv"); })
            .starts_with("x.csv:3: goal id 'Bad Id'"));
  CHECK(error_of([&] { parse_export_csv(head + "goal,a,A,2026-02-03\ngoal,a,A,2026-02-03\n", "x.csv"); })
            .starts_with("x.csv:4: goal a comes twice"));
  CHECK(error_of([&] { parse_export_csv(head + "event,2026-02-03\n", "x.csv"); })
            .starts_with("x.csv:3: a event record before its #event header"));
  CHECK(error_of([&] {
          parse_export_csv(head + "goal,a,A,2026-02-03\n#event,day,event,goal,amount\nevent,2026-02-04,done,a,-1\n",
                           "x.csv");
        }).starts_with("x.csv:5: amount '-1'"));
  CHECK(error_of([&] {
          parse_export_csv(head + "#version,goal,from,step\nversion,nope,2026-01-01,x\n", "x.csv");
        }).starts_with("x.csv:4: a version of goal 'nope'"));
  CHECK(error_of([] { parse_export_json("{\"format\": \"other\"}", "x.json"); }).starts_with("x.json:1: not a microstep json export"));
  CHECK(error_of([] { parse_export_json("{\n\"format\": \"microstep-export\",\n\"version\": 1,\n\"goals\": [1,]}", "x.json"); })
            .starts_with("x.json:4: "));
  CHECK(error_of([] { parse_export_json("{\"format\":\"microstep-export\",\"format\":1}", "x.json"); })
            .find("comes twice") != std::string::npos);
  CHECK(error_of([] { parse_export_json("{\"format\":\"microstep-export\",\"version\":1,\"goals\":[{\"id\":\"\\ud800\"}]}", "x.json"); })
            .find("surrogate") != std::string::npos);
  CHECK(error_of([] { parse_export_json("{\"format\":\"microstep-export\",\"version\":1} x", "x.json"); })
            .find("after the JSON document") != std::string::npos);
}

TEST_CASE("json export: numbers with exponents and escapes read back") {
  std::string json =
      "{\"format\":\"microstep-export\",\"version\":1,\"goals\":[{\"id\":\"a\",\"step\":\"St\\u00e9p \\ud83d\\ude00\","
      "\"started\":\"2026-01-01\",\"minimum\":1e+09,\"history\":null}],\"events\":[{\"day\":\"2026-01-02\","
      "\"event\":\"done\",\"goal\":\"a\",\"amount\":2.5E1,\"note\":\"a\\/b\\n\"}]}";
  ImportPlan plan = parse_export_json(json, "x.json");
  REQUIRE(plan.goals.size() == 1);
  CHECK(plan.goals[0].step == "Stép 😀");
  CHECK(plan.goals[0].minimum == 1e9);
  REQUIRE(plan.events.size() == 1);
  CHECK(plan.events[0].amount == 25);
  CHECK(plan.events[0].note == "a/b\n");
}

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
    Goal g = goal_with("g", c.schedule, tuesday);
    CHECK(ics_rrule(g) == c.rrule);
    CHECK(format_day(ics_first_day(g)) == c.first);
  }
  Goal late = goal_with("g", "1/month", day("2026-01-31"));
  CHECK(ics_rrule(late) == "FREQ=MONTHLY;BYMONTHDAY=28");
  CHECK(format_day(ics_first_day(late)) == "2026-02-28");
  Goal monday = goal_with("g", "3/week", day("2026-11-02"));
  CHECK(ics_rrule(monday) == "FREQ=WEEKLY;BYDAY=MO,WE,FR");
}

TEST_CASE("ics: one VEVENT per active goal, CRLF everywhere, folded and escaped") {
  Goal timed = goal_with("write", "3/week", day("2026-11-02"));
  timed.step = "Write one sentence; then, maybe, another \\ one";
  timed.after = "I pour my morning coffee";
  timed.goal = "Write a novel\nwith two lines, and a very long description that must be folded somewhere";
  timed.at = "07:30";
  timed.minutes = 2.5;
  Goal allday = goal_with("floss", "daily", day("2026-11-01"));
  allday.after = "I brush my teeth";
  Goal paused = goal_with("paused", "daily", day("2026-11-01"));
  paused.status = GoalStatus::paused;
  Goal done = goal_with("done", "daily", day("2026-11-01"));
  done.status = GoalStatus::done;
  Goal tracked = goal_with("coffee", "tracking", day("2026-11-01"));  // never due: no event
  Goal rolling = goal_with("wake", "2 in 5 days", day("2026-11-01"));
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
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.starts_with("PRODID:-//microstep//"); }) == 1);
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
  CHECK(has_line(lines, "DESCRIPTION:After I brush my teeth\\, I will step of floss.\\nCheck in: microstep done floss"));
  auto description = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
    return l.starts_with("DESCRIPTION:After I pour my morning coffee");
  });
  REQUIRE(description != lines.end());
  CHECK(description->find("\\nGoal: Write a novel\\nwith two lines\\, and") != std::string::npos);
  CHECK(description->find("Any 3 days a week count\\;") != std::string::npos);
  CHECK(description->find('\n') == std::string::npos);
}

}  // namespace microstep
