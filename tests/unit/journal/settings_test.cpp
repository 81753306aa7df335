/// Tests of core/journal/settings: microstep.yaml, its defaults and its errors.
#include "core/journal/settings.hpp"

#include <doctest/doctest.h>

#include <string>

#include "core/base/error.hpp"

namespace microstep {

namespace {

/// The message of the data Failure parsing `text` gives ("" when it parses).
std::string error_of(const std::string& text) {
  try {
    parse_settings_text(text, "microstep.yaml");
  } catch (const Failure& failure) {
    CHECK(failure.code() == ExitCode::data);
    return failure.what();
  }
  return "";
}

}  // namespace

TEST_CASE("settings: the defaults, from an empty file and from the file init writes") {
  for (const std::string& text : {std::string(), default_settings_text()}) {
    Settings s = parse_settings_text(text, "microstep.yaml");
    CHECK(s.day_starts_at == std::chrono::minutes{0});
    CHECK(s.week_starts == 0);
    CHECK(s.celebrations.empty());
    CHECK_FALSE(s.git_commit);
    CHECK(s.remind_from == std::chrono::minutes{9 * 60});
  }
  CHECK(load_settings("/nonexistent/microstep.yaml", "microstep.yaml").week_starts == 0);
}

TEST_CASE("settings: every field read") {
  Settings s = parse_settings_text(
      "# mine\nday_starts_at: \"04:30\"\nweek_starts: sunday\ncelebrations:\n  - Nice!\n  - \"Yes: done\"\n"
      "git: {commit: true}\nremind_from: \"20:30\"\nsomething_else: kept for later\n",
      "microstep.yaml");
  CHECK(s.day_starts_at == std::chrono::minutes{4 * 60 + 30});
  CHECK(s.week_starts == 6);
  CHECK(s.celebrations == std::vector<std::string>{"Nice!", "Yes: done"});
  CHECK(s.git_commit);
  CHECK(s.remind_from == std::chrono::minutes{20 * 60 + 30});
}

TEST_CASE("settings: a bad value names the file and its line") {
  CHECK(error_of("week_starts: monday\nday_starts_at: \"25:00\"\n") ==
        "microstep.yaml:2: day_starts_at must be a time of day such as \"04:00\"");
  CHECK(error_of("\n\nweek_starts: someday\n") ==
        "microstep.yaml:3: week_starts must be a weekday such as monday or sunday");
  CHECK(error_of("celebrations: Nice!\n").starts_with("microstep.yaml:1: celebrations must be a list"));
  CHECK(error_of("git: true\n").starts_with("microstep.yaml:1: git must be a mapping"));
  CHECK(error_of("git:\n  commit: maybe\n").starts_with("microstep.yaml:2: git.commit must be true or false"));
  CHECK(error_of("remind_from: 9\n") == "microstep.yaml:1: remind_from must be a time of day such as \"09:00\"");
  CHECK(error_of("- a\n- b\n").starts_with("microstep.yaml:"));  // a list, not a mapping
}

}  // namespace microstep
