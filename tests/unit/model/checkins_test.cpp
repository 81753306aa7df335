/// Tests of core/model/checkins: from the raw events of one goal to what happened on each day.
#include "core/model/checkins.hpp"
#include "unit/builders.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace microstep {

using test::day;

namespace {

struct Raw {
  const char* on;
  EventKind kind;
  int minute;  // minutes after 08:00 UTC on that day: orders one day's events
  std::optional<double> amount = std::nullopt;
  std::string note = "";
};

CheckinCollector collect(const std::vector<Raw>& raw) {
  CheckinCollector c;
  for (const auto& r : raw) {
    EventView e;
    e.day = day(r.on);
    e.written = Moment{date::sys_seconds{e.day} + std::chrono::hours{8} + std::chrono::minutes{r.minute}, {}};
    e.kind = r.kind;
    e.goal = "g";
    e.amount = r.amount;
    e.note_escaped = r.note;
    c.add(e);
  }
  return c;
}

DayMarks marks_of(const std::vector<Raw>& raw, double default_amount = 1) {
  return DayMarks(collect(raw), default_amount);
}

/// The full event of a Raw, as read back from the log.
Event event_of(const Raw& r) {
  Day d = day(r.on);
  return Event{d, Moment{date::sys_seconds{d} + std::chrono::hours{8} + std::chrono::minutes{r.minute}, {}},
               r.kind, "g", r.amount, r.note, ""};
}

/// The marks of `raw` as they were before its check-in `checkin` was logged, the day's
/// check-ins taken from the log as a command reads them (CheckinCollector::of_day).
DayMarks before(const std::vector<Raw>& raw, const Raw& checkin, double default_amount = 1) {
  const CheckinCollector all = collect(raw);
  const CheckinCollector* parts[] = {&all};
  return marks_of(raw, default_amount).without(event_of(checkin), CheckinCollector::of_day(parts, day(checkin.on)));
}

/// The done days, as text.
std::vector<std::string> done_days(const DayMarks& m) {
  std::vector<std::string> out;
  m.for_each_done_day([&](Day d) { out.push_back(format_day(d)); });
  return out;
}

const auto done = EventKind::done, skip = EventKind::skip, undo = EventKind::undo, pause = EventKind::pause,
           resume = EventKind::resume;

}  // namespace

TEST_CASE("checkins: several dones on one day are one day done - their amounts add up") {
  DayMarks m = marks_of({{"2026-11-02", done, 0, 3.0}, {"2026-11-02", done, 5, 2.5}, {"2026-11-02", done, 9}}, 1);
  CHECK(done_days(m) == std::vector<std::string>{"2026-11-02"});
  CHECK(m.amount(day("2026-11-02")) == doctest::Approx(6.5));  // 3 + 2.5 + the default 1
  CHECK(m.total_amount(day("2026-11-01"), day("2026-11-30")) == doctest::Approx(6.5));
  CHECK(m.amount(day("2026-11-03")) == 0);
}

TEST_CASE("checkins: a done without an amount counts the default amount") {
  DayMarks m = marks_of({{"2026-11-02", done, 0}, {"2026-11-04", done, 0}}, 5);
  CHECK(m.total_amount(day("2026-11-01"), day("2026-11-30")) == doctest::Approx(10));
  CHECK(m.total_amount(day("2026-11-03"), day("2026-11-30")) == doctest::Approx(5));
}

TEST_CASE("checkins: for_each_day answers as done() and resting() - before, inside and after the marks, in an open pause") {
  DayMarks m = marks_of({{"2026-11-02", done, 0}, {"2026-11-03", skip, 0}, {"2026-11-05", pause, 0},
                         {"2026-11-07", resume, 0}, {"2026-11-09", done, 0}, {"2026-11-12", pause, 0},
                         {"2026-11-14", done, 0}});
  std::string seen, expected;
  m.for_each_day(day("2026-10-30"), day("2026-11-18"), [&](bool is_done, bool resting) {
    seen += is_done ? 'X' : resting ? '-' : '.';
  });
  for (Day d = day("2026-10-30"); d <= day("2026-11-18"); d += date::days{1})
    expected += m.done(d) ? 'X' : m.resting(d) ? '-' : '.';
  CHECK(seen == expected);
  CHECK(seen == "...X-.--..X..--X----");
  std::string none;
  DayMarks{}.for_each_day(day("2026-11-01"), day("2026-11-03"), [&](bool d, bool r) { none += d || r ? '!' : '.'; });
  CHECK(none == "...");
}

