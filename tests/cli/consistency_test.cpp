// Every command tells the same story: for generated journals (day schedules, quotas, every N
// days, K in N days, tracking, skips, pauses, undos, schedule and size changes with past and
// future dates, minimums)
// at many moments (01:30 with a 04:00 day boundary, the DST days, a week's last day), today,
// due, stats, review, calendar and log agree on each goal's state of each day and on each
// verdict.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

/// Days as numbers from 2026-01-01 (a Thursday) and back, for the generator only.
std::string day_text(int n) {
  static const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int month = 0;
  while (n >= lengths[month]) n -= lengths[month++];
  char text[32];  // room for any two ints: GCC checks the format against the types
  std::snprintf(text, sizeof text, "2026-%02d-%02d", month + 1, n + 1);
  return text;
}

const char* const kSchedules[] = {"daily",        "weekdays",     "mon,wed,fri", "weekends",    "3/week",
                                  "1/week",       "2/month",      "every 2 days", "every 3 days", "2 in 3 days",
                                  "3 in 7 days",  "1 in 4 days",  "tracking"};
constexpr int kScheduleCount = sizeof kSchedules / sizeof kSchedules[0];

struct Generated {
  std::map<std::string, std::string> files;  ///< path -> content
  std::string settings;
  std::set<std::string> day_schedules_only;  ///< goals whose every version is a day schedule
};

/// One journal: 1 to 3 goals over about ten weeks of 2026, each with 0 to 2 changes (some
/// after the moments the test asks at), minimums, and a log of dones (some with amounts),
/// skips, undos, a pause and a resume.
Generated generate(unsigned seed, int first_day, int last_day) {
  std::mt19937 rng(seed);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Generated g;
  g.settings = std::string("week_starts: ") + (pick(0, 3) == 0 ? "sunday" : "monday") + "\n";
  if (pick(0, 1)) g.settings += "day_starts_at: \"04:00\"\n";
  std::string log;
  int goals = pick(1, 3);
  for (int i = 0; i < goals; ++i) {
    std::string id = "g" + std::to_string(i);
    int started = first_day + pick(0, 10);
    std::string file = "id: " + id + "\nstep: Step " + id + "\n";
    // Earlier versions, oldest first, then the current one (its `since`).
    std::vector<int> froms{started};
    for (int c = pick(0, 2); c > 0; --c) froms.push_back(froms.back() + pick(5, 40));
    bool with_minimum = pick(0, 2) == 0;
    bool days_only = true;
    auto schedule = [&] {
      std::string s = kSchedules[pick(0, kScheduleCount - 1)];
      days_only = days_only && s.find('/') == std::string::npos;
      return s;
    };
    if (froms.size() > 1) {
      file += "history:\n";
      for (size_t v = 0; v + 1 < froms.size(); ++v) {
        file += "  - from: " + day_text(froms[v]) + "\n    step: Step " + id + " v" + std::to_string(v) +
                "\n    schedule: " + schedule() + "\n";
        if (with_minimum) file += "    minimum: " + std::to_string(pick(2, 4)) + "\n";
      }
    }
    file += "schedule: " + schedule() + "\nstarted: " + day_text(started) + "\nsince: " + day_text(froms.back()) + "\n";
    if (with_minimum) file += "minimum: " + std::to_string(pick(2, 4)) + "\nunit: pages\n";
    g.files["goals/" + id + ".yaml"] = file;
    if (days_only) g.day_schedules_only.insert(id);
    int pause_at = pick(0, 3) == 0 ? started + pick(10, 40) : -1;
    for (int d = started; d <= last_day; ++d) {
      std::string day = day_text(d);
      auto event = [&](const char* kind, const std::string& amount, int hour) {
        log += day + "\t" + day + "T" + (hour < 10 ? "0" : "") + std::to_string(hour) + ":00:00+00:00\t" + kind +
               "\t" + id + "\t" + amount + "\t\n";
      };
      if (d == pause_at) event("pause", "", 7);
      if (d == pause_at + 6) event("resume", "", 7);
      int roll = pick(0, 99);
      if (roll < 55) {
        std::string amount = with_minimum && pick(0, 1) ? std::to_string(pick(1, 5)) : "";
        event("done", amount, 8);
        if (pick(0, 9) == 0) event("done", with_minimum ? "1" : "", 12);
        if (pick(0, 14) == 0) event("undo", "", 13);
      } else if (roll < 62) {
        event("skip", "", 9);
      }
    }
  }
  g.files["checkins.log"] = log;
  return g;
}

