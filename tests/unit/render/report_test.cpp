/// Tests of core/render/report: goals, statistics and suggestions rendered as text and JSON.
/// Renderers only format: most cases hand them numbers built here, so the expected text
/// follows from those numbers alone.
#include "core/render/report.hpp"
#include "unit/builders.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace microstep {

using test::day;

namespace {

Goal novel() {
  Goal g;
  g.id = "write-novel";
  g.goal = "Write a novel";
  g.step = "Write one sentence";
  g.after = "I pour my morning coffee";
  g.schedule_text = "daily";
  g.schedule = *parse_schedule("daily");
  g.started = g.since = day("2026-11-01");
  g.feeling = "capable";
  g.unit = "sentences";
  g.minimum = 1;
  return g;
}

/// A week: done 1-3, missed 4, done 5 and 6, today the 7th open; 7.5 sentences in all.
GoalStats week_stats() {
  GoalStats s;
  s.in_force = novel().current();
  s.current = {2, day("2026-11-05"), day("2026-11-06")};
  s.longest = {3, day("2026-11-01"), day("2026-11-03")};
  s.streak_unit = "day";
  s.state = StreakState::open;
  s.rate_7 = s.rate_30 = s.rate_90 = s.rate_all = 5.0 / 6;
  s.strength = 0.2271;
  s.done_days = 5;
  s.total_amount = 7.5;
  s.first_done = day("2026-11-01");
  s.last_done = day("2026-11-06");
  s.days_since_last_done = 1;
  s.verdict = Verdict{ChainUnit::day, 5, 6, 7, 5, 0, std::nullopt};
  return s;
}

Suggestion keep(const char* reason) {
  Suggestion s;
  s.reason = reason;
  return s;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("report: where the streak stands in words") {
  GoalStats s;
  s.streak_unit = "day";
  s.current.length = 3;
  s.state = StreakState::alive;
  CHECK(streak_phrase(s) == "3-day streak");
  s.state = StreakState::open;
  CHECK(streak_phrase(s) == "3-day streak, open today");
  s.current.length = 0;
  CHECK(streak_phrase(s) == "no streak yet, open today");
  s.state = StreakState::broken;
  s.broken_days_ago = 2;
  CHECK(streak_phrase(s) == "chain broken 2 days ago: today is a fresh start");
  s.broken_days_ago = 1;
  CHECK(streak_phrase(s) == "chain broken 1 day ago: today is a fresh start");
  s.state = StreakState::none;
  CHECK(streak_phrase(s) == "no streak yet");
  s.streak_unit = "week";
  s.current.length = 2;
  s.state = StreakState::alive;
  CHECK(streak_phrase(s) == "2-week streak");
}

TEST_CASE("report: the stats block of one goal") {
  std::string expected =
      "write-novel: Write one sentence (daily)\n"
      "  streak     2-day streak, open today\n"
      "  longest    3 days, 2026-11-01 to 2026-11-03\n"
      "  rate       7d 83%  30d 83%  90d 83%  all 83%\n"
      "  strength   0.23\n"
      "  total      5 days done, 7.5 sentences, last 2026-11-06 (1 day ago)\n"
      "  too early to judge: 5 of 6 scheduled days done so far\n"
      "  Keep going: 7 days on this step at 83%\n";
  CHECK(stats_text(novel(), week_stats(), {}, keep("7 days on this step at 83%")) == expected);
  SUBCASE("a change that takes effect later is shown as upcoming") {
    GoalStats s = week_stats();
    StepVersion two = s.in_force;
    two.from = day("2026-11-08");
    two.step = "Write two sentences";
    s.upcoming = two;
    CHECK(contains(stats_text(novel(), s, {}, keep("fine")),
                   "write-novel: Write one sentence (daily)\n  upcoming   from 2026-11-08: Write two sentences (daily)\n"));
  }
}

TEST_CASE("report: the stats block leaves out what does not apply") {
  Goal g = novel();
  g.unit.clear();
  GoalStats s;
  s.in_force = g.current();
  s.streak_unit = "day";
  s.state = StreakState::open;
  std::string text = stats_text(g, s, {}, keep("nothing to judge yet"));
  CHECK(contains(text, "  streak     no streak yet, open today\n"));
  CHECK(contains(text, "  longest    0 days\n"));           // no dates without a streak
  CHECK(contains(text, "  rate       7d -  30d -  90d -  all -\n"));
  CHECK(contains(text, "  total      0 days done\n"));      // no unit, no last day
  CHECK(contains(text, "  too early to judge: no scheduled day judged yet\n"));
  CHECK_FALSE(contains(text, "sizes"));
  SUBCASE("done today - and the 7-day rule not met") {
    s.done_days = 1;
    s.last_done = day("2026-11-07");
    s.days_since_last_done = 0;
    s.verdict = Verdict{ChainUnit::day, 4, 7, 7, 5, 0, false};
    std::string t = stats_text(g, s, {}, keep(""));
    CHECK(contains(t, "  total      1 day done, last 2026-11-07 (today)\n"));
    CHECK(contains(t, "  below 5 of 7: 4 of the last 7 scheduled days done\n"));
  }
  SUBCASE("a quota goal's verdict speaks of its periods") {
    s.verdict = Verdict{ChainUnit::week, 3, 4, 4, 3, 3, true};
    CHECK(contains(stats_text(g, s, {}, keep("")), "  on track: 3/week met in 3 of the last 4 weeks\n"));
    s.verdict = Verdict{ChainUnit::month, 1, 2, 4, 3, 2, std::nullopt};
    CHECK(contains(stats_text(g, s, {}, keep("")), "  too early to judge: 2/month met in 1 of 2 months so far\n"));
  }
}

TEST_CASE("report: the stats block lists each size of the step with its rate") {
  StepVersion page;
  page.from = day("2026-10-01");
  page.step = "Write one page";
  StepVersion sentence;
  sentence.from = day("2026-11-01");
  sentence.step = "Write one sentence";
  std::vector<RungRate> rungs{{page, day("2026-10-31"), 0.4}, {sentence, day("2026-11-07"), std::nullopt}};
  std::string text = stats_text(novel(), week_stats(), rungs, keep("fine"));
  CHECK(contains(text, "  sizes\n"
                       "    2026-10-01 to 2026-10-31  40%  Write one page\n"
                       "    2026-11-01 to 2026-11-07  -  Write one sentence\n"));
  // One size alone is no comparison: no sizes block.
  CHECK_FALSE(contains(stats_text(novel(), week_stats(), {rungs.back()}, keep("fine")), "sizes"));
}

TEST_CASE("report: a suggestion in words") {
  Suggestion smaller;
  smaller.kind = SuggestionKind::smaller;
  smaller.rule = "7-day rule";
  smaller.reason = "4 of the last 7 scheduled days done; 5 is on track";
  smaller.step = "Write one word";
  smaller.shrink_rule = "ladder: One sentence is a big unit; one word is the next size down.";
  smaller.shrink_why = "One sentence is a big unit; one word is the next size down.";
  CHECK(suggestion_text("g", smaller) ==
        "Make it smaller: \"Write one word\" (7-day rule: 4 of the last 7 scheduled days done; 5 is on track)\n"
        "  One sentence is a big unit; one word is the next size down. Take it with: microstep shrink g\n");
  SUBCASE("nothing smaller found: the person is asked for their own") {
    smaller.step.reset();
    smaller.shrink_why = "Nothing smaller than \"Take my vitamins\" comes from its words: you know best what the "
                         "smallest part of it is.";
    CHECK(suggestion_text("g", smaller) ==
          "Make it smaller (7-day rule: 4 of the last 7 scheduled days done; 5 is on track)\n"
          "  Nothing smaller than \"Take my vitamins\" comes from its words: you know best what the smallest part "
          "of it is. Set it with: microstep shrink g \"your smaller step\"\n");
  }
  Suggestion grow;
  grow.kind = SuggestionKind::grow;
  grow.step = "Write 1-2 sentences";
  grow.reason = "30 days on this step at 97%";
  CHECK(suggestion_text("g", grow) == "Ready to grow: \"Write 1-2 sentences\" (30 days on this step at 97%)\n");
  Suggestion anchor;
  anchor.kind = SuggestionKind::change_anchor;
  anchor.reason = "misses cluster on Mondays";
  CHECK(suggestion_text("g", anchor) == "Change the anchor: misses cluster on Mondays\n");
  CHECK(suggestion_text("g", keep("6 of the last 7")) == "Keep going: 6 of the last 7\n");
  Suggestion none;
  none.kind = SuggestionKind::none;
  none.reason = "no suggestion while the goal is paused";
  CHECK(suggestion_text("g", none) == "No suggestion while the goal is paused.\n");
}

TEST_CASE("report: a goal as JSON - optional fields as null - history oldest first") {
  Goal g = novel();
  g.minimum.reset();
  StepVersion page;
  page.from = day("2026-10-01");
  page.step = "Write \"one\" page";
  page.schedule_text = "weekdays";
  page.minimum = 2;
  page.after = "I sit down";
  g.history = {page};
  g.started = day("2026-10-01");
  JsonWriter json;
  write_goal_json(json, g);
  CHECK(json.str() ==
        "{\"id\":\"write-novel\",\"goal\":\"Write a novel\",\"step\":\"Write one sentence\","
        "\"after\":\"I pour my morning coffee\",\"schedule\":\"daily\",\"started\":\"2026-10-01\","
        "\"since\":\"2026-11-01\",\"status\":\"active\",\"feeling\":\"capable\",\"unit\":\"sentences\","
        "\"minimum\":null,\"minutes\":null,\"at\":null,\"history\":[{\"from\":\"2026-10-01\","
        "\"step\":\"Write \\\"one\\\" page\",\"schedule\":\"weekdays\",\"minimum\":2,\"after\":\"I sit down\"}]}\n");
  SUBCASE("write_goal_fields leaves the object to the caller") {
    JsonWriter more;
    more.begin_object();
    write_goal_fields(more, g);
    more.field("extra", true).end_object();
    CHECK(more.str().starts_with("{\"id\":\"write-novel\","));
    CHECK(more.str().ends_with("}],\"extra\":true}\n"));
  }
}

TEST_CASE("report: the stats of a goal as JSON - rates rounded - open for more fields") {
  GoalStats s = week_stats();
  s.rate_90.reset();
  s.on_track.reset();
  s.first_done.reset();
  JsonWriter json;
  write_stats_json(json, novel(), s);
  json.field("more", 1).end_object();
  std::string text = json.str();
  CHECK(text.starts_with("{\"id\":\"write-novel\",\"step\":\"Write one sentence\",\"schedule\":\"daily\","
                         "\"upcoming\":null,"));
  CHECK(contains(text, "\"current_streak\":2,\"longest_streak\":3,\"streak_unit\":\"day\",\"streak_state\":\"open\""));
  CHECK(contains(text, "\"broken_days_ago\":null"));
  CHECK(contains(text, "\"longest_streak_start\":\"2026-11-01\",\"longest_streak_end\":\"2026-11-03\""));
  CHECK(contains(text, "\"rate_7\":0.8333,"));  // 5/6 to 4 decimals
  CHECK(contains(text, "\"rate_90\":null,"));
  CHECK(contains(text, "\"strength\":0.2271,"));
  CHECK(contains(text, "\"done_days\":5,\"total_amount\":7.5,\"unit\":\"sentences\""));
  CHECK(contains(text, "\"first_done\":null,\"last_done\":\"2026-11-06\",\"days_since_last_done\":1"));
  CHECK(contains(text, "\"on_track\":null,\"tracking\":false,\"verdict\":{\"verdict\":\"too_early\",\"unit\":\"day\",\"kept\":5,"
                       "\"judged\":6,\"window\":7,\"needed\":5,\"quota\":null,\"on_track\":null,"
                       "\"text\":\"too early to judge: 5 of 6 scheduled days done so far\"},\"more\":1}"));
}

TEST_CASE("report: a goal tracked only shows its totals, and no streak, rate or strength") {
  GoalStats s = week_stats();
  s.tracking = true;
  s.current = s.longest = {};
  s.state = StreakState::none;
  s.rate_7 = s.rate_30 = s.rate_90 = s.rate_all = std::nullopt;
  s.strength = 0;
  s.verdict = Verdict{};
  s.verdict.tracking = true;
  CHECK(streak_phrase(s) == "tracking only, 5 days done");
  Suggestion none;
  none.kind = SuggestionKind::none;
  none.reason = "no suggestion for a goal tracked only: it is counted, never scored";
  CHECK(stats_text(novel(), s, {}, none) ==
        "write-novel: Write one sentence (daily)\n"
        "  total      5 days done, 7.5 sentences, last 2026-11-06 (1 day ago)\n"
        "  tracking only: counted, never scored\n"
        "  No suggestion for a goal tracked only: it is counted, never scored.\n");
  JsonWriter json;
  write_stats_json(json, novel(), s);
  json.end_object();
  CHECK(contains(json.str(), "\"strength\":null,"));
  CHECK(contains(json.str(), "\"on_track\":null,\"tracking\":true,\"verdict\":{\"verdict\":\"none\","));
}

TEST_CASE("report: sizes and suggestions as JSON") {
  StepVersion page;
  page.from = day("2026-10-01");
  page.step = "Write one page";
  page.schedule_text = "daily";
  JsonWriter rungs;
  rungs.begin_object().key("rungs");
  write_rungs_json(rungs, {{page, day("2026-10-31"), 2.0 / 3}, {page, day("2026-11-07"), std::nullopt}});
  rungs.end_object();
  CHECK(rungs.str() ==
        "{\"rungs\":[{\"from\":\"2026-10-01\",\"to\":\"2026-10-31\",\"step\":\"Write one page\","
        "\"schedule\":\"daily\",\"minimum\":null,\"rate\":0.6667},{\"from\":\"2026-10-01\",\"to\":\"2026-11-07\","
        "\"step\":\"Write one page\",\"schedule\":\"daily\",\"minimum\":null,\"rate\":null}]}\n");

  Suggestion grow;
  grow.kind = SuggestionKind::grow;
  grow.rule = "10% rule";
  grow.reason = "30 days on this step at 100%";
  grow.step = "Write 11 sentences";
  grow.minimum = 11;
  JsonWriter json;
  write_suggestion_json(json, grow);
  CHECK(json.str() ==
        "{\"kind\":\"grow\",\"rule\":\"10% rule\",\"reason\":\"30 days on this step at 100%\","
        "\"step\":\"Write 11 sentences\",\"minimum\":11,\"shrink_rule\":null,\"optional_plus\":false,"
        "\"already_doing_more\":false}\n");
  JsonWriter kept;
  write_suggestion_json(kept, keep("fine"));
  CHECK(contains(kept.str(), "\"kind\":\"keep\""));
  CHECK(contains(kept.str(), "\"step\":null,\"minimum\":null"));
}

TEST_CASE("report: the stats block from a real chain") {
  // Assembly end to end: done 1-3, missed 4, done 5 and 6, today the 7th open.
  Goal g = novel();
  CheckinCollector c;
  for (const char* on : {"2026-11-01", "2026-11-02", "2026-11-03", "2026-11-05", "2026-11-06"}) {
    EventView e;
    e.day = day(on);
    e.written = Moment{date::sys_seconds{e.day} + std::chrono::hours{8}, {}};
    e.goal = "write-novel";
    c.add(e);
  }
  DayMarks m(std::move(c), g.default_amount());
  Chain chain(g, m, day("2026-11-07"), 0);
  GoalStats s = compute_stats(chain);
  std::string text = stats_text(g, s, rung_rates(chain), keep("fine"));
  CHECK(contains(text, "  streak     2-day streak, open today\n"));
  CHECK(contains(text, "  longest    3 days, 2026-11-01 to 2026-11-03\n"));
  CHECK(contains(text, "  rate       7d 83%  30d 83%  90d 83%  all 83%\n"));  // 5 of 6: today is open
  CHECK(contains(text, "  total      5 days done, 5 sentences, last 2026-11-06 (1 day ago)\n"));
  // 5 done of the first 6: on track whatever the seventh day brings.
  CHECK(contains(text, "  on track: 5 of 6 scheduled days done so far\n"));
}

}  // namespace microstep