TEST_CASE("checkins: the total of the default amounts is the sum day by day, to the last bit") {
  // A whole default is counted and multiplied, any other is added day by day: both must give
  // exactly what adding it once per done day gives.
  std::vector<std::string> days;
  for (int i = 0; i < 10; ++i) days.push_back(format_day(day("2026-11-01") + date::days{i}));
  std::vector<Raw> raw;
  for (int i = 0; i < 10; ++i) raw.push_back({days[static_cast<size_t>(i)].c_str(), done, i});
  for (double amount : {0.1, 0.7, 3.0, 1e6}) {
    DayMarks m = marks_of(raw, amount);
    double by_day = 0;
    for (int i = 0; i < 10; ++i) by_day += amount;
    CHECK(m.total_amount(day("2026-11-01"), day("2026-11-30")) == by_day);
    double first_three = amount + amount + amount;
    CHECK(m.total_amount(day("2026-10-01"), day("2026-11-03")) == first_three);
  }
}

TEST_CASE("checkins: undo cancels the day's check-ins written before it - a later done counts again") {
  DayMarks cancelled = marks_of({{"2026-11-02", done, 0}, {"2026-11-02", undo, 1}});
  CHECK_FALSE(cancelled.done(day("2026-11-02")));
  DayMarks again = marks_of({{"2026-11-02", done, 0}, {"2026-11-02", undo, 1}, {"2026-11-02", done, 2, 4.0}});
  CHECK(again.done(day("2026-11-02")));
  CHECK(again.amount(day("2026-11-02")) == doctest::Approx(4));
  // An undo on another day leaves this one alone.
  CHECK(marks_of({{"2026-11-02", done, 0}, {"2026-11-03", undo, 1}}).done(day("2026-11-02")));
}

TEST_CASE("checkins: skip and pause are rest days unless done - an open pause runs on") {
  DayMarks m = marks_of({{"2026-11-02", skip, 0},
                         {"2026-11-03", skip, 0},
                         {"2026-11-03", done, 1},
                         {"2026-11-05", pause, 0},
                         {"2026-11-08", resume, 0},
                         {"2026-11-20", pause, 0}});
  CHECK(m.skipped(day("2026-11-02")));
  CHECK(m.resting(day("2026-11-02")));
  CHECK_FALSE(m.skipped(day("2026-11-03")));  // a skip and a done: done
  CHECK(m.done(day("2026-11-03")));
  CHECK_FALSE(m.resting(day("2026-11-04")));
  CHECK(m.paused(day("2026-11-05")));
  CHECK(m.paused(day("2026-11-07")));
  CHECK_FALSE(m.paused(day("2026-11-08")));   // resumed that day
  CHECK(m.paused(day("2027-06-01")));         // still paused, long after the log ends
  CHECK(m.resting(day("2027-06-01")));
}

TEST_CASE("checkins: status_on - paused by a pause event, the file's status otherwise") {
  DayMarks m = marks_of({{"2026-11-05", pause, 0}, {"2026-11-08", resume, 0}, {"2026-11-20", pause, 0}});
  Goal g = test::goal_with("2026-11-01", "daily");
  CHECK(status_on(g, m, day("2026-11-04")) == GoalStatus::active);
  CHECK(status_on(g, m, day("2026-11-05")) == GoalStatus::paused);
  CHECK(status_on(g, m, day("2026-11-07")) == GoalStatus::paused);
  CHECK(status_on(g, m, day("2026-11-08")) == GoalStatus::active);
  CHECK(status_on(g, m, day("2026-12-31")) == GoalStatus::paused);  // never resumed
  for (GoalStatus file : {GoalStatus::paused, GoalStatus::done, GoalStatus::archived}) {
    g.status = file;
    CHECK(status_on(g, m, day("2026-11-04")) == file);
    CHECK(status_on(g, m, day("2026-11-06")) == file);
  }
}

