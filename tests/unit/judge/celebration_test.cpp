/// Tests of core/judge/celebration: a short celebration after every done (seed 003: "a simple
/// 'Yes!' or fist pump is enough"), the same one for the same seed.
#include "core/judge/celebration.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <utility>
#include <string>
#include <vector>

namespace microstep {

TEST_CASE("celebration: the built-in list is several short distinct lines") {
  const auto& list = default_celebrations();
  REQUIRE(list.size() >= 3);  // enough to vary from day to day
  std::set<std::string> distinct(list.begin(), list.end());
  CHECK(distinct.size() == list.size());
  for (const auto& line : list) {
    CAPTURE(line);
    CHECK_FALSE(line.empty());
    CHECK(line.size() <= 60);  // a celebration, not a speech
    CHECK(line.find('\n') == std::string::npos);
  }
}

TEST_CASE("celebration: without configured lines one of the built-in ones is picked") {
  const auto& defaults = default_celebrations();
  std::set<std::string> seen;
  for (long seed = 0; seed < 100; ++seed) {
    std::string picked = pick_celebration({}, seed);
    CHECK(std::find(defaults.begin(), defaults.end(), picked) != defaults.end());
    seen.insert(picked);
  }
  // Over 100 consecutive seeds every built-in line comes up: the seed varies the pick.
  CHECK(seen.size() == defaults.size());
}

TEST_CASE("celebration: configured lines replace the built-in ones") {
  const std::vector<std::string> mine{"Yes!", "Fist pump.", "Smile."};
  // Consecutive seeds walk through the list and wrap around.
  CHECK(pick_celebration(mine, 0) == "Yes!");
  CHECK(pick_celebration(mine, 1) == "Fist pump.");
  CHECK(pick_celebration(mine, 2) == "Smile.");
  CHECK(pick_celebration(mine, 3) == "Yes!");
  CHECK(pick_celebration(mine, 20000) == pick_celebration(mine, 20000 % 3));
  // A single configured line is always the one.
  for (long seed : {0L, 1L, 7L, 123456L, -5L}) CHECK(pick_celebration({"Yes!"}, seed) == "Yes!");
}

TEST_CASE("celebration: the same seed gives the same line - a negative seed picks one too") {
  const std::vector<std::string> mine{"a", "b", "c", "d"};
  // Negative seeds continue the same cycle backwards: -1 is the line before "a", the last.
  // -1000001 = -4 x 250000 - 1 lands where -1 does.
  const std::pair<long, const char*> expected[] = {{5, "b"}, {-1, "d"}, {-4, "a"}, {-5, "d"}, {-6, "c"},
                                                   {-1000001, "d"}};
  for (const auto& [seed, line] : expected) {
    CAPTURE(seed);
    CHECK(pick_celebration(mine, seed) == line);
    CHECK(pick_celebration(mine, seed) == pick_celebration(mine, seed));
  }
}

}  // namespace microstep
