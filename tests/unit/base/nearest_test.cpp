/// Tests of core/base/nearest: the name a mistyped word most likely meant.
#include "core/base/nearest.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace microstep {

TEST_CASE("edit_distance counts insertions, deletions, substitutions and swaps") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("stats", "stats") == 0);
  CHECK(edit_distance("", "add") == 3);
  CHECK(edit_distance("add", "") == 3);
  CHECK(edit_distance("stast", "stats") == 1);  // two neighbours swapped
  CHECK(edit_distance("calender", "calendar") == 1);
  CHECK(edit_distance("lst", "list") == 1);
  CHECK(edit_distance("lists", "list") == 1);
  CHECK(edit_distance("ca", "abc") == 3);  // a swap is not followed by an insertion between
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("nearest_name") {
  const std::vector<std::string> commands{"init",  "add",      "done",  "due",    "list",   "log",
                                          "stats", "calendar", "chart", "export", "import", "edit"};
  SUBCASE("a typo within a third of the word's length") {
    CHECK(nearest_name("stast", commands) == "stats");
    CHECK(nearest_name("calender", commands) == "calendar");
    CHECK(nearest_name("improt", commands) == "import");
    CHECK(nearest_name("lst", commands) == "list");
    CHECK(nearest_name("ad", commands) == "add");
  }
  SUBCASE("the only name a word begins") {
    CHECK(nearest_name("cal", commands) == "calendar");
    CHECK(nearest_name("exp", commands) == "export");
    CHECK(nearest_name("ch", commands) == "chart");
  }
  SUBCASE("a prefix of several names falls back to the distance, first candidate on a tie") {
    CHECK(nearest_name("d", commands) == std::nullopt);  // done, due: ambiguous, and 2 away
    CHECK(nearest_name("dun", commands) == "due");
    CHECK(nearest_name("dne", commands) == "done");  // done and due are both 1 away
  }
  SUBCASE("nothing near") {
    CHECK(nearest_name("", commands) == std::nullopt);
    CHECK(nearest_name("frobnicate", commands) == std::nullopt);
    CHECK(nearest_name("xyz", commands) == std::nullopt);
    CHECK(nearest_name("stast", std::vector<std::string>{}) == std::nullopt);
  }
}

}  // namespace microstep
