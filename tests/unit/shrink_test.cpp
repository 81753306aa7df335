#include <doctest/doctest.h>

#include "core/coach_rules.hpp"
#include "core/shrink.hpp"
#include "builders.hpp"

namespace microstep {

namespace {

/// The rules as installed: the tests check the data file, not a copy of it.
const CoachRules& installed_rules() { return test::source_rules(); }

std::string smaller(const std::string& step) { return shrink_step(step, installed_rules()).step; }
std::string rule_for(const std::string& step) { return shrink_step(step, installed_rules()).rule; }

}  // namespace

TEST_CASE("a number in the step is halved") {
  CHECK(smaller("Do 10 push-ups") == "Do 5 push-ups");
  CHECK(smaller("Write 50 words") == "Write 25 words");
  CHECK(smaller("Do 10 jumping jacks") == "Do 5 jumping jacks");
  CHECK(smaller("Hold a plank for 10 seconds") == "Hold a plank for 5 seconds");
  CHECK(smaller("Drink 8 glasses of water") == "Drink 4 glasses of water");
  CHECK(rule_for("Do 10 push-ups") == "number");
  SUBCASE("down to one, the noun becomes singular") {
    CHECK(smaller("Take 3 deep breaths") == "Take 1 deep breath");
    CHECK(smaller("Brainstorm 3 ideas") == "Brainstorm 1 idea");
    CHECK(smaller("Run 3 miles") == "Run 1 mile");
  }
  SUBCASE("number words stay words") { CHECK(smaller("Do ten squats") == "Do five squats"); }
  SUBCASE("money is not a size") {
    CHECK(smaller("Donate $5 to charity") ==
          "Get ready to donate $5 to charity, and stop there if you like");
  }
}

TEST_CASE("one of a big unit steps down the ladder") {
  CHECK(smaller("Write one chapter") == "Write one page");
  CHECK(smaller("Write one sentence") == "Write one word");
  CHECK(smaller("Read one page of a book") == "Read one paragraph of a book");
  CHECK(smaller("Edit one paragraph") == "Edit one sentence");
  CHECK(smaller("Run one mile") == "Run one lap");
  CHECK(smaller("Write for an hour") == "Write for 10 minutes");
  CHECK(smaller("Study for an hour") == "Study for 10 minutes");
  CHECK(rule_for("Write one chapter") == "ladder");
}

TEST_CASE("a duration over two minutes comes down to two minutes") {
  CHECK(smaller("Write for 30 minutes") == "Write for 2 minutes");
  CHECK(smaller("Listen to 5 minutes of an educational podcast") ==
        "Listen to 2 minutes of an educational podcast");
  CHECK(smaller("Go to bed 5 minutes earlier") == "Go to bed 2 minutes earlier");
  CHECK(smaller("Volunteer for 15 minutes") == "Volunteer for 2 minutes");
  CHECK(smaller("Walk for 5 minutes around your block") == "Walk for 2 minutes around your block");
  CHECK(smaller("Practise for 2 hours") == "Practise for 2 minutes");
  CHECK(rule_for("Write for 30 minutes") == "two-minute rule");
}

TEST_CASE("a whole session becomes its smallest start") {
  CHECK(smaller("Work out for 30 minutes") == "Do one push-up");
  CHECK(smaller("Do a workout") == "Do one push-up");
  CHECK(smaller("Exercise a little") == "Do one push-up");
  CHECK(smaller("Meditate for 10 minutes") == "Take three deep breaths");
  CHECK(smaller("Declutter the garage") == "Put away one item that is out of place");
  CHECK(rule_for("Do a workout") == "replacement");
}

TEST_CASE("when nothing can shrink, the preparation step") {
  CHECK(smaller("Go for a walk") == "Put on your shoes");
  CHECK(smaller("Write for 2 minutes") == "Open the document");
  CHECK(smaller("Write one word") == "Open the document");
  CHECK(smaller("Call a friend") == "Send a one-line text");
  CHECK(smaller("Practise the guitar") == "Take the guitar out of its case");
  CHECK(smaller("Play the piano") == "Take the piano out of its case");
  CHECK(smaller("Practise scales") == "Take the instrument out of its case");
  CHECK(smaller("Write one line of code") == "Open the editor");
  CHECK(smaller("Floss all my teeth") == "Put the floss next to your toothbrush");
  CHECK(rule_for("Go for a walk") == "preparation");
  SUBCASE("and the set-up of the step itself when no rule knows it") {
    CHECK(smaller("Eat one piece of fruit") ==
          "Get ready to eat one piece of fruit, and stop there if you like");
    CHECK(smaller("Do 1 push-up") == "Get ready to do 1 push-up, and stop there if you like");
  }
}

TEST_CASE("the ridiculous test") {
  const auto& rules = installed_rules();
  CHECK(ridiculous_test("Write one sentence", std::nullopt, rules).empty());
  CHECK(ridiculous_test("Write one sentence", 2.0, rules).empty());
  SUBCASE("more than two minutes") {
    auto reasons = ridiculous_test("Write one sentence", 5.0, rules);
    REQUIRE(reasons.size() == 1);
    CHECK(reasons[0] == "it takes 5 minutes; aim for 2 or less (the 2-minute rule)");
  }
  SUBCASE("a duration in the text") {
    auto reasons = ridiculous_test("Write for 30 minutes", std::nullopt, rules);
    REQUIRE(reasons.size() == 1);
    CHECK(reasons[0] == "it names a duration over 2 minutes (the 2-minute rule)");
  }
  SUBCASE("a large number") {
    auto reasons = ridiculous_test("Do 50 push-ups", std::nullopt, rules);
    REQUIRE(reasons.size() == 1);
    CHECK(reasons[0] == "'50' is a large number for a bad day");
    CHECK(ridiculous_test("Do 10 push-ups", std::nullopt, rules).empty());
  }
  SUBCASE("vague wording") {
    auto reasons = ridiculous_test("Work on my business", std::nullopt, rules);
    REQUIRE(reasons.size() == 1);
    CHECK(reasons[0] == "'work on' is vague: there is nothing to measure");
    CHECK(ridiculous_test("Be healthier", std::nullopt, rules).size() == 1);
  }
}

}  // namespace microstep
