/// Tests of core/judge/chain: the state of each day of one goal, judged by the version in force.
#include "core/judge/chain.hpp"
#include "unit/builders.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace microstep {

using test::day;
using test::goal_with;
using test::amounts_of;
using test::marks_of;

namespace {

/// One letter per day from `from` to `to`: X done, x done unscheduled, - rest, . missed,
/// o open, ~ below the minimum (a miss), p below the minimum today, ' ' unscheduled, _
/// before the start or after today.
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
      case DayState::partial: out += '~'; break;
      case DayState::partial_open: out += 'p'; break;
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
  CHECK(monday.periods()[0].first == day("2026-11-01"));  // the period's days from the start
  CHECK(monday.periods()[0].last == day("2026-11-01"));
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
    CHECK(chain.periods().empty());  // no quota, no periods
  }
}

TEST_CASE("chain: every N days falls due N days after the last done - and stays due until done") {
  // Every 3 days from Sun 11-01, then every 2 days from the 9th.
  Goal g = test::goal_changed_on("2026-11-01", "every 3 days", "2026-11-09", "every 2 days");
  DayMarks m = marks_of({{"2026-11-01", done}, {"2026-11-07", done}, {"2026-11-09", done}, {"2026-11-10", done}});
  Chain chain(g, m, day("2026-11-13"), 0);
  // Done on the 1st: due on the 4th, missed the 4th, 5th and 6th, done on the 7th. The new
  // version counts from the last done too: due on the 9th (7 + 2), done. The 10th is early
  // (a done not asked for) and moves the next one to the 12th: missed; the 13th, today, open.
  CHECK(states(chain, "2026-11-01", "2026-11-13") == "X  ...X Xx .o");
}

TEST_CASE("chain: every N days - a day late is one miss, and the next one counts from the late done") {
  Goal g = goal_with("2026-11-01", "every 3 days");
  DayMarks m = marks_of({{"2026-11-01", done}, {"2026-11-05", done}, {"2026-11-08", done}});
  Chain chain(g, m, day("2026-11-09"), 0);
  // Due on the 4th, watered a day late on the 5th (done), so due again on the 8th: done.
  CHECK(states(chain, "2026-11-01", "2026-11-09") == "X  .X  X ");
  SUBCASE("a skipped due day is a rest day; the step stays due the next day") {
    DayMarks skipped = marks_of({{"2026-11-01", done}, {"2026-11-04", skip}});
    CHECK(states(Chain(g, skipped, day("2026-11-06"), 0), "2026-11-01", "2026-11-06") == "X  -.o");
  }
  SUBCASE("before the first done the step is due from the start") {
    DayMarks none = marks_of({{"2026-11-03", done}});
    CHECK(states(Chain(g, none, day("2026-11-06"), 0), "2026-11-01", "2026-11-06") == "..X  o");
  }
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
  CHECK(chain.periods()[0].first == day("2028-02-27"));  // from the start
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

TEST_CASE("chain: every N days is due from the version's from - days before a first version's from are not asked") {
  // The first version took effect on the 4th, after the start: it also holds the 1st to the
  // 3rd (as version_on says), but it falls due on the 4th. Daily from the 10th.
  Goal g = test::goal_changed_on("2026-11-01", "every 2 days", "2026-11-10", "daily");
  g.history[0].from = day("2026-11-04");
  DayMarks m = marks_of({{"2026-11-06", done}});
  Chain chain(g, m, day("2026-11-11"), 0);
  // Due the 4th, missed the 4th and 5th, done the 6th, due again the 8th: missed the 8th and
  // 9th; daily: the 10th missed, the 11th open.
  CHECK(states(chain, "2026-11-01", "2026-11-11") == "   ..X ...o");
}

}  // namespace microstep