TEST_CASE("checkins: first and last done - none for an empty history") {
  DayMarks none = marks_of({});
  CHECK_FALSE(none.first_done());
  CHECK_FALSE(none.last_done());
  DayMarks m = marks_of({{"2026-11-09", done, 0}, {"2026-10-30", done, 0}, {"2026-11-12", skip, 0}});
  CHECK(m.first_done() == day("2026-10-30"));
  CHECK(m.last_done() == day("2026-11-09"));
}

TEST_CASE("checkins: the order of the events and exact duplicates do not matter") {
  std::vector<Raw> raw = {{"2026-11-01", done, 0, 2.0, "a"}, {"2026-11-02", done, 0},     {"2026-11-02", undo, 3},
                          {"2026-11-02", done, 7, 1.5},      {"2026-11-04", skip, 0},     {"2026-11-05", pause, 0},
                          {"2026-11-07", resume, 0},         {"2026-11-07", done, 1, 3.0}};
  DayMarks sorted = marks_of(raw);
  // By the definitions: the 2nd's first done is undone, the later one (1.5) counts; the 4th is
  // skipped; the 5th and 6th are paused (the resume on the 7th ends the pause before that day).
  CHECK(done_days(sorted) == std::vector<std::string>{"2026-11-01", "2026-11-02", "2026-11-07"});
  CHECK(sorted.total_amount(day("2026-10-01"), day("2026-12-01")) == doctest::Approx(2 + 1.5 + 3));
  auto doubled = raw;
  doubled.insert(doubled.end(), raw.begin(), raw.end());  // what a git union merge can leave
  for (unsigned seed = 1; seed <= 20; ++seed) {
    CAPTURE(seed);
    std::shuffle(doubled.begin(), doubled.end(), std::mt19937(seed));
    DayMarks m = marks_of(doubled);
    CHECK(done_days(m) == done_days(sorted));
    CHECK(m.total_amount(day("2026-10-01"), day("2026-12-01")) ==
          doctest::Approx(sorted.total_amount(day("2026-10-01"), day("2026-12-01"))));
    for (Day d = day("2026-10-31"); d <= day("2026-11-09"); d += date::days{1}) {
      CHECK(m.done(d) == sorted.done(d));
      CHECK(m.amount(d) == doctest::Approx(sorted.amount(d)));
      CHECK(m.skipped(d) == sorted.skipped(d));
      CHECK(m.resting(d) == sorted.resting(d));
      CHECK(m.paused(d) == sorted.paused(d));
    }
  }
}

TEST_CASE("checkins: check-ins years apart resolve as those days apart do") {
  // A few check-ins spread over years take the plain sort rather than the counting sort by
  // day; shuffled and doubled, they must resolve as they do in order.
  std::vector<Raw> raw = {{"2019-03-01", done, 0, 2.0}, {"2019-03-01", undo, 3}, {"2019-03-01", done, 7, 1.5},
                          {"2023-06-10", pause, 0},     {"2024-01-01", resume, 0}, {"2026-11-02", skip, 0},
                          {"2026-11-03", done, 1, 3.0}};
  DayMarks in_order = marks_of(raw);
  CHECK(done_days(in_order) == std::vector<std::string>{"2019-03-01", "2026-11-03"});
  CHECK(in_order.amount(day("2019-03-01")) == doctest::Approx(1.5));
  CHECK(in_order.paused(day("2023-12-31")));
  CHECK_FALSE(in_order.paused(day("2024-01-01")));
  CHECK(in_order.skipped(day("2026-11-02")));
  auto doubled = raw;
  doubled.insert(doubled.end(), raw.begin(), raw.end());
  for (unsigned seed = 1; seed <= 10; ++seed) {
    CAPTURE(seed);
    std::shuffle(doubled.begin(), doubled.end(), std::mt19937(seed));
    DayMarks m = marks_of(doubled);
    CHECK(done_days(m) == done_days(in_order));
    CHECK(m.total_amount(day("2019-01-01"), day("2026-12-31")) == doctest::Approx(1.5 + 3));
    for (const char* d : {"2019-03-01", "2023-06-10", "2023-12-31", "2024-01-01", "2026-11-02", "2026-11-03"}) {
      CHECK(m.paused(day(d)) == in_order.paused(day(d)));
      CHECK(m.skipped(day(d)) == in_order.skipped(day(d)));
    }
  }
}

