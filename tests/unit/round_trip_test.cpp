/// Property tests over generated values: what microstep writes, microstep reads back
/// identically. Log lines (core/journal/log_line: checked_log_line) over time zone offsets, days,
/// moments, amounts, notes and truths; goal files (core/journal/goal_file) over every field, new
/// (render_new_goal) and edited (rewrite_goal_text). Each property runs on thousands of values
/// from a fixed seed, so a failure is the same on every run and names its case.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/base/amount.hpp"
#include "core/base/error.hpp"
#include "core/base/escape.hpp"
#include "core/model/goal_change.hpp"
#include "core/journal/goal_file.hpp"
#include "core/journal/log_line.hpp"

namespace microstep {

namespace {

/// Generated values, from one seed.
class Gen {
 public:
  explicit Gen(std::uint64_t seed) : random_(seed) {}

  std::uint64_t below(std::uint64_t n) { return std::uniform_int_distribution<std::uint64_t>(0, n - 1)(random_); }
  bool chance(unsigned percent) { return below(100) < percent; }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

  /// Text as people type it and as tools paste it: words, YAML's special characters and
  /// words, escapes of the log, control characters, and multi-byte UTF-8 (line and paragraph
  /// separators, NEL, a BOM, no-break spaces, emoji). Always valid UTF-8.
  std::string text(size_t max_pieces = 8) {
    static const std::vector<std::string> pieces{
        "a", "Write", "one", " ", "  ", "sentence", "0", "42", "3.5", "-", "- ", "? ", ":", ": ", " #", "#", ",", "[",
        "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "~", "true", "no", "null", "Yes", "1e3",
        "0x1F", ".inf", "\t", "\n", "\r", "\r\n", "\\", "\\n", "\\x41", "\x01", "\x1b", "\x7f", "é", "€", "😀",
        "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF", "\xC2\xA0", "日本", "---", "...", "=", "<<"};
    std::string out;
    for (size_t n = below(max_pieces + 1); n > 0; --n) out += pick(pieces);
    return out;
  }
  /// A goal id: lowercase letters, digits and '-', not starting with '-'.
  std::string id() {
    static const std::string first = "abcdefghijklmnopqrstuvwxyz0123456789", rest = first + "-";
    std::string out(1, first[below(first.size())]);
    for (size_t n = below(20); n > 0; --n) out += rest[below(rest.size())];
    return out;
  }
  Day day() { return day_from_number(static_cast<long>(below(300 * 365)) - 70 * 365); }  // 1900 to 2199
  /// An amount as a person or an import gives it: always one that parse_amount accepts.
  double amount() {
    switch (below(4)) {
      case 0: return static_cast<double>(below(10));
      case 1: return static_cast<double>(below(1'000'000'001));
      case 2: return *parse_amount(std::to_string(below(100000)) + "." + std::to_string(below(1000000)));
      default: {
        // Any double in range that its shortest fixed text gives back, in 32 bytes or fewer.
        double v = std::uniform_real_distribution<double>(0, below(2) ? 1e9 : 1e-3)(random_);
        auto parsed = parse_amount(format_amount(v));
        return parsed ? *parsed : 1.5;
      }
    }
  }
  std::optional<double> maybe_amount() { return chance(50) ? std::optional<double>(amount()) : std::nullopt; }
  std::chrono::minutes offset() { return std::chrono::minutes{static_cast<long>(below(2 * 1439 + 1)) - 1439}; }

 private:
  std::mt19937_64 random_;
};

Event event(Gen& g) {
  Event e;
  e.day = g.day();
  e.written = Moment{date::sys_seconds{std::chrono::seconds{static_cast<long>(g.below(9'000'000'000)) - 2'200'000'000}},
                     g.offset()};
  e.kind = static_cast<EventKind>(g.below(6));  // done, skip, undo, pause, resume, mood
  e.goal = e.kind == EventKind::mood ? "" : g.id();  // a mood belongs to no goal
  if (e.kind == EventKind::done) e.amount = g.maybe_amount();
  if (e.kind == EventKind::mood) e.amount = static_cast<double>(kMoodLow + g.below(kMoodHigh - kMoodLow + 1));
  e.note = g.text();
  e.truth = g.chance(30) ? g.text() : "";
  return e;
}

const std::vector<std::string> kSchedules{"daily", "weekdays", "weekends", "mon,wed,fri", "3/week",
                                          "2/month", "weekly", "monthly", "every 3 days", "Tue, Thu"};

Goal goal(Gen& g) {
  Goal goal;
  goal.id = g.id();
  do goal.step = g.text(); while (goal.step.empty());
  goal.goal = g.text();
  goal.after = g.text();
  goal.schedule_text = g.pick(kSchedules);
  goal.schedule = *parse_schedule(goal.schedule_text);
  goal.started = g.day();
  goal.since = goal.started + date::days{static_cast<long>(g.below(2) ? 0 : g.below(400))};
  goal.status = static_cast<GoalStatus>(g.below(4));
  goal.feeling = g.text();
  goal.unit = g.text(3);
  goal.minimum = g.maybe_amount();
  goal.minutes = g.maybe_amount();
  if (g.chance(40)) {
    char at[6];
    std::snprintf(at, sizeof at, "%02d:%02d", static_cast<int>(g.below(24)), static_cast<int>(g.below(60)));
    goal.at = at;
  }
  Day from = goal.started;
  for (size_t n = goal.since > goal.started ? g.below(4) : 0; n > 0 && from < goal.since; --n) {
    StepVersion v;
    v.from = from;
    v.step = g.text();
    v.schedule_text = g.pick(kSchedules);
    v.schedule = *parse_schedule(v.schedule_text);
    v.minimum = g.maybe_amount();
    v.after = g.text();
    goal.history.push_back(v);
    from = from + date::days{static_cast<long>(1 + g.below(static_cast<std::uint64_t>((goal.since - from).count())))};
  }
  return goal;
}

}  // namespace

TEST_CASE("round trip: every check-in line microstep writes reads back as the same event") {
  Gen g(20261122);
  for (int i = 0; i < 5000; ++i) {
    const Event e = event(g);
    CAPTURE(i);
    CAPTURE(format_log_line(e));
    std::string line;
    REQUIRE_NOTHROW(line = checked_log_line(e));
    CHECK(line == format_log_line(e));
    LineParse parsed = parse_log_line(std::string_view(line).substr(0, line.size() - 1));
    REQUIRE(parsed.kind == LineParse::Kind::event);
    CHECK(to_event(parsed.event) == e);
  }
}

TEST_CASE("round trip: what a log line cannot hold is refused before it is written - never written otherwise") {
  Gen g(7);
  for (int i = 0; i < 1000; ++i) {
    Event e = event(g);
    CAPTURE(i);
    SUBCASE("an offset of a day or more") {
      const long minutes = static_cast<long>(24 * 60 + g.below(100 * 60));
      e.written.offset = std::chrono::minutes{g.chance(50) ? minutes : -minutes};
      CHECK_THROWS_WITH_AS(checked_log_line(e), doctest::Contains("cannot be written to checkins.log"), Failure);
    }
    SUBCASE("a note that is not UTF-8") {
      e.note += "\xff";
      CHECK_THROWS_WITH_AS(checked_log_line(e), doctest::Contains("note is not valid UTF-8"), Failure);
    }
    SUBCASE("an amount whose text is too long to read") {
      e.kind = EventKind::done;
      if (e.goal.empty()) e.goal = "g";  // it was a mood
      e.amount = std::ldexp(1.0, -110 - static_cast<int>(g.below(900)));
      CHECK_THROWS_WITH_AS(checked_log_line(e), doctest::Contains("amount"), Failure);
    }
    SUBCASE("an amount on an event that may not carry one") {
      e.kind = EventKind::skip;
      if (e.goal.empty()) e.goal = "g";  // it was a mood
      e.amount = 2;
      CHECK_THROWS_WITH_AS(checked_log_line(e), doctest::Contains("only a done (or a mood) may carry an amount"), Failure);
    }
  }
}

TEST_CASE("round trip: every new goal file microstep writes reads back as the same goal") {
  Gen g(5);
  for (int i = 0; i < 1500; ++i) {
    const Goal goal_in = goal(g);
    const std::string text = render_new_goal(goal_in);
    CAPTURE(i);
    CAPTURE(text);
    Goal back;
    REQUIRE_NOTHROW(back = parse_goal_text(text, "goals/" + goal_in.id + ".yaml"));
    CHECK(back == goal_in);
  }
}

TEST_CASE("round trip: a goal file edited by set reads back as the goal changed - comments kept") {
  Gen g(11);
  for (int i = 0; i < 1000; ++i) {
    const Goal old_goal = goal(g);
    Goal new_goal = old_goal;
    if (g.chance(50)) new_goal.goal = g.text();
    if (g.chance(50)) new_goal.feeling = g.text();
    if (g.chance(50)) new_goal.unit = g.text(3);
    if (g.chance(30)) new_goal.minutes = g.maybe_amount();
    if (g.chance(30)) new_goal.status = static_cast<GoalStatus>(g.below(4));
    if (g.chance(50)) {
      StepChange change;
      change.step = g.text() + "x";
      if (g.chance(50)) change.minimum = g.amount();
      new_goal = apply_step_change(new_goal, change, new_goal.since + date::days{static_cast<long>(g.below(30))});
    }
    const std::string text = "# kept\n" + render_new_goal(old_goal) + "# kept too\n";
    CAPTURE(i);
    CAPTURE(text);
    std::string edited;
    REQUIRE_NOTHROW(edited = rewrite_goal_text(text, old_goal, new_goal, "goals/" + old_goal.id + ".yaml"));
    CHECK(parse_goal_text(edited, "goals/g.yaml") == new_goal);
    CHECK(edited.starts_with("# kept\n"));
    CHECK(edited.find("# kept too\n") != std::string::npos);
  }
}

}  // namespace microstep
