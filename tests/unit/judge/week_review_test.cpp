/// Tests of core/judge/week_review: one week as the seeds' Day-7 reflection judges it.
#include "core/judge/week_review.hpp"
#include "unit/builders.hpp"

#include <doctest/doctest.h>

namespace microstep {

using test::day;
using test::done_except;
using test::goal_with;
using test::marks_of;

TEST_CASE("week review: a past week is judged to its last day") {
  Goal g = goal_with("2026-11-16");
  auto m = done_except("2026-11-16", "2026-11-21", {});  // Monday to Saturday, not Sunday
  WeekReview w = review_week(Chain(g, m, day("2026-11-25"), 0), day("2026-11-18"), {});
  CHECK(w.first == day("2026-11-16"));
  CHECK(w.to == day("2026-11-22"));
  CHECK_FALSE(w.so_far);
  CHECK(w.done == 6);
  CHECK(w.scheduled == 7);
  CHECK(w.missed == 1);
  CHECK(w.missed_weekdays == std::vector<unsigned>{6});
  CHECK(*w.rate == doctest::Approx(6.0 / 7));
  CHECK(w.on_track == true);
}

TEST_CASE("week review: the current week so far - today open is not judged yet") {
  Goal g = goal_with("2026-11-16");
  auto m = done_except("2026-11-16", "2026-11-24", {});
  WeekReview w = review_week(Chain(g, m, day("2026-11-25"), 0), day("2026-11-25"), {});
  CHECK(w.so_far);
  CHECK(w.to == day("2026-11-25"));
  CHECK(w.days.size() == 3);
  CHECK(w.done == 2);
  CHECK(w.scheduled == 3);
  CHECK(w.open_today);
  CHECK(w.judged() == 2);  // what the text says: 2 of 2 so far, today still open
  CHECK(*w.rate == 1);
  CHECK(w.on_track == true);
}

TEST_CASE("week review: a quota week is judged by its quota, a month by the month so far") {
  Goal g = goal_with("2026-11-02", "3/week");
  auto m = marks_of({{"2026-11-09", EventKind::done}, {"2026-11-10", EventKind::done}});
  WeekReview w = review_week(Chain(g, m, day("2026-11-23"), 0), day("2026-11-12"), {});
  REQUIRE(w.period);
  CHECK(w.period->needed == 3);
  CHECK(w.period->done == 2);
  CHECK(w.on_track == false);
  CHECK(*w.rate == doctest::Approx(2.0 / 3));
  CHECK(w.missed_weekdays.empty());
  Goal monthly = goal_with("2026-11-02", "2/month");
  WeekReview month = review_week(Chain(monthly, m, day("2026-11-12"), 0), day("2026-11-12"), {});
  REQUIRE(month.period);
  CHECK(month.period->first == day("2026-11-02"));
  CHECK(month.period->met());
  CHECK(month.on_track == true);
  WeekReview open = review_week(Chain(g, m, day("2026-11-12"), 0), day("2026-11-12"), {});
  CHECK_FALSE(open.on_track);  // the week holds today and is not met yet: still open
}

TEST_CASE("week review: a K in N days week is judged by its days - one tracked only is not judged") {
  Goal rolling = goal_with("2026-11-02", "2 in 3 days");
  auto m = marks_of({{"2026-11-02", EventKind::done}, {"2026-11-03", EventKind::done},
                     {"2026-11-05", EventKind::done}, {"2026-11-07", EventKind::done}});
  // Mon, Tue, Thu, Sat done; Wed and Fri not asked; Sun missed.
  WeekReview w = review_week(Chain(rolling, m, day("2026-11-10"), 0), day("2026-11-02"), {});
  CHECK(w.done == 4);
  CHECK(w.scheduled == 5);
  CHECK(w.missed == 1);
  CHECK(*w.rate == doctest::Approx(4.0 / 5));
  CHECK(w.on_track == true);
  CHECK_FALSE(w.tracking);
  Goal tracked = goal_with("2026-11-02", "tracking");
  WeekReview t = review_week(Chain(tracked, m, day("2026-11-10"), 0), day("2026-11-02"), {});
  CHECK(t.tracking);
  CHECK(t.done == 4);
  CHECK(t.scheduled == 0);
  CHECK_FALSE(t.rate);
  CHECK_FALSE(t.on_track);
  // Nor has a goal tracked only a review day on its seventh.
  CHECK(is_review_day(Chain(rolling, m, day("2026-11-08"), 0)));
  CHECK_FALSE(is_review_day(Chain(tracked, m, day("2026-11-08"), 0)));
}

}  // namespace microstep