TEST_CASE("checkins: an undo written in the same second as a done wins the tie") {
  CHECK_FALSE(marks_of({{"2026-11-02", done, 0}, {"2026-11-02", undo, 0}}).done(day("2026-11-02")));
  // Listed the other way round: the same.
  CHECK_FALSE(marks_of({{"2026-11-02", undo, 0}, {"2026-11-02", done, 0}}).done(day("2026-11-02")));
  // An undo also cancels a skip: the day is no longer a rest day.
  DayMarks unskipped = marks_of({{"2026-11-02", skip, 0}, {"2026-11-02", undo, 4}});
  CHECK_FALSE(unskipped.skipped(day("2026-11-02")));
  CHECK_FALSE(unskipped.resting(day("2026-11-02")));
}

TEST_CASE("checkins: amounts that thousandths cannot hold survive duplicates and parts") {
  // 5e6 x 1000 does not fit the compact form and 0.0005 is not a whole number of thousandths:
  // both are kept aside. A duplicated line still counts once, and the big amounts of two
  // parts of a log must not be mixed up.
  CheckinCollector first, second;
  auto add = [](CheckinCollector& c, const char* on, double amount) {
    EventView e;
    e.goal = "g";
    e.day = day(on);
    e.written = Moment{date::sys_seconds{e.day} + std::chrono::hours{8}, {}};
    e.amount = amount;
    c.add(e);
  };
  add(first, "2026-11-02", 5e6);
  add(first, "2026-11-02", 5e6);  // a union-merge duplicate
  add(second, "2026-11-03", 7e6);
  add(second, "2026-11-04", 0.0005);
  add(second, "2026-11-05", 2.5);
  add(second, "2026-11-02", 5e6);  // a duplicate of the first part's line
  DayMarks m(std::vector<const CheckinCollector*>{&first, &second}, 1);
  CHECK(m.amount(day("2026-11-02")) == doctest::Approx(5e6));
  CHECK(m.amount(day("2026-11-03")) == doctest::Approx(7e6));
  CHECK(m.amount(day("2026-11-04")) == doctest::Approx(0.0005));
  CHECK(m.amount(day("2026-11-05")) == doctest::Approx(2.5));
  CHECK(m.total_amount(day("2026-11-01"), day("2026-11-30")) == doctest::Approx(12e6 + 2.5005));
}

TEST_CASE("checkins: an exact duplicate line counts once - amount and all") {
  // A git union merge of two clones that both hold the same line keeps it twice.
  DayMarks m = marks_of({{"2026-11-02", done, 0, 3.0, "same"}, {"2026-11-02", done, 0, 3.0, "same"}});
  CHECK(m.amount(day("2026-11-02")) == doctest::Approx(3));
  // A duplicated undo, pause or skip changes nothing either.
  DayMarks twice = marks_of({{"2026-11-02", done, 0}, {"2026-11-02", undo, 1}, {"2026-11-02", undo, 1},
                             {"2026-11-03", skip, 0}, {"2026-11-03", skip, 0}});
  CHECK_FALSE(twice.done(day("2026-11-02")));
  CHECK(twice.skipped(day("2026-11-03")));
}

TEST_CASE("checkins: two dones that differ only in their note both count") {
  // Not duplicates: two check-ins written in the same second, with different notes.
  DayMarks m = marks_of({{"2026-11-02", done, 0, 2.0, "morning"}, {"2026-11-02", done, 0, 2.0, "evening"}});
  CHECK(m.amount(day("2026-11-02")) == doctest::Approx(4));
}

