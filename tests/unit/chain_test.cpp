/// Tests of core/chain: the state of each day of one goal, judged by the version in force.
#include "core/chain.hpp"
#include "builders.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace microstep {

using test::day;
using test::goal_with;
using test::marks_of;

namespace {

/// One letter per day from `from` to `to`: X done, x done unscheduled, - rest, . missed,
/// o open, ' ' unscheduled, _ before the start or after today.
std::string states(const Chain& chain, const char* from, const char* to) {
  std::string out;
  for (Day d = day(from); d <= day(to); d += date::days{1}) {
    switch (chain.state(d)) {
      case DayState::before_start: out += '_'; break;
      case DayState::unscheduled: out += ' '; break;
      case DayState::done: out += 'X'; break;
      case DayState::done_unscheduled: out += 'x'; break;
      case DayState::rest: out += '-'; break;
      case DayState::missed: out += '.'; break;
      case DayState::open: out += 'o'; break;
    }
  }
  return out;
}

constexpr auto done = EventKind::done, skip = EventKind::skip, pause = EventKind::pause,
               resume = EventKind::resume;

}  // namespace

TEST_CASE("chain: a daily goal - done and missed and skipped - open today - nothing outside its life") {
  Goal g = goal_with("2026-11-02", "daily");
  DayMarks m = marks_of({{"2026-11-02", done}, {"2026-11-03", done}, {"2026-11-05", skip}, {"2026-11-06", done}});
  Chain chain(g, m, day("2026-11-08"), 0);
  //                                    1     2 3 4 5 6 7 8 9
  CHECK(states(chain, "2026-11-01", "2026-11-09") == "_XX.-X.o_");
}

TEST_CASE("chain: states_between gives the states of the days asked for - clamped to the goal's life") {
  Goal g = goal_with("2026-11-02", "daily");
  DayMarks m = marks_of({{"2026-11-02", done}, {"2026-11-03", done}, {"2026-11-05", skip}, {"2026-11-06", done}});
  Chain chain(g, m, day("2026-11-08"), 0);
  auto letters = [&](const char* from, const char* to) {
    std::string out;
    Day d = std::max(day(from), chain.started());
    for (DayState s : chain.states_between(day(from), day(to))) {
      CHECK(s == chain.state(d));
      out += s == DayState::done ? 'X' : s == DayState::missed ? '.' : s == DayState::rest ? '-' : 'o';
      d += date::days{1};
    }
    return out;
  };
  CHECK(letters("2026-11-03", "2026-11-05") == "X.-");
  CHECK(letters("2026-10-01", "2026-12-31") == "XX.-X.o");  // from the start to today
  CHECK(letters("2026-11-08", "2026-11-08") == "o");
  CHECK(letters("2026-11-09", "2026-11-30").empty());  // after today
  CHECK(letters("2026-11-06", "2026-11-04").empty());  // an empty range
}

TEST_CASE("chain: a day list - a done on an unscheduled day is marked as such") {
  Goal g = goal_with("2026-11-02", "mon,wed,fri");  // 2026-11-02 is a Monday
  DayMarks m = marks_of({{"2026-11-02", done}, {"2026-11-03", done}, {"2026-11-06", done}});
  Chain chain(g, m, day("2026-11-09"), 0);
  CHECK(states(chain, "2026-11-02", "2026-11-09") == "Xx. X  o");
  CHECK(chain.scheduled(day("2026-11-04")));
  CHECK_FALSE(chain.scheduled(day("2026-11-05")));
}

TEST_CASE("chain: a 2/week goal - periods met or not - the current one open while unmet") {
  Goal g = goal_with("2026-11-02", "2/week");
  // Week 1 (11-02..08): two dones, met. Week 2 (11-09..15): one done, not met: its empty
  // days are missed. Week 3 (11-16..22), today 11-18: nothing yet, today is open.
  DayMarks m = marks_of({{"2026-11-03", done}, {"2026-11-05", done}, {"2026-11-10", done}});
  Chain chain(g, m, day("2026-11-18"), 0);
  REQUIRE(chain.periods().size() == 3);
  CHECK(chain.periods()[0].met());
  CHECK_FALSE(chain.periods()[1].met());
  CHECK(chain.periods()[1].done == 1);
  CHECK(chain.periods()[2].current);
  CHECK(states(chain, "2026-11-02", "2026-11-08") == " X X   ");
  CHECK(states(chain, "2026-11-09", "2026-11-15") == ".X.....");
  CHECK(states(chain, "2026-11-16", "2026-11-18") == "  o");
}

TEST_CASE("chain: quota periods follow week_starts - skip days lower what a period needs") {
  Goal g = goal_with("2026-11-01", "3/week");  // a Sunday
  DayMarks m = marks_of({{"2026-11-02", skip}, {"2026-11-03", done}, {"2026-11-04", done}});
  // Weeks from Sunday: 11-01..07 needs 3 - 1 skip = 2, and has 2 dones: met.
  Chain sunday(g, m, day("2026-11-10"), 6);
  REQUIRE_FALSE(sunday.periods().empty());
  CHECK(sunday.periods()[0].first == day("2026-11-01"));
  CHECK(sunday.periods()[0].needed == 2);
  CHECK(sunday.periods()[0].met());
  // Weeks from Monday: the first period is the week 10-26..11-01, holding the start alone:
  // one day available, so it needs one, and 11-01 had nothing: not met.
  Chain monday(g, m, day("2026-11-10"), 0);
  CHECK(monday.periods()[0].first == day("2026-10-26"));
  CHECK(monday.periods()[0].needed == 1);
  CHECK_FALSE(monday.periods()[0].met());
}

