#include <doctest/doctest.h>

#include <map>
#include <regex>

#include "core/render/chart_svg.hpp"
#include "core/judge/stats.hpp"
#include "unit/builders.hpp"

namespace microstep {

using test::day;
using test::marks_of;

namespace {

Goal goal_with(const char* started, const char* schedule = "daily") {
  Goal g = test::goal_with(started, schedule);
  g.goal = "Write a novel";
  return g;
}

EventView event(Day on, EventKind kind = EventKind::done) {
  EventView e;
  e.day = on;
  e.written = Moment{date::sys_seconds{on} + std::chrono::hours{8}, {}};
  e.kind = kind;
  e.goal = "g";
  return e;
}


size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

/// The class attribute of every day cell, in document order.
std::vector<std::string> day_classes(const std::string& svg) {
  std::vector<std::string> classes;
  std::regex cell("<rect class=\"day ([a-z ]+)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), cell); it != std::sregex_iterator(); ++it)
    classes.push_back((*it)[1]);
  return classes;
}

/// The points of every rate polyline, as (x, y) pairs.
std::vector<std::vector<std::pair<double, double>>> rate_lines(const std::string& svg) {
  std::vector<std::vector<std::pair<double, double>>> lines;
  std::regex line("<polyline class=\"rate\" points=\"([0-9., ]+)\"");
  std::regex point("([0-9.]+),([0-9.]+)");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), line); it != std::sregex_iterator(); ++it) {
    std::string points = (*it)[1];
    auto& l = lines.emplace_back();
    for (auto p = std::sregex_iterator(points.begin(), points.end(), point); p != std::sregex_iterator(); ++p)
      l.emplace_back(std::stod((*p)[1]), std::stod((*p)[2]));
  }
  return lines;
}

}  // namespace

TEST_CASE("chart_series: a year of day states and weekly 30-day rates that agree with stats") {
  // Started long ago; done every day except each Wednesday (missed) and one skip.
  Goal g = goal_with("2025-01-01");
  Day today = day("2026-11-22");  // a Sunday
  std::vector<EventView> events;
  for (Day d = g.started; d <= today; d += date::days{1}) {
    if (d == day("2026-11-20")) events.push_back(event(d, EventKind::skip));
    else if (iso_weekday_index(d) != 2) events.push_back(event(d));
  }
  DayMarks m = marks_of(events);
  Chain chain(g, m, today, 0);
  ChartSeries s = chart_series(chain);

  CHECK(s.first == day("2025-11-17"));  // the Monday 52 weeks before today's week
  CHECK(s.states.size() == 52 * 7 + 7);
  CHECK(s.rates.size() == 53);
  CHECK(s.rates.back().day == today);
  CHECK(s.rates.front().day == day("2025-11-23"));
  REQUIRE(s.rates.back().rate);
  CHECK(*s.rates.back().rate == doctest::Approx(*compute_stats(chain).rate_30));
  CHECK(*s.rates[10].rate ==
        doctest::Approx(*completion_rate_between(chain, s.rates[10].day - date::days{29}, s.rates[10].day)));
  CHECK(s.states.back() == DayState::done);
  CHECK(s.states[s.states.size() - 3] == DayState::rest);   // Friday the 20th
  CHECK(s.states[s.states.size() - 5] == DayState::missed); // Wednesday the 18th
  long done = 0;
  for (DayState st : s.states) done += st == DayState::done;
  CHECK(s.done_days == done);
  CHECK(done == 371 - 53 - 1);  // 53 Wednesdays and the skip
}

TEST_CASE("chart_series: a goal younger than the year with weeks starting on Sunday") {
  Goal g = goal_with("2026-11-16", "mon,wed,fri");
  Day today = day("2026-11-19");  // a Thursday
  DayMarks m = marks_of({event(day("2026-11-16")), event(day("2026-11-17"))});
  Chain chain(g, m, today, 6);
  ChartSeries s = chart_series(chain);
  CHECK(s.first == day("2025-11-16"));  // a Sunday
  CHECK(s.states.size() == 52 * 7 + 5);  // Sunday to Thursday of this week
  CHECK(s.states.front() == DayState::before_start);
  size_t n = s.states.size();
  CHECK(s.states[n - 4] == DayState::done);              // Mon 16
  CHECK(s.states[n - 3] == DayState::done_unscheduled);  // Tue 17
  CHECK(s.states[n - 2] == DayState::missed);            // Wed 18
  CHECK(s.states[n - 1] == DayState::unscheduled);       // Thu 19
  CHECK(s.done_days == 2);
  // Before the start no window has an eligible day: no rate, not a rate of zero.
  CHECK_FALSE(s.rates.front().rate);
  CHECK_FALSE(s.rates[51].rate);
  REQUIRE(s.rates.back().rate);
  CHECK(*s.rates.back().rate == doctest::Approx(0.5));
}

