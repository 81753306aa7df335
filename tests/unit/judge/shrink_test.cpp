/// Tests of core/judge/shrink: each shrinking rule, and the rules one after the other until the
/// step passes the ridiculous test.
#include <doctest/doctest.h>

#include "unit/builders.hpp"
#include "core/judge/coach_rules.hpp"
#include "core/judge/shrink.hpp"

namespace microstep {

namespace {

/// The rules as installed: the tests check the data file, not a copy of it.
const CoachRules& installed_rules() { return test::source_rules(); }

std::string smaller(const std::string& step) { return shrink_step(step, installed_rules()).step; }
std::string rule_for(const std::string& step) { return shrink_step(step, installed_rules()).rule; }
std::string why_for(const std::string& step) { return shrink_step(step, installed_rules()).why; }
std::vector<std::string> too_big(const std::string& step, std::optional<double> minutes = std::nullopt) {
  return ridiculous_test(step, minutes, installed_rules());
}

}  // namespace

TEST_CASE("shrink: a big goal becomes its smallest unit, from the seeds' table") {
  CHECK(smaller("Learn Spanish") == "Learn one new Spanish word");
  CHECK(smaller("study japanese") == "Learn one new Japanese word");
  CHECK(smaller("Write a novel") == "Write one sentence");
  CHECK(smaller("Learn the violin") == "Play a few notes on the violin");
  CHECK(smaller("Work on my side project every evening") == "Write down one next step for my side project");
  CHECK(rule_for("Learn Spanish") == "skill");
  CHECK(why_for("Learn Spanish") == "\"Learn Spanish\" is a big goal; its smallest unit is a step you can take today.");
  SUBCASE("the smallest unit itself is no big goal") {
    CHECK(too_big("Learn one new Spanish word").empty());
    CHECK(smaller("Learn one new Spanish word") == "");
  }
}

TEST_CASE("shrink: a place to go becomes what you would do there") {
  CHECK(smaller("Go to the gym") == "Do one push-up");
  CHECK(smaller("Hit the gym after work") == "Do one push-up");
  CHECK(smaller("Go to the library") == "Read one page");
  CHECK(rule_for("Go to the gym") == "place");
  SUBCASE("going to bed is not a trip") { CHECK(smaller("Go to bed 5 minutes earlier") == "Go to bed 2 minutes earlier"); }
}

TEST_CASE("shrink: a whole session becomes its smallest start") {
  CHECK(smaller("Work out for 30 minutes") == "Do one push-up");
  CHECK(smaller("Do a workout") == "Do one push-up");
  CHECK(smaller("Meditate for 10 minutes") == "Take three deep breaths");
  CHECK(smaller("Declutter the garage") == "Put away one item that is out of place");
  CHECK(rule_for("Do a workout") == "session");
  SUBCASE("a session word that names a thing is not a session") {
    CHECK(smaller("Complete one lesson") == "Complete one exercise");
    CHECK(too_big("Put on your workout clothes").empty());
  }
}

TEST_CASE("shrink: a whole job becomes one part of it, in the person's words") {
  CHECK(smaller("Clean the whole kitchen") == "Clean one counter in the kitchen");
  CHECK(smaller("Tidy up my kitchen") == "Put away one item that is out of place");  // "tidy up": a session
  CHECK(smaller("Wipe my entire kitchen") == "Wipe one counter in my kitchen");
  CHECK(smaller("Floss all of my teeth") == "Floss one tooth");
  CHECK(smaller("Do the dishes") == "Wash one dish");
  CHECK(smaller("Paint the whole fence") == "Paint one small part of the fence");
  CHECK(rule_for("Clean the whole kitchen") == "job");
  CHECK(why_for("Clean the whole kitchen") == "\"the whole kitchen\" is a whole job; one part of it is a step.");
  SUBCASE("a part in a place is no longer the whole job") {
    CHECK(too_big("Clean one counter in the kitchen").empty());
    CHECK(too_big("Organize one shelf in the garage").empty());
  }
  SUBCASE("a job with a time to it is sized") { CHECK(too_big("Clean the kitchen for 2 minutes").empty()); }
}

TEST_CASE("shrink: a distance becomes two minutes of the same activity") {
  CHECK(smaller("Run 5 km") == "Run for 2 minutes");
  CHECK(smaller("Walk for 3 miles") == "Walk for 2 minutes");
  CHECK(smaller("Run a mile before breakfast") == "Run for 2 minutes before breakfast");
  CHECK(smaller("Run a 5k") == "Run for 2 minutes");
  CHECK(smaller("Go for a 5k run") == "Go for a 2-minute run");
  CHECK(smaller("Swim 1000 metres") == "Swim for 2 minutes");
  CHECK(rule_for("Run 5 km") == "distance");
  SUBCASE("a short distance is a fine step") {
    CHECK(too_big("Walk 100 metres").empty());
    CHECK(smaller("Walk 100 metres") == "Walk 50 metres");
  }
}

TEST_CASE("shrink: a duration over two minutes comes down to two") {
  CHECK(smaller("Write for 30 minutes") == "Write for 2 minutes");
  CHECK(smaller("Practice piano for an hour") == "Practice piano for 2 minutes");
  CHECK(smaller("Read for half an hour") == "Read for 2 minutes");
  CHECK(smaller("Study for 2 hours") == "Study for 2 minutes");
  CHECK(smaller("Walk for five minutes around your block") == "Walk for two minutes around your block");
  CHECK(smaller("Go for a 30-minute run") == "Go for a 2-minute run");
  CHECK(smaller("Listen to 5 minutes of an educational podcast") == "Listen to 2 minutes of an educational podcast");
  CHECK(rule_for("Write for 30 minutes") == "two-minute rule");
  SUBCASE("two minutes, then the step before the step") { CHECK(smaller("Write for 2 minutes") == "Open the document"); }
}

TEST_CASE("shrink: a count over a handful comes down to one, or to a quick unit's own handful") {
  CHECK(smaller("Drink 8 glasses of water") == "Drink one glass of water");
  CHECK(smaller("Do 10 push-ups") == "Do one push-up");
  CHECK(smaller("10 push-ups") == "One push-up");
  CHECK(smaller("Send 10 networking emails") == "Send one networking email");
  CHECK(smaller("Write 500 words") == "Write 50 words");
  CHECK(smaller("Do thirty squats") == "Do ten squats");
  CHECK(smaller("Walk 10,000 steps") == "Walk 200 steps");
  CHECK(rule_for("Drink 8 glasses of water") == "count");
  CHECK(why_for("Drink 8 glasses of water") == "\"8 glasses\" is more than a handful for a bad day; one still counts.");
  SUBCASE("money comes down to one") { CHECK(smaller("Donate $5 to charity") == "Donate $1 to charity"); }
  SUBCASE("a time of day is not a count") {
    CHECK(too_big("Go to bed by 10 pm").empty());
    CHECK(too_big("Stretch at 7:30").empty());
  }
}

TEST_CASE("shrink: one of a big unit steps down its ladder") {
  CHECK(smaller("Write one chapter") == "Write one page");
  CHECK(smaller("Read a chapter") == "Read a page");
  CHECK(smaller("Write one sentence") == "Write one word");
  CHECK(smaller("Read one page of a book") == "Read one paragraph of a book");
  CHECK(smaller("Write a blog post") == "Write a paragraph");
  CHECK(rule_for("Write one chapter") == "ladder");
  CHECK(why_for("Write one chapter") == "One chapter is a big unit; one page is the next size down.");
}

TEST_CASE("shrink: a small number halves, and at one the noun becomes singular") {
  CHECK(smaller("Do 10 jumping jacks") == "Do 5 jumping jacks");
  CHECK(smaller("Hold a plank for 10 seconds") == "Hold a plank for 5 seconds");
  CHECK(smaller("Take three deep breaths") == "Take one deep breath");
  CHECK(smaller("Take 3 deep breaths") == "Take one deep breath");
  CHECK(smaller("Go to bed 2 minutes earlier") == "Go to bed one minute earlier");
  CHECK(rule_for("Take 3 deep breaths") == "number");
}

TEST_CASE("shrink: when nothing can shrink, the step before the step") {
  CHECK(smaller("Go for a walk") == "Put on your shoes");
  CHECK(smaller("Run for 2 minutes") == "Put on your running shoes");
  CHECK(smaller("Write one word") == "Open the document");
  CHECK(smaller("Call a friend") == "Send a friend a one-line text");
  CHECK(smaller("Call mom back on Sundays") == "Send mom a one-line text");
  CHECK(smaller("Phone") == "Send a one-line text");
  CHECK(smaller("Practise the guitar") == "Take the guitar out of its case");
  CHECK(smaller("Play the piano") == "Sit down at the piano");
  CHECK(smaller("Practise scales") == "Take the instrument out of its case");
  CHECK(smaller("Do one push-up") == "Put on your workout clothes");
  CHECK(smaller("Eat one piece of fruit") == "Put a piece of fruit where you will see it");
  CHECK(rule_for("Go for a walk") == "preparation");
}

TEST_CASE("shrink: rule after rule until the step passes the ridiculous test") {
  // A count of a big unit: one chapter is still fine for the test, so one rule is enough...
  CHECK(smaller("Read 3 chapters") == "Read one chapter");
  // ...but a goal, a place and a duration may each need the next rule.
  CHECK(smaller("Go to the gym for an hour") == "Do one push-up");
  CHECK(smaller("Clean the whole garage for 30 minutes") == "Clean one shelf in the garage for 2 minutes");
  CHECK(rule_for("Clean the whole garage for 30 minutes") == "job, then two-minute rule");
}

TEST_CASE("shrink: nothing smaller found is said honestly, never a generic 'get ready'") {
  ShrunkStep s = shrink_step("Take my vitamins", installed_rules());
  CHECK_FALSE(s.found());
  CHECK(s.step == "");
  CHECK(s.rule == "nothing smaller");
  CHECK(s.why ==
        "Nothing smaller than \"Take my vitamins\" comes from its words: you know best what the smallest part of it is.");
  CHECK(smaller("Take one deep breath") == "");
  CHECK(smaller("Text one friend") == "");
}

TEST_CASE("the ridiculous test's warnings offer the smaller step, or ask for one") {
  CHECK(too_big_warnings("Run 5 km", std::nullopt, installed_rules()) ==
        std::vector<std::string>{
            "the step may be too big: '5 km' is a distance; on a bad day a start is enough; try \"Run for 2 minutes\""});
  CHECK(too_big_warnings("Write one sentence", std::nullopt, installed_rules()).empty());
  CHECK(too_big_warnings("Take my vitamins", 10.0, installed_rules()) ==
        std::vector<std::string>{"the step may be too big: it takes 10 minutes; aim for 2 or less (the 2-minute rule); "
                                 "what is the smallest part of it you could do on a bad day?"});
}

}  // namespace microstep