TEST_CASE("chain: every past day is judged by the version in force that day") {
  // Daily until 11-08, then weekdays from 11-09 (a Monday).
  Goal g = test::goal_changed_on("2026-11-02", "daily", "2026-11-09", "weekdays");
  DayMarks m;  // no check-ins
  Chain chain(g, m, day("2026-11-16"), 0);
  // The weekend of 11-07/08 was asked for (daily), the one of 11-14/15 was not (weekdays).
  CHECK(states(chain, "2026-11-07", "2026-11-08") == "..");
  CHECK(states(chain, "2026-11-14", "2026-11-16") == "  o");
  CHECK(chain.version_on(day("2026-11-08")).schedule_text == "daily");
  CHECK(chain.version_on(day("2026-11-09")).schedule_text == "weekdays");
  REQUIRE(chain.versions().size() == 2);
  CHECK(chain.versions().back().schedule_text == "weekdays");
}

TEST_CASE("chain: a day list that comes in mid-week asks for its weekdays from its first day") {
  // Daily from Wed 11-04, then mon,wed,fri from Thu 11-12: no check-ins at all.
  Goal g = test::goal_changed_on("2026-11-04", "daily", "2026-11-12", "mon,wed,fri");
  DayMarks m;
  Chain chain(g, m, day("2026-11-23"), 0);
  //                                    4 5 6 7 8 9 10  12  14  16  18  20  22
  CHECK(states(chain, "2026-11-04", "2026-11-23") == "........ .  . . .  o");
}

TEST_CASE("chain: for_each_version gives each version the days it was in force") {
  // Versions from 10-01 (before the start), 11-05 twice (the first of the two is never in
  // force) and 11-09 (the current one); today is 11-10.
  Goal g = goal_with("2026-11-02", "daily");
  StepVersion v = g.current();
  std::vector<Day> froms = {day("2026-10-01"), day("2026-11-05"), day("2026-11-05")};
  for (Day from : froms) {
    v.from = from;
    g.history.push_back(v);
  }
  g.since = day("2026-11-09");
  DayMarks m;
  Chain chain(g, m, day("2026-11-10"), 0);
  std::vector<std::string> spans;
  chain.for_each_version([&](const StepVersion& version, Day first, Day last) {
    spans.push_back(format_day(version.from) + ": " + format_day(first) + ".." + format_day(last));
  });
  CHECK(spans == std::vector<std::string>{"2026-10-01: 2026-11-02..2026-11-04", "2026-11-05: 2026-11-05..2026-11-08",
                                          "2026-11-09: 2026-11-09..2026-11-10"});
  SUBCASE("none before the start") {
    size_t calls = 0;
    Chain before(g, m, day("2026-11-01"), 0);
    before.for_each_version([&](const StepVersion&, Day, Day) { ++calls; });
    CHECK(calls == 0);
  }
}

TEST_CASE("chain: a goal started today has one open day - one starting later has none") {
  Goal g = goal_with("2026-11-20", "daily");
  DayMarks m;  // no check-ins
  CHECK(states(Chain(g, m, day("2026-11-20"), 0), "2026-11-19", "2026-11-21") == "_o_");
  CHECK(states(Chain(g, m, day("2026-11-19"), 0), "2026-11-18", "2026-11-21") == "____");
}

TEST_CASE("chain: paused days are rest days - a done while paused still counts") {
  Goal g = goal_with("2026-11-02", "daily");
  // Paused from the 4th, resumed on the 7th: the 4th to the 6th rest. A done on the 5th is done.
  DayMarks m = marks_of({{"2026-11-02", done}, {"2026-11-04", pause}, {"2026-11-05", done},
                         {"2026-11-07", resume}, {"2026-11-07", done}});
  Chain chain(g, m, day("2026-11-09"), 0);
  //                                    2 3 4 5 6 7 8 9
  CHECK(states(chain, "2026-11-02", "2026-11-09") == "X.-X-X.o");
  SUBCASE("a pause never resumed rests up to today") {
    DayMarks open = marks_of({{"2026-11-02", done}, {"2026-11-04", pause}});
    CHECK(states(Chain(g, open, day("2026-11-09"), 0), "2026-11-02", "2026-11-09") == "X.------");
  }
}