TEST_CASE("chart_svg: one cell per day with its state's class - today outlined - a legend") {
  Goal g = goal_with("2026-11-01");
  Day today = day("2026-11-22");
  DayMarks m = marks_of({event(day("2026-11-01")), event(day("2026-11-02")),
                         event(day("2026-11-04"), EventKind::skip), event(day("2026-11-21"))});
  Chain chain(g, m, today, 0);
  ChartSeries s = chart_series(chain);
  std::string svg = chart_svg({s});

  CHECK(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.find("viewBox=\"0 0 ") != std::string::npos);
  CHECK(svg.find("<title id=\"chart-title\">microstep: the chain, 17 Nov 2025 to 22 Nov 2026</title>") !=
        std::string::npos);
  CHECK(svg.find("<style>") != std::string::npos);
  // Months are named over their first column; the first column's November would crowd December.
  CHECK(svg.find(">Dec 2025</text>") != std::string::npos);
  CHECK(svg.find(">Nov 2025</text>") == std::string::npos);
  CHECK(svg.find(">Jan 2026</text>") != std::string::npos);
  CHECK(svg.find(">Nov</text>") != std::string::npos);
  CHECK(svg.find(">Mon</text>") != std::string::npos);
  // Self-contained: nothing is fetched.
  CHECK(svg.find("href") == std::string::npos);
  CHECK(svg.find("@import") == std::string::npos);
  CHECK(svg.find("<script") == std::string::npos);

  auto classes = day_classes(svg);
  REQUIRE(classes.size() == s.states.size());
  std::map<std::string, int> by_class;
  for (const auto& c : classes) ++by_class[c];
  CHECK(by_class["done"] == 3);
  CHECK(by_class["rest"] == 1);
  CHECK(by_class["missed"] == 22 - 3 - 1 - 1);  // 1..21 minus done and the skip
  CHECK(by_class["none"] == static_cast<int>(s.states.size()) - 22);
  CHECK(by_class["open today"] == 1);  // today, not done yet: the only cell outlined
  CHECK(count(svg, " today\"") == 2);  // that cell and the legend's key
  CHECK(svg.find("<title>Sunday 2026-11-22: open, not done yet (today)</title>") != std::string::npos);
  CHECK(svg.find("<title>Wednesday 2026-11-04: skipped or paused</title>") != std::string::npos);

  // Every state has a style and a key in the legend.
  for (const char* cls : {"done", "extra", "missed", "rest", "unscheduled", "open", "none"}) {
    CAPTURE(cls);
    CHECK(svg.find("." + std::string(cls) + "{") != std::string::npos);
    CHECK(svg.find("<rect class=\"key " + std::string(cls)) != std::string::npos);
  }
  CHECK(svg.find(">done on an unscheduled day</text>") != std::string::npos);
  CHECK(svg.find(">skipped or paused</text>") != std::string::npos);
  CHECK(svg.find(">not scheduled</text>") != std::string::npos);
}

TEST_CASE("chart_svg: the rate line has a point per defined sample inside the frame") {
  Goal g = goal_with("2025-06-01");
  Day today = day("2026-11-22");
  std::vector<EventView> events;
  // Done only in odd months: the rate swings between 0 and 1.
  for (Day d = g.started; d <= today; d += date::days{1})
    if (static_cast<unsigned>(date::year_month_day{d}.month()) % 2 == 1) events.push_back(event(d));
  DayMarks m = marks_of(events);
  Chain chain(g, m, today, 0);
  ChartSeries s = chart_series(chain);
  std::string svg = chart_svg({s});

  auto lines = rate_lines(svg);
  REQUIRE(lines.size() == 1);
  REQUIRE(lines[0].size() == s.rates.size());
  std::regex frame("<rect class=\"frame\" x=\"([0-9]+)\" y=\"([0-9]+)\" width=\"([0-9]+)\" height=\"([0-9]+)\"");
  std::smatch f;
  REQUIRE(std::regex_search(svg, f, frame));
  double top = std::stod(f[2]), height = std::stod(f[4]), left = std::stod(f[1]), width = std::stod(f[3]);
  double low = 1e9, high = -1e9;
  for (size_t i = 0; i < lines[0].size(); ++i) {
    auto [x, y] = lines[0][i];
    CHECK(x >= left);
    CHECK(x <= left + width);
    CHECK(y >= top);
    CHECK(y <= top + height);
    if (i > 0) CHECK(x > lines[0][i - 1].first);
    // y says the rate: top is 100%, bottom 0%.
    CHECK((top + height - y) / height == doctest::Approx(*s.rates[i].rate).epsilon(0.01));
    low = std::min(low, y), high = std::max(high, y);
  }
  CHECK(high - low > height * 0.9);  // it moves from about 0% to 100%
  CHECK(svg.find(">" + std::to_string(std::lround(*s.rates.back().rate * 100)) + "%</text>") != std::string::npos);
}

