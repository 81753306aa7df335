/// Tests of core/model/goal_id: ids are file names, so only a safe alphabet is allowed.
#include "core/model/goal_id.hpp"

#include <doctest/doctest.h>

#include <string>

namespace microstep {

TEST_CASE("is_valid_goal_id accepts lowercase letters, digits and dashes") {
  CHECK(is_valid_goal_id("read"));
  CHECK(is_valid_goal_id("a"));
  CHECK(is_valid_goal_id("0"));
  CHECK(is_valid_goal_id("9to5"));
  CHECK(is_valid_goal_id("read-20-pages"));
  CHECK(is_valid_goal_id("a--b"));
  CHECK(is_valid_goal_id("read-"));
  CHECK(is_valid_goal_id(std::string(64, 'x')));
}

TEST_CASE("is_valid_goal_id refuses unsafe or odd ids") {
  SUBCASE("length") {
    CHECK_FALSE(is_valid_goal_id(""));
    CHECK_FALSE(is_valid_goal_id(std::string(65, 'x')));
  }
  SUBCASE("a leading dash would read as an option") {
    CHECK_FALSE(is_valid_goal_id("-read"));
    CHECK_FALSE(is_valid_goal_id("-"));
  }
  SUBCASE("uppercase and other characters") {
    CHECK_FALSE(is_valid_goal_id("Read"));
    CHECK_FALSE(is_valid_goal_id("read_more"));
    CHECK_FALSE(is_valid_goal_id("read.more"));
    CHECK_FALSE(is_valid_goal_id("read more"));
    CHECK_FALSE(is_valid_goal_id("read\n"));
    CHECK_FALSE(is_valid_goal_id("caf\xc3\xa9"));
  }
  SUBCASE("path tricks") {
    CHECK_FALSE(is_valid_goal_id(".."));
    CHECK_FALSE(is_valid_goal_id("."));
    CHECK_FALSE(is_valid_goal_id("a/b"));
    CHECK_FALSE(is_valid_goal_id("a\\b"));
    CHECK_FALSE(is_valid_goal_id(std::string("a\0b", 3)));
  }
}

}  // namespace microstep