Json json_of(const RunResult& r, const std::string& what) {
  INFO(what << "\nstdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return parse_json(r.out);
}

/// Runs every command at one moment and checks that they agree.
void check_moment(const TempJournal& j, const Generated& generated, const std::string& tz, const std::string& now,
                  int weeks) {
  CAPTURE(now);
  CAPTURE(tz);
  RunOptions o{.env = {{"MICROSTEP_NOW", now}, {"TZ", tz}}};
  Json today = json_of(j.run({"--json", "today"}, o), "today");
  const std::string day = today["today"].as_string();
  Json calendar = json_of(j.run({"--json", "calendar", "--weeks", std::to_string(weeks)}, o), "calendar");
  Json stats = json_of(j.run({"--json", "stats"}, o), "stats");
  Json review = json_of(j.run({"--json", "review"}, o), "review");
  Json log = json_of(j.run({"--json", "log"}, o), "log");
  RunResult due = j.run({"--json", "due"}, o);
  REQUIRE((due.exit_code == 0 || due.exit_code == 1));
  Json due_list = parse_json(due.out);
  CHECK(calendar["today"].as_string() == day);
  CHECK(review["week_end"].as_string() <= day);

  // Each goal's days, as the calendar tells them.
  std::map<std::string, std::map<std::string, std::string>> states;
  for (size_t g = 0; g < calendar["goals"].size(); ++g) {
    const Json& goal = calendar["goals"][g];
    for (size_t i = 0; i < goal["days"].size(); ++i)
      states[goal["id"].as_string()][goal["days"][i]["day"].as_string()] = goal["days"][i]["state"].as_string();
  }
  // today: each step listed has today's state; the goals left out have nothing asked.
  std::set<std::string> listed;
  for (size_t i = 0; i < today["steps"].size(); ++i) {
    const Json& step = today["steps"][i];
    const std::string id = step["id"].as_string();
    CAPTURE(id);
    listed.insert(id);
    CHECK(step["state"].as_string() == states[id][day]);
    CHECK(step["done"].as_bool() == (states[id][day] == "done" || states[id][day] == "done_unscheduled"));
  }
  std::set<std::string> due_ids;
  for (size_t i = 0; i < due_list.size(); ++i) due_ids.insert(due_list[i]["id"].as_string());
  CHECK((due.exit_code == 1) == !due_ids.empty());
  for (const auto& [id, days] : states) {
    CAPTURE(id);
    const std::string& s = days.at(day);
    // due: exactly the goals whose today is still asked for.
    CHECK(due_ids.count(id) == (s == "open" || s == "partial" ? 1u : 0u));
    if (s == "unscheduled" || s == "not_started") CHECK(listed.count(id) == 0);
    if (s == "done" || s == "open" || s == "partial" || s == "missed") CHECK(listed.count(id) == 1);
  }
  // review: the week's days have the calendar's states; its verdict and suggestion are stats'.
  std::map<std::string, Json> stats_of;
  for (size_t i = 0; i < stats.size(); ++i) stats_of[stats[i]["id"].as_string()] = stats[i];
  for (size_t g = 0; g < review["goals"].size(); ++g) {
    const Json& goal = review["goals"][g];
    const std::string id = goal["id"].as_string();
    CAPTURE(id);
    long done = 0;
    for (size_t i = 0; i < goal["days"].size(); ++i) {
      const std::string d = goal["days"][i]["day"].as_string();
      const std::string s = goal["days"][i]["state"].as_string();
      if (states[id].count(d)) CHECK(s == states[id][d]);
      done += s == "done" || s == "done_unscheduled";
    }
    CHECK(goal["done"].as_number() == done);
    const Json& st = stats_of.at(id);
    CHECK(goal["verdict"]["text"].as_string() == st["verdict"]["text"].as_string());
    CHECK(goal["suggestion"]["reason"].as_string() == st["suggestion"]["reason"].as_string());
    CHECK(goal["suggestion"]["kind"].as_string() == st["suggestion"]["kind"].as_string());
  }
  // stats: the verdict is on_track; the last done day is the calendar's; a streak is alive
  // or open; a broken chain has a missed day (or period) where it says.
  std::map<std::string, std::set<std::string>> done_events;
  for (size_t i = 0; i < log.size(); ++i)
    if (log[i]["event"].as_string() == "done") done_events[log[i]["goal"].as_string()].insert(log[i]["day"].as_string());
  for (size_t i = 0; i < stats.size(); ++i) {
    const Json& st = stats[i];
    const std::string id = st["id"].as_string();
    CAPTURE(id);
    CHECK(st["on_track"].is_null() == st["verdict"]["on_track"].is_null());
    if (!st["on_track"].is_null()) CHECK(st["on_track"].as_bool() == st["verdict"]["on_track"].as_bool());
    std::string last_done;
    for (const auto& [d, s] : states[id]) {
      if (s == "done" || s == "done_unscheduled") {
        last_done = d;
        CHECK(done_events[id].count(d) == 1);  // the log holds a done that day
      }
      if (s == "partial") CHECK(done_events[id].count(d) == 1);
    }
    if (!last_done.empty()) CHECK(st["last_done"].as_string() == last_done);
    if (st["current_streak"].as_number() > 0) {
      std::string state = st["streak_state"].as_string();
      CHECK((state == "alive" || state == "open"));
    }
    if (st["streak_state"].as_string() == "broken") {
      CHECK(st["current_streak"].as_number() == 0);
      CHECK(st["broken_days_ago"].as_number() >= 1);
    }
    if (!st["upcoming"].is_null()) CHECK(st["upcoming"]["from"].as_string() > day);
    // A goal tracked only today is counted, never scored, due or open.
    if (st["tracking"].as_bool()) {
      CHECK(st["schedule"].as_string() == "tracking");
      CHECK(st["current_streak"].as_number() == 0);
      CHECK(st["longest_streak"].as_number() == 0);
      CHECK(st["streak_state"].as_string() == "none");
      CHECK(st["rate_all"].is_null());
      CHECK(st["strength"].is_null());
      CHECK(st["verdict"]["verdict"].as_string() == "none");
      const std::string& now = states[id][day];
      CHECK((now == "unscheduled" || now == "done_unscheduled" || now == "rest"));
      CHECK(due_ids.count(id) == 0);
      continue;
    }
    // Where the chain stands follows from today and the days before it: for a goal judged
    // by days alone, the streak is the run of done days back to the last miss.
    if (!generated.day_schedules_only.count(id)) continue;
    const std::string& now_state = states[id][day];
    const std::string state = st["streak_state"].as_string();
    if (now_state == "open" || now_state == "partial") CHECK((state == "open" || state == "broken"));
    if (now_state == "done") CHECK(state == "alive");
    long run = 0;
    bool ended = false;
    for (auto it = states[id].rbegin(); it != states[id].rend(); ++it) {
      if (it->second == "missed" || (it->second == "partial" && it->first != day)) {
        ended = true;
        break;
      }
      run += it->second == "done";
    }
    if (ended) CHECK(st["current_streak"].as_number() == run);
    else CHECK(st["current_streak"].as_number() >= run);
    if (ended && run == 0 && now_state != "done") CHECK(state == "broken");
  }
}

void check_seeds(unsigned first_seed, unsigned count) {
  const int first_day = 28;  // 2026-01-29
  // Under the sanitizers (MICROSTEP_LOAD_SCALE > 1) every fourth journal, to keep CI short:
  // the normal build judges all of them, and the sanitizers need the code paths, not the count.
  const unsigned stride = MICROSTEP_LOAD_SCALE > 1 ? 4 : 1;
  for (unsigned seed = first_seed; seed < first_seed + count; seed += stride) {
    CAPTURE(seed);
    TempJournal j;
    // Moments from March to mid-April: Europe/Berlin's spring change (29 March), a week's
    // last day, 01:30 (yesterday where the day starts at 04:00), 04:00, a late evening.
    const int last_day = 104;  // 2026-04-15
    Generated g = generate(seed, first_day, last_day);
    j.write("microstep.yaml", g.settings);
    for (const auto& [path, content] : g.files) j.write(path, content);
    std::mt19937 rng(seed * 7919u);
    const char* const moments[] = {"2026-03-29T01:30:00", "2026-03-29T04:00:00", "2026-03-22T23:30:00",
                                   "2026-04-05T12:00:00", "2026-04-12T01:30:00"};
    const char* const zones[] = {"UTC", "Europe/Berlin", "America/New_York"};
    for (int k = 0; k < 3; ++k) {
      std::string now = moments[std::uniform_int_distribution<int>(0, 4)(rng)];
      check_moment(j, g, zones[std::uniform_int_distribution<int>(0, 2)(rng)], now, 10);
    }
  }
}

}  // namespace

TEST_CASE("consistency: today, due, stats, review, calendar and log agree - journals 1 to 10") { check_seeds(1, 10); }
TEST_CASE("consistency: today, due, stats, review, calendar and log agree - journals 11 to 20") { check_seeds(11, 10); }
TEST_CASE("consistency: today, due, stats, review, calendar and log agree - journals 21 to 30") { check_seeds(21, 10); }

}  // namespace microstep::test