TEST_CASE("chart_svg: gaps in the rate break the line - a lone sample is a dot") {
  Goal g = goal_with("2026-11-16");
  Day today = day("2026-11-22");
  DayMarks m = marks_of({event(day("2026-11-16"))});
  Chain chain(g, m, today, 0);
  ChartSeries s = chart_series(chain);
  auto lines = rate_lines(chart_svg({s}));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].size() == 1);  // only this week has a rate
  CHECK(count(chart_svg({s}), "<circle class=\"point\"") == 2);  // the lone sample and the last value
}

TEST_CASE("chart_svg: goal text is escaped - panels stack - no goals still makes a picture") {
  Goal g = goal_with("2026-11-01");
  g.id = "a-b";
  g.step = "Read <one> page & \"smile\"";
  g.goal = "Tom's <book>";
  DayMarks m;  // no check-ins
  Chain chain(g, m, day("2026-11-22"), 0);
  Goal h = goal_with("2026-11-01");
  Chain other(h, m, day("2026-11-22"), 0);
  std::string svg = chart_svg({chart_series(chain), chart_series(other)});
  CHECK(svg.find("Read &lt;one&gt; page &amp; &quot;smile&quot;") != std::string::npos);
  CHECK(svg.find("Tom&apos;s &lt;book&gt;") != std::string::npos);
  CHECK(svg.find("<one>") == std::string::npos);
  CHECK(svg.find("& ") == std::string::npos);
  CHECK(count(svg, "<g class=\"goal\">") == 2);
  CHECK(day_classes(svg).size() == 2 * chart_series(other).states.size());

  std::string empty = chart_svg({});
  CHECK(empty.find("No goals to show.") != std::string::npos);
  CHECK(day_classes(empty).empty());
  CHECK(empty.find("</svg>\n") != std::string::npos);
}

TEST_CASE("chart_weeks_since: the weeks since the first start, from 1 to 53") {
  const Day sunday = day("2026-11-22");
  CHECK(chart_weeks_since(day("2026-11-16"), sunday, 0) == 1);  // this week's Monday
  CHECK(chart_weeks_since(day("2026-11-22"), sunday, 0) == 1);  // today
  CHECK(chart_weeks_since(day("2026-11-15"), sunday, 0) == 2);  // last week's Sunday
  CHECK(chart_weeks_since(day("2026-10-26"), sunday, 0) == 4);
  CHECK(chart_weeks_since(day("2026-11-22"), sunday, 6) == 1);  // weeks from Sunday: a new one
  CHECK(chart_weeks_since(day("2026-11-21"), sunday, 6) == 2);
  CHECK(chart_weeks_since(day("2025-11-17"), sunday, 0) == 53);
  CHECK(chart_weeks_since(day("2025-11-16"), sunday, 0) == 53);  // longer: the year only
  CHECK(chart_weeks_since(day("2001-01-01"), sunday, 0) == 53);
  CHECK(chart_weeks_since(day("2027-01-01"), sunday, 0) == 1);   // not started yet
}

TEST_CASE("chart_svg: a few weeks still leave room for the heading, the titles and the legend") {
  Goal g = goal_with("2026-11-16");
  g.step = "Write one sentence";
  DayMarks m;
  Chain chain(g, m, day("2026-11-22"), 0);
  auto width_of = [](const std::string& svg) {
    std::smatch w;
    REQUIRE(std::regex_search(svg, w, std::regex("<svg [^>]*width=\"([0-9]+)\"")));
    return std::stoi(w[1]);
  };
  for (int weeks : {1, 4, 26}) {
    std::string svg = chart_svg({chart_series(chain, weeks)});
    CHECK(width_of(svg) == 480);
    CHECK(day_classes(svg).size() == static_cast<size_t>(7 * weeks));
    CHECK(svg.find(">g: Write one sentence</text>") != std::string::npos);  // whole, not shortened
  }
  CHECK(width_of(chart_svg({chart_series(chain, 30)})) == 16 + 34 + 30 * 13 + 44 + 16);
  CHECK(width_of(chart_svg({chart_series(chain)})) == 16 + 34 + 53 * 13 + 44 + 16);
}

TEST_CASE("xml_escape") {
  CHECK(xml_escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &apos; f");
  CHECK(xml_escape("caf\xC3\xA9 \xE2\x9C\x93") == "caf\xC3\xA9 \xE2\x9C\x93");  // UTF-8 kept
  CHECK(xml_escape(std::string("a\x01" "b\tc\x7f", 6)) == "ab\tc");              // forbidden controls dropped
  CHECK(xml_escape("bad \xFF byte \xC3\xA9") == "bad ? byte ??");                 // invalid UTF-8 cannot pass
}

TEST_CASE("chart_state_class names every state") {
  CHECK(chart_state_class(DayState::done) == "done");
  CHECK(chart_state_class(DayState::done_unscheduled) == "extra");
  CHECK(chart_state_class(DayState::missed) == "missed");
  CHECK(chart_state_class(DayState::rest) == "rest");
  CHECK(chart_state_class(DayState::unscheduled) == "unscheduled");
  CHECK(chart_state_class(DayState::open) == "open");
  CHECK(chart_state_class(DayState::before_start) == "none");
}

}  // namespace microstep