namespace microstep {

using test::amounts_of;
using test::day;
using test::goal_with;
using test::marks_of;

TEST_CASE("chain: a day counts when its amounts reach the minimum of the version in force") {
  Goal g = goal_with("2026-11-02", "daily");
  g.minimum = 10;
  // 3 on the 2nd (below), 3 + 7 on the 3rd (reached), none on the 4th, a done without an
  // amount on the 5th (it stands for the minimum), 12 on the 6th, 4 so far today (the 7th).
  DayMarks m = amounts_of({{"2026-11-02", 3.0}, {"2026-11-03", 3.0}, {"2026-11-03", 7.0}, {"2026-11-05", std::nullopt},
                           {"2026-11-06", 12.0}, {"2026-11-07", 4.0}},
                          10);
  Chain chain(g, m, day("2026-11-07"), 0);
  CHECK(states(chain, "2026-11-02", "2026-11-07") == "~X.XXp");
  SUBCASE("a partial day is a miss for the streak; today below the minimum is still open") {
    CHECK(chain.occasions().back().outcome == Occasion::Outcome::pending);
    CHECK(chain.occasions().front().outcome == Occasion::Outcome::broken);
  }
  SUBCASE("each day by its own version's minimum: 5 was enough before the 6th") {
    Goal changed = goal_with("2026-11-02", "daily");
    changed.history = {changed.current()};
    changed.history[0].minimum = 3;
    changed.since = day("2026-11-06");
    changed.minimum = 10;
    DayMarks five = amounts_of({{"2026-11-05", 5.0}, {"2026-11-06", 5.0}}, 10);
    CHECK(states(Chain(changed, five, day("2026-11-06"), 0), "2026-11-05", "2026-11-06") == "Xp");
  }
}

TEST_CASE("chain: a quota period counts at most its quota - and below-minimum days do not count") {
  Goal g = goal_with("2026-11-02", "3/week");
  // Weeks of 3, 2 and 4 done days.
  DayMarks m = marks_of({{"2026-11-02", EventKind::done}, {"2026-11-03", EventKind::done}, {"2026-11-04", EventKind::done},
                         {"2026-11-09", EventKind::done}, {"2026-11-10", EventKind::done},
                         {"2026-11-16", EventKind::done}, {"2026-11-17", EventKind::done},
                         {"2026-11-18", EventKind::done}, {"2026-11-19", EventKind::done}});
  Chain chain(g, m, day("2026-11-23"), 0);
  REQUIRE(chain.periods().size() == 4);
  CHECK(chain.periods()[0].counted() == 3);
  CHECK(chain.periods()[1].counted() == 2);
  CHECK(chain.periods()[2].counted() == 3);
  CHECK(chain.periods()[2].done == 4);
  CHECK_FALSE(chain.periods()[1].met());
  // The occasions: three weeks judged, the current one pending.
  REQUIRE(chain.occasions().size() == 4);
  CHECK(chain.occasions()[1].outcome == Occasion::Outcome::broken);
  CHECK(chain.occasions()[3].outcome == Occasion::Outcome::pending);
  CHECK(chain.occasions()[3].unit == ChainUnit::week);
}

TEST_CASE("chain: a change from a day schedule to a quota judges the earlier days by the day schedule") {
  // Daily from Mon 11-02, 3/week from Thu 11-05. The first week's quota has Thu to Sun: it
  // still asks for 3 of those 4 days.
  Goal g = test::goal_changed_on("2026-11-02", "daily", "2026-11-05", "3/week");
  DayMarks m = marks_of({{"2026-11-02", EventKind::done}, {"2026-11-06", EventKind::done}, {"2026-11-07", EventKind::done},
                         {"2026-11-08", EventKind::done}});
  Chain chain(g, m, day("2026-11-10"), 0);
  // Mon done, Tue and Wed missed (daily); Thu-Sun a met quota week; this week open today.
  CHECK(states(chain, "2026-11-02", "2026-11-10") == "X.. XXX o");
  REQUIRE(chain.periods().size() == 2);
  CHECK(chain.periods()[0].first == day("2026-11-05"));
  CHECK(chain.periods()[0].needed == 3);
  CHECK(chain.periods()[0].met());
  CHECK(chain.unit() == ChainUnit::week);
  CHECK(chain.period_of(day("2026-11-03")) == nullptr);
  SUBCASE("and back: a quota that ends mid-week asks only for its days") {
    Goal back = test::goal_changed_on("2026-11-02", "3/week", "2026-11-04", "daily");
    DayMarks one = marks_of({{"2026-11-02", EventKind::done}, {"2026-11-03", EventKind::done}});
    Chain c(back, one, day("2026-11-05"), 0);
    REQUIRE(c.periods().size() == 1);
    CHECK(c.periods()[0].last == day("2026-11-03"));
    CHECK(c.periods()[0].needed == 2);
    CHECK(c.periods()[0].met());
    CHECK(states(c, "2026-11-02", "2026-11-05") == "XX.o");
  }
}

TEST_CASE("chain: a change with a later from is upcoming - today is judged by the version in force") {
  Goal g = goal_with("2026-11-02", "daily");
  g.history = {g.current()};
  g.since = day("2026-11-23");
  g.step = "Write two sentences";
  g.schedule_text = "3/week";
  g.schedule = *parse_schedule("3/week");
  DayMarks m;
  Chain chain(g, m, day("2026-11-22"), 0);
  CHECK(chain.in_force().step == "Write one sentence");
  CHECK(chain.unit() == ChainUnit::day);
  CHECK(chain.periods().empty());
  CHECK(states(chain, "2026-11-21", "2026-11-22") == ".o");
  REQUIRE(g.upcoming(day("2026-11-22")));
  CHECK(g.upcoming(day("2026-11-22"))->step == "Write two sentences");
  CHECK_FALSE(g.upcoming(day("2026-11-23")));
}

TEST_CASE("chain: K in N days - a day is kept inside N days from a done that hold K done days") {
  // 2 in 3 days from Monday 11-02 (microstep-stats(7), DAYS): done Mon, Tue, Thu and Sat.
  Goal g = goal_with("2026-11-02", "2 in 3 days");
  DayMarks m = marks_of({{"2026-11-02", done}, {"2026-11-03", done}, {"2026-11-05", done}, {"2026-11-07", done}});
  // Wed is inside Mon-Wed (2 done days): not asked. Fri is inside Thu-Sat (Thu, Sat): not
  // asked. Sat-Mon holds one done day: Sun and Mon are missed; Tue 10th, today, is open.
  //                                                     2 3 4 5 6 7 8 9 10
  CHECK(states(Chain(g, m, day("2026-11-10"), 0), "2026-11-02", "2026-11-10") == "XX X X..o");
  SUBCASE("a day that a window begun on a done may still keep is not judged yet") {
    DayMarks before = marks_of({{"2026-11-02", done}, {"2026-11-03", done}, {"2026-11-05", done}});
    // On Saturday, Fri waits for Thu-Sat: done today, it is kept; today is open.
    CHECK(states(Chain(g, before, day("2026-11-07"), 0), "2026-11-02", "2026-11-07") == "XX X o");
    // On Sunday, Thu-Sat is over with one done day: Fri and Sat are missed.
    CHECK(states(Chain(g, before, day("2026-11-08"), 0), "2026-11-02", "2026-11-08") == "XX X..o");
  }
  SUBCASE("today is not asked once the days before it keep it") {
    CHECK(states(Chain(g, m, day("2026-11-04"), 0), "2026-11-02", "2026-11-04") == "XX ");
  }
  SUBCASE("every done day counts, even when the window was already kept") {
    DayMarks daily = marks_of({{"2026-11-02", done}, {"2026-11-03", done}, {"2026-11-04", done}});
    CHECK(states(Chain(g, daily, day("2026-11-05"), 0), "2026-11-02", "2026-11-05") == "XXX ");
  }
  SUBCASE("before the first done the step is asked from the start") {
    DayMarks late = marks_of({{"2026-11-04", done}});
    CHECK(states(Chain(g, late, day("2026-11-05"), 0), "2026-11-02", "2026-11-05") == "..Xo");
  }
}

TEST_CASE("chain: K in N days - rest days count towards a window but do not begin one") {
  Goal g = goal_with("2026-11-02", "2 in 3 days");
  // Done Mon, skipped Tue: Mon-Wed holds 2 (a done and a rest day), so Wed is not asked.
  // No window begins on Tue (a rest day), none on Wed: Thu is missed; Fri, today, is open.
  DayMarks m = marks_of({{"2026-11-02", done}, {"2026-11-03", skip}});
  CHECK(states(Chain(g, m, day("2026-11-06"), 0), "2026-11-02", "2026-11-06") == "X- .o");
  SUBCASE("1 in N days judges skips as every N days does: the step stays due") {
    Goal one = goal_with("2026-11-01", "1 in 3 days");
    DayMarks skipped = marks_of({{"2026-11-01", done}, {"2026-11-04", skip}});
    CHECK(states(Chain(one, skipped, day("2026-11-06"), 0), "2026-11-01", "2026-11-06") == "X  -.o");
    // Unlike every N days, a done before the step falls due is a done day too.
    DayMarks early = marks_of({{"2026-11-01", done}, {"2026-11-02", done}});
    CHECK(states(Chain(one, early, day("2026-11-06"), 0), "2026-11-01", "2026-11-06") == "XX  .o");
  }
}

TEST_CASE("chain: K in N days - a day below the minimum does not count towards a window") {
  Goal g = goal_with("2026-11-02", "2 in 3 days");
  g.minimum = 10;
  DayMarks m = amounts_of({{"2026-11-02", 10.0}, {"2026-11-03", 4.0}, {"2026-11-06", 3.0}}, 10);
  // Mon done; Tue below the minimum; Mon-Wed holds one done day: Tue and Wed are missed (Tue
  // below the minimum); Thu nothing; Fri, today, below the minimum so far.
  CHECK(states(Chain(g, m, day("2026-11-06"), 0), "2026-11-02", "2026-11-06") == "X~..p");
}

TEST_CASE("chain: a change from daily to K in N days judges each day by its own version") {
  // Daily from Sun 11-01, 2 in 3 days from Thu 11-05; done the 1st to the 4th, 7th and 8th.
  Goal g = test::goal_changed_on("2026-11-01", "daily", "2026-11-05", "2 in 3 days");
  DayMarks m = marks_of({{"2026-11-01", done}, {"2026-11-02", done}, {"2026-11-03", done},
                         {"2026-11-04", done}, {"2026-11-07", done}, {"2026-11-08", done}});
  Chain chain(g, m, day("2026-11-09"), 0);
  // The 5th is inside the 3rd-5th, whose two done days came under the daily version: not
  // asked. The 4th-6th holds one: the 6th is missed. The 7th-9th holds two: today is kept.
  CHECK(states(chain, "2026-11-01", "2026-11-09") == "XXXX .XX ");
  // The same days under daily alone: every day asked.
  Goal daily = goal_with("2026-11-01", "daily");
  CHECK(states(Chain(daily, m, day("2026-11-09"), 0), "2026-11-01", "2026-11-09") == "XXXX..XXo");
  SUBCASE("and back to daily: the days from then on are asked each") {
    Goal back = g;
    back.history.push_back(back.current());
    back.since = day("2026-11-09");
    back.schedule_text = "daily";
    back.schedule = *parse_schedule("daily");
    CHECK(states(Chain(back, m, day("2026-11-09"), 0), "2026-11-01", "2026-11-09") == "XXXX .XXo");
  }
  // Each done day is a kept occasion, each missed day a broken one, today's open day pending.
  std::string outcomes;
  for (const Occasion& o : chain.occasions())
    outcomes += o.outcome == Occasion::Outcome::kept ? 'k' : o.outcome == Occasion::Outcome::broken ? 'b' : 'p';
  CHECK(outcomes == "kkkkbkk");
}

TEST_CASE("chain: a goal tracked only asks for no day - its done days count, never judged") {
  Goal g = goal_with("2026-11-02", "tracking");
  DayMarks m = marks_of({{"2026-11-02", done}, {"2026-11-04", skip}, {"2026-11-05", done}});
  Chain chain(g, m, day("2026-11-06"), 0);
  CHECK(states(chain, "2026-11-02", "2026-11-06") == "x -x ");  // today is never open
  CHECK(chain.occasions().empty());
  CHECK(chain.periods().empty());
  SUBCASE("a change from daily to tracking judges the daily days as before") {
    Goal changed = test::goal_changed_on("2026-11-02", "daily", "2026-11-05", "tracking");
    CHECK(states(Chain(changed, m, day("2026-11-06"), 0), "2026-11-02", "2026-11-06") == "X.-x ");
  }
}

}  // namespace microstep
