/// The suggestion table: real step texts and the smaller step "make it smaller" should give
/// for each, the seeds' own examples first, then everyday ones. An empty expectation means
/// "nothing smaller found: ask the person for their own".
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "unit/builders.hpp"
#include "core/judge/shrink.hpp"

namespace microstep {

namespace {

struct Row {
  const char* step;
  const char* smaller;  ///< "" when nothing smaller can honestly be found
};

const std::vector<Row>& suggestion_table() {
  static const std::vector<Row> rows{
      // seed 003, the macro -> micro table
      {"Write a novel", "Write one sentence"},
      {"Get fit", "Do one push-up"},
      {"Learn Spanish", "Learn one new Spanish word"},
      {"Eat healthier", "Eat one piece of fruit"},
      {"Meditate regularly", "Take three deep breaths"},
      {"Read more books", "Read one page"},
      {"Build a business", "Write down one business idea"},
      // seed 003, "instead of ... commit to ..."
      {"Write for an hour", "Write for 2 minutes"},
      {"Work out for 30 minutes", "Do one push-up"},
      {"Exercise a little", "Do 5 jumping jacks"},
      {"Write something", "Write 50 words"},
      // seed 002
      {"Work on my business", "Write down one business idea"},
      {"Write a book", "Write one sentence"},
      {"Run a marathon", "Put on your running shoes"},
      {"Declutter your living space", "Put away one item that is out of place"},
      {"Walk for five minutes around your block", "Walk for two minutes around your block"},
      // seed 000
      {"Go for a walk", "Put on your shoes"},
      {"Call a friend", "Send a friend a one-line text"},
      {"Go for a ten-minute walk", "Go for a two-minute walk"},
      {"Text one friend", ""},
      // seed 003, micro-goals for different life areas, made smaller still
      {"Do 10 jumping jacks", "Do 5 jumping jacks"},
      {"Hold a plank for 10 seconds", "Hold a plank for 5 seconds"},
      {"Read one page of a book", "Read one paragraph of a book"},
      {"Practice one chord on guitar", "Take the guitar out of its case"},
      {"Write one line of code", "Open the editor"},
      {"Go to bed 5 minutes earlier", "Go to bed 2 minutes earlier"},
      {"Listen to 5 minutes of an educational podcast", "Listen to 2 minutes of an educational podcast"},
      {"Take 3 deep breaths when you wake up", "Take one deep breath when you wake up"},
      {"Brainstorm 3 ideas", "Brainstorm one idea"},
      {"Give one genuine compliment", ""},
      // the ten steps of issue 25
      {"Meditate for 20 minutes", "Take three deep breaths"},
      {"Read a chapter", "Read a page"},
      {"Go to the gym", "Do one push-up"},
      {"Call mom", "Send mom a one-line text"},
      {"Run 5 km", "Run for 2 minutes"},
      {"Write 500 words", "Write 50 words"},
      {"Drink 8 glasses of water", "Drink one glass of water"},
      {"Practice piano for an hour", "Practice piano for 2 minutes"},
      {"Clean the whole kitchen", "Clean one counter in the kitchen"},
      {"Learn French", "Learn one new French word"},
      // exercise
      {"Do 50 push-ups", "Do one push-up"},
      {"Do 30 squats", "Do 10 squats"},
      {"Swim 20 laps", "Swim one lap"},
      {"Cycle 10 km", "Cycle for 2 minutes"},
      {"Go for a 30-minute run", "Go for a 2-minute run"},
      {"Walk 10,000 steps", "Walk 200 steps"},
      {"Stretch for 15 minutes", "Stretch for 2 minutes"},
      {"Run 3 miles", "Run for 2 minutes"},
      {"Do yoga", "Roll out the mat"},
      // writing
      {"Write 3 pages", "Write one page"},
      {"Write a blog post", "Write a paragraph"},
      {"Journal for 10 minutes", "Journal for 2 minutes"},
      {"Work on my thesis", "Write down one next step for my thesis"},
      {"Edit one paragraph", "Edit one sentence"},
      // study
      {"Study for 2 hours", "Study for 2 minutes"},
      {"Learn to code", "Write one line of code"},
      {"Review 20 flashcards", "Review one flashcard"},
      {"Read 50 pages", "Read one page"},
      {"Complete one lesson", "Complete one exercise"},
      {"Study for the exam", "Open your notes"},
      // music
      {"Practice guitar for 30 minutes", "Practice guitar for 2 minutes"},
      {"Learn guitar", "Practice one chord on the guitar"},
      {"Play the piano", "Sit down at the piano"},
      {"Practise scales for 20 minutes", "Practise scales for 2 minutes"},
      {"Learn one song on the ukulele", "Learn one verse on the ukulele"},
      {"Sing for an hour", "Sing for 2 minutes"},
      // chores
      {"Do the dishes", "Wash one dish"},
      {"Do the laundry", "Fold one piece of laundry"},
      {"Clean the bathroom", "Clean the sink in the bathroom"},
      {"Tidy my room", "Put away one item that is out of place"},
      {"Mow the lawn", "Mow one strip of the lawn"},
      {"Weed the garden", "Pull one weed"},
      {"Organize the garage", "Organize one shelf in the garage"},
      {"Cook dinner", "Take out one ingredient"},
      // health
      {"Floss all my teeth", "Floss one tooth"},
      {"Sleep 8 hours", "Go to bed 5 minutes earlier"},
      {"Eat 5 servings of vegetables", "Eat 2 servings of vegetables"},
      {"Drink more water", "Drink one extra glass of water"},
      {"Take my vitamins", ""},
      // social
      {"Call my sister", "Send my sister a one-line text"},
      {"Go to the library", "Read one page"},
      {"Go to yoga class", "Roll out the mat"},
      {"Meet new people", "Ask one thoughtful question"},
      // work
      {"Clear my inbox", "Archive one email"},
      {"Update my resume", "Update one line of my resume"},
      {"Send 10 networking emails", "Send one networking email"},
      {"Finish the report", "Finish one paragraph of the report"},
      {"Network on LinkedIn for an hour", "Network on LinkedIn for 2 minutes"},
      // money
      {"Save money", "Put one coin in a jar"},
      {"Track my spending", "Write down one purchase"},
      {"Do my taxes", "Find one receipt"},
      {"Donate $5 to charity", "Donate $1 to charity"},
  };
  return rows;
}

/// What microstep suggests for a step: the smaller step, or "" when it found none.
std::string suggestion_for(const std::string& step) {
  return shrink_step(step, test::source_rules()).step;
}

}  // namespace

TEST_CASE("the suggestion table: every step gets the smaller step a coach would propose") {
  const auto& rows = suggestion_table();
  REQUIRE(rows.size() >= 60);
  int right = 0;
  for (const Row& row : rows) {
    std::string got = suggestion_for(row.step);
    CHECK_MESSAGE(got == row.smaller, "\"", std::string(row.step), "\" gave \"", got, "\"");
    right += got == row.smaller;
  }
  MESSAGE(right, " of ", rows.size(), " rows right");
}

TEST_CASE("the suggestion table: every suggestion, added as a new goal, draws no warning") {
  for (const Row& row : suggestion_table()) {
    std::string got = suggestion_for(row.step);
    if (got.empty()) continue;  // nothing smaller: the person writes their own
    CHECK_MESSAGE(too_big_warnings(got, std::nullopt, test::source_rules()).empty(), "\"", std::string(row.step),
                  "\" gave \"", got, "\", which fails the ridiculous test");
  }
}

}  // namespace microstep
