// The words a person reads, end to end: sentences for any step text, counts that agree, the
// feeling in the person's own words, records that mean something, and goals at rest left out
// of the coaching.
#include <doctest/doctest.h>

#include <string>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

/// The day pinned, on a terminal wide enough that no line wraps: these cases check the words.
RunOptions on(const std::string& day) { return RunOptions{.env = {{"MICROSTEP_TODAY", day}, {"COLUMNS", "200"}}}; }
RunOptions at(const std::string& now) { return RunOptions{.env = {{"MICROSTEP_NOW", now}, {"COLUMNS", "200"}}}; }

RunResult ok(const TempJournal& j, const std::vector<std::string>& args, const RunOptions& options) {
  RunResult r = j.run(args, options);
  INFO("args: " << args.front() << "\nstdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

void fresh(const TempJournal& j) { REQUIRE(j.run({"init", j.path()}).exit_code == 0); }

}  // namespace

TEST_CASE("words: steps named as trackers name them read as sentences, or as written") {
  TempJournal j;
  fresh(j);
  CHECK(ok(j, {"add", "mom", "Called Mom", "--after", "I have lunch"}, on("2026-11-02")).out ==
        "Added mom: After I have lunch, I will call Mom.\n");
  CHECK(ok(j, {"add", "sit", "Meditated"}, on("2026-11-02")).out == "Added sit: I will meditate.\n");
  CHECK(ok(j, {"add", "pills", "Vitamins", "--after", "I eat breakfast"}, on("2026-11-02")).out ==
        "Added pills: After I eat breakfast: Vitamins\n");
  CHECK(ok(j, {"today"}, on("2026-11-02")).out ==
        "Monday 2 November 2026\n"
        "  [ ] After I have lunch, I will call Mom.\n"
        "      mom: no streak yet, open today\n"
        "  [ ] After I eat breakfast: Vitamins\n"
        "      pills: no streak yet, open today\n"
        "  [ ] I will meditate.\n"
        "      sit: no streak yet, open today\n");
  CHECK(ok(j, {"remind"}, at("2026-11-02T10:00:00Z")).out ==
        "After you have lunch: call Mom. Two minutes is enough.\n"
        "After you eat breakfast: Vitamins. Two minutes is enough.\n"
        "Meditate. Two minutes is enough.\n");
}

TEST_CASE("words: one check-in is one, and the feeling is the person's own") {
  TempJournal j;
  fresh(j);
  ok(j, {"add", "care", "Stretch once", "--feeling", "like someone who takes care of myself"}, on("2026-11-02"));
  RunResult done = ok(j, {"done", "care"}, at("2026-11-02T08:00:00Z"));
  CHECK(done.out.find("Evidence for feeling \"like someone who takes care of myself\": that is 1 check-in this "
                      "month.\n") != std::string::npos);
  CHECK(done.out.find("care: 1-day streak.\n") != std::string::npos);
  RunResult review = ok(j, {"review"}, on("2026-11-02"));
  CHECK(review.out.find("Summary: 1 of 1 goal on track, 1 check-in so far this week. Keep going.\n") !=
        std::string::npos);
  CHECK(review.out.find("1 of 1 scheduled day done so far") != std::string::npos);
}

TEST_CASE("words: a new longest streak only when it passes an earlier one") {
  TempJournal j;
  fresh(j);
  ok(j, {"add", "g", "Write one sentence", "--start", "2026-11-01"}, on("2026-11-01"));
  // A first run of 5: no day of it is a record.
  for (int d = 1; d <= 5; ++d) {
    RunResult r = ok(j, {"done", "g"}, at("2026-11-0" + std::to_string(d) + "T08:00:00Z"));
    CHECK(r.out.find("longest streak") == std::string::npos);
  }
  // The 6th missed; a second run passes the first on its sixth day, and is said once.
  std::vector<std::string> records;
  for (int d = 7; d <= 13; ++d) {
    std::string day = (d < 10 ? "2026-11-0" : "2026-11-") + std::to_string(d);
    RunResult r = ok(j, {"--json", "done", "g"}, at(day + "T08:00:00Z"));
    Json done = parse_json(r.out);
    for (size_t i = 0; i < done["milestones"].size(); ++i)
      if (done["milestones"][i].as_string().find("longest") != std::string::npos)
        records.push_back(day + " " + done["milestones"][i].as_string());
  }
  CHECK(records == std::vector<std::string>{"2026-11-12 A new longest streak: 6 days, past your earlier best of 5."});
}

TEST_CASE("words: stats and review leave out goals at rest unless asked - no suggestion for them") {
  TempJournal j;
  fresh(j);
  ok(j, {"add", "active", "Write one sentence"}, on("2026-11-02"));
  ok(j, {"add", "old", "Floss one tooth"}, on("2026-11-02"));
  ok(j, {"set", "old", "--status", "archived"}, on("2026-11-02"));
  ok(j, {"add", "rest", "Read one page"}, on("2026-11-02"));
  ok(j, {"set", "rest", "--status", "paused"}, on("2026-11-02"));
  auto ids = [](const RunResult& r) {
    Json all = parse_json(r.out);
    std::string out;
    for (size_t i = 0; i < all.size(); ++i) out += all[i]["id"].as_string() + " ";
    return out;
  };
  CHECK(ids(ok(j, {"--json", "stats"}, on("2026-11-05"))) == "active rest ");
  CHECK(ids(ok(j, {"--json", "stats", "--all"}, on("2026-11-05"))) == "active old rest ");
  CHECK(ids(ok(j, {"--json", "stats", "old"}, on("2026-11-05"))) == "old ");  // named: shown
  Json review = parse_json(ok(j, {"--json", "review"}, on("2026-11-05")).out);
  CHECK(review["goals"].size() == 1);
  Json review_all = parse_json(ok(j, {"--json", "review", "--all"}, on("2026-11-05")).out);
  CHECK(review_all["goals"].size() == 3);
  // Nothing done for three days: the active goal is coached, the others are not.
  Json s = parse_json(ok(j, {"--json", "suggest", "active", "old", "rest"}, on("2026-11-05")).out);
  CHECK(s[0]["suggestion"]["kind"].as_string() == "smaller");
  CHECK(s[1]["suggestion"]["kind"].as_string() == "none");
  CHECK(s[1]["suggestion"]["rule"].as_string() == "archived");
  CHECK(s[2]["suggestion"]["kind"].as_string() == "none");
  CHECK(ok(j, {"suggest", "rest"}, on("2026-11-05")).out ==
        "rest: Read one page\n"
        "  below 5 of 7: 0 of 3 scheduled days done so far\n"
        "  No suggestion while the goal is paused.\n");
  SUBCASE("a goal in an open pause is not told to shrink either") {
    ok(j, {"pause", "active", "--date", "2026-11-04"}, on("2026-11-05"));
    CHECK(ok(j, {"suggest", "active"}, on("2026-11-06")).out.find("No suggestion while the goal is paused.\n") !=
          std::string::npos);
  }
}

}  // namespace microstep::test