TEST_CASE("checkins: the parts of a log resolve as if one collector had seen them all") {
  // An undo in the second part cancels a done in the first (written in the same second:
  // the undo wins the tie, whichever part holds it).
  CheckinCollector first, second, whole;
  EventView e;
  e.goal = "g";
  e.day = day("2026-11-02");
  e.written = Moment{date::sys_seconds{e.day} + std::chrono::hours{8}, {}};
  first.add(e);
  whole.add(e);
  e.day = day("2026-11-05");
  second.add(e);
  whole.add(e);
  e.day = day("2026-11-02");
  e.kind = EventKind::undo;
  second.add(e);
  whole.add(e);
  DayMarks parts(std::vector<const CheckinCollector*>{&first, &second}, 1);
  CHECK(done_days(parts) == std::vector<std::string>{"2026-11-05"});
  CHECK(done_days(parts) == done_days(DayMarks(whole, 1)));
  // An empty part changes nothing.
  CheckinCollector none;
  CHECK(done_days(DayMarks(std::vector<const CheckinCollector*>{&none, &first, &none}, 1)) ==
        std::vector<std::string>{"2026-11-02"});
}

TEST_CASE("checkins: a collector of thousands of records keeps every one") {
  // The records grow in chunks: each chunk boundary must keep its neighbours.
  CheckinCollector c;
  EventView e;
  e.goal = "g";
  const Day start = day("2020-01-01");
  for (int i = 0; i < 20000; ++i) {
    e.day = start + date::days{i % 5000};
    e.amount = 1 + i / 5000;  // 1, 2, 3 and 4 for the same day in four rounds
    c.add(e);
  }
  DayMarks m(c, 1);
  CHECK(m.amount(start) == doctest::Approx(10));
  CHECK(m.amount(start + date::days{4999}) == doctest::Approx(10));
  CHECK(m.total_amount(start, start + date::days{4999}) == doctest::Approx(50000));
}

TEST_CASE("checkins: without - a day's only done taken back, the other days as they were") {
  const Raw checkin{"2026-11-03", done, 30, 4.0};
  std::vector<Raw> raw{{"2026-11-02", done, 0}, {"2026-11-03", skip, 0}, checkin, {"2026-11-04", done, 0, 2.0}};
  DayMarks m = before(raw, checkin);
  CHECK(done_days(m) == std::vector<std::string>{"2026-11-02", "2026-11-04"});
  CHECK(m.skipped(day("2026-11-03")));  // its skip shows again
  CHECK(m.amount(day("2026-11-03")) == 0);
  CHECK(m.amount(day("2026-11-04")) == doctest::Approx(2.0));
  CHECK(m.total_amount(day("2026-11-01"), day("2026-11-30")) == doctest::Approx(3.0));
}

TEST_CASE("checkins: without - a day done before the check-in stays done, with its own amount") {
  const Raw checkin{"2026-11-03", done, 30, 4.0};
  DayMarks m = before({{"2026-11-03", done, 0, 2.5}, checkin}, checkin);
  CHECK(m.done(day("2026-11-03")));
  CHECK(m.amount(day("2026-11-03")) == doctest::Approx(2.5));
  SUBCASE("unless an undo cancelled it") {
    DayMarks undone = before({{"2026-11-03", done, 0, 2.5}, {"2026-11-03", undo, 10}, checkin}, checkin);
    CHECK_FALSE(undone.done(day("2026-11-03")));
  }
  SUBCASE("the same line twice in the log (one written, one merged in): one copy is left out") {
    DayMarks twice = before({checkin, checkin}, checkin);
    CHECK(twice.done(day("2026-11-03")));
    CHECK(twice.amount(day("2026-11-03")) == doctest::Approx(4.0));
  }
}

TEST_CASE("checkins: without - a pause that spans the day is kept") {
  const Raw checkin{"2026-11-05", done, 30};
  DayMarks m = before({{"2026-11-02", pause, 0}, checkin}, checkin);
  CHECK_FALSE(m.done(day("2026-11-05")));
  CHECK(m.paused(day("2026-11-05")));
  CHECK(m.paused(day("2026-11-20")));  // still open
}

}  // namespace microstep