TEST_CASE("chain: which weekdays a day list asks for does not depend on week_starts") {
  Goal g = goal_with("2026-11-02", "mon,wed,fri");
  DayMarks m = marks_of({{"2026-11-04", done}});
  for (unsigned week_start : {0u, 2u, 6u}) {
    CAPTURE(week_start);
    Chain chain(g, m, day("2026-11-15"), week_start);
    // Mon 2, Wed 4, Fri 6, Mon 9, Wed 11, Fri 13 asked; only the 4th done; Sun 15 unscheduled.
    CHECK(states(chain, "2026-11-02", "2026-11-15") == ". X .  . . .  ");
    CHECK(chain.scheduled(day("2026-11-13")));
    CHECK_FALSE(chain.scheduled(day("2026-11-14")));
    CHECK(chain.periods().empty());  // no quota, no periods
  }
}

TEST_CASE("chain: every N days counts from the start - and from a new version's first day") {
  // Every 3 days from Sun 11-01: the 1st, 4th, 7th. From the 9th on, every 2 days counted
  // from the 9th: the 9th, 11th, 13th (the 10th would be the old rhythm's day: not any more).
  Goal g = test::goal_changed_on("2026-11-01", "every 3 days", "2026-11-09", "every 2 days");
  DayMarks m = marks_of({{"2026-11-01", done}, {"2026-11-07", done}, {"2026-11-09", done}, {"2026-11-10", done}});
  Chain chain(g, m, day("2026-11-13"), 0);
  // The 1st done, the 4th missed, the 7th done, the 9th done, the 10th done but not asked
  // for, the 11th missed, the 13th (today) open.
  CHECK(states(chain, "2026-11-01", "2026-11-13") == "X  .  X Xx. o");
}

TEST_CASE("chain: a quota period with nothing needed and nothing done is neither met nor missed") {
  Goal g = goal_with("2026-11-02", "weekly");  // 1/week, weeks from Monday 11-02
  // Week 1: skipped on the 3rd, so nothing more is needed, and nothing was done.
  // Week 2: nothing at all: missed. Week 3 (today the 17th): done on the 16th: met.
  DayMarks m = marks_of({{"2026-11-03", skip}, {"2026-11-16", done}});
  Chain chain(g, m, day("2026-11-17"), 0);
  REQUIRE(chain.periods().size() == 3);
  CHECK(chain.periods()[0].needed == 0);
  CHECK(chain.periods()[0].resting());
  CHECK_FALSE(chain.periods()[1].met());
  CHECK(chain.periods()[2].met());
  CHECK(states(chain, "2026-11-02", "2026-11-08") == " -     ");
  CHECK(states(chain, "2026-11-09", "2026-11-15") == ".......");
  CHECK(states(chain, "2026-11-16", "2026-11-17") == "X ");  // met: today is not open
}

TEST_CASE("chain: N/month periods are calendar months - a short first month needs less") {
  // 3/month from 2028-02-27: February has 3 days left (27, 28, 29 in a leap year), so it
  // needs min(3, 3) = 3. March needs 3 too. Today is 2028-03-10.
  Goal g = goal_with("2028-02-27", "3/month");
  DayMarks m = marks_of({{"2028-02-27", done}, {"2028-02-29", done}, {"2028-03-02", done}});
  Chain chain(g, m, day("2028-03-10"), 0);
  REQUIRE(chain.periods().size() == 2);
  CHECK(chain.periods()[0].first == day("2028-02-01"));
  CHECK(chain.periods()[0].last == day("2028-02-29"));
  CHECK(chain.periods()[0].needed == 3);
  CHECK(chain.periods()[0].done == 2);
  CHECK_FALSE(chain.periods()[0].met());
  CHECK(chain.periods()[1].first == day("2028-03-01"));
  CHECK(chain.periods()[1].last == day("2028-03-31"));
  CHECK(chain.periods()[1].current);
  CHECK(chain.periods()[1].done == 1);
  // February was not met: its empty day is missed. March is current: only today is open.
  CHECK(states(chain, "2028-02-26", "2028-03-01") == "_X.X ");
  CHECK(states(chain, "2028-03-09", "2028-03-10") == " o");
  SUBCASE("a goal started on the 29th of a 3/month February needs only one day") {
    Goal late = goal_with("2028-02-29", "3/month");
    DayMarks one = marks_of({{"2028-02-29", done}});
    Chain c(late, one, day("2028-03-01"), 0);
    CHECK(c.periods()[0].needed == 1);
    CHECK(c.periods()[0].met());
  }
}

TEST_CASE("chain: every N days counts from the version's from - days before a first version's from are not asked") {
  // The first version took effect on the 4th, after the start: it also holds the 1st to the
  // 3rd (as version_on says), but its every-2-days count starts on the 4th.
  Goal g = test::goal_changed_on("2026-11-01", "every 2 days", "2026-11-10", "daily");
  g.history[0].from = day("2026-11-04");
  DayMarks m = marks_of({{"2026-11-06", done}});
  Chain chain(g, m, day("2026-11-11"), 0);
  //                                    1  4 6 8 10
  CHECK(states(chain, "2026-11-01", "2026-11-11") == "   . X . .o");
  for (Day d = day("2026-11-01"); d <= day("2026-11-11"); d += date::days{1}) {
    DayState s = chain.state(d);
    CHECK(chain.scheduled(d) == (s == DayState::done || s == DayState::missed || s == DayState::open));
  }
}

}  // namespace microstep
