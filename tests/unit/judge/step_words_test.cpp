/// Tests of core/judge/step_words: a step's text read as words.
#include "core/judge/step_words.hpp"

#include <doctest/doctest.h>

namespace microstep {

TEST_CASE("step words: words, numbers kept whole") {
  std::string text = "Walk 10,000 steps, 2.5 km; don't stop.";
  std::vector<std::string> got;
  for (const Word& w : words_of(text)) got.emplace_back(word_text(text, w));
  CHECK(got == std::vector<std::string>{"Walk", "10,000", "steps", "2.5", "km", "don't", "stop"});
  // A comma between numbers that is a list, not a separator: "1,2" is two words.
  got.clear();
  std::string list = "Do sets 1,2";
  for (const Word& w : words_of(list)) got.emplace_back(word_text(list, w));
  CHECK(got == std::vector<std::string>{"Do", "sets", "1", "2"});
}

TEST_CASE("step words: a phrase found as whole words") {
  CHECK(find_words("go to the gym", "gym") == 10);
  CHECK(find_words("go to the gymnasium", "gym") == std::string::npos);
  CHECK(find_words("meditate, then meditate", "meditate", 1) == 15);
  CHECK(find_words("anything", "") == std::string::npos);
}

TEST_CASE("step words: a replaced span folds its spaces and keeps the capital") {
  CHECK(replace_span("Run 5 km", 4, 8, "for 2 minutes") == "Run for 2 minutes");
  CHECK(replace_span("10 push-ups", 0, 2, "one") == "One push-ups");
  CHECK(replace_span("Send the mom", 5, 8, "") == "Send mom");
  CHECK(replace_span("Call mom ", 5, 8, "") == "Call");
}

}  // namespace microstep
