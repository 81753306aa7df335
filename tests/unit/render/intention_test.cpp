/// Tests of core/render/intention: every step written as "After I ..., I will ...".
#include "core/render/intention.hpp"

#include <doctest/doctest.h>

namespace microstep {

TEST_CASE("intention: the anchor habit and the step make one sentence") {
  CHECK(implementation_intention("I pour my morning coffee", "Write one sentence") ==
        "After I pour my morning coffee, I will write one sentence.");
  // An anchor already written with "After" (either case) is not doubled.
  CHECK(implementation_intention("After I brush my teeth", "Floss one tooth") ==
        "After I brush my teeth, I will floss one tooth.");
  CHECK(implementation_intention("after I brush my teeth", "Floss one tooth") ==
        "After I brush my teeth, I will floss one tooth.");
  // Trailing periods and spaces on either part do not end up inside the sentence.
  CHECK(implementation_intention("  I get home. ", "Put on your shoes.  ") ==
        "After I get home, I will put on your shoes.");
}

TEST_CASE("intention: without an anchor the step stands alone") {
  CHECK(implementation_intention("", "Write one sentence") == "I will write one sentence.");
  CHECK(implementation_intention("   ", "Do one push-up") == "I will do one push-up.");
  CHECK(second_person_intention("", "write one sentence") == "Write one sentence.");
}

TEST_CASE("intention: a step inside a sentence keeps I and acronyms") {
  CHECK(step_in_sentence("Write one line") == "write one line");
  CHECK(step_in_sentence("already lower") == "already lower");
  CHECK(step_in_sentence("TODO list: one item") == "TODO list: one item");
  CHECK(step_in_sentence("NASA video for 2 minutes") == "NASA video for 2 minutes");
  CHECK(step_in_sentence("I stretch") == "I stretch");
  CHECK(step_in_sentence("I'll read one page") == "I'll read one page");
  // A one-letter word other than I is an ordinary word, not an acronym.
  CHECK(step_in_sentence("A single push-up") == "a single push-up");
  CHECK(step_in_sentence("Go") == "go");
  CHECK(step_in_sentence("") == "");
}

TEST_CASE("intention: spoken to the person - I becomes you and my becomes your") {
  CHECK(second_person_intention("I pour my morning coffee", "Write one sentence") ==
        "After you pour your morning coffee: write one sentence.");
  CHECK(second_person_intention("After I'm done with lunch", "Call my mother") ==
        "After you're done with lunch: call your mother.");
  CHECK(second_person_intention("I get to myself", "Tell me one thing that is mine") ==
        "After you get to yourself: tell you one thing that is yours.");
  // Only whole words change: "Iris", "mystery" and "mineral" stay as they are.
  CHECK(second_person_intention("Iris and I eat", "Read one mystery page about a mineral") ==
        "After Iris and you eat: read one mystery page about a mineral.");
}

TEST_CASE("intention: spoken to the person - every contraction of I becomes one of you") {
  // "I'm" already became "you're"; "I've", "I'll" and "I'd" are the same kind of word and
  // must not leave an "I" in a sentence addressed to "you".
  CHECK(second_person_intention("I've had my breakfast", "Write one line") ==
        "After you've had your breakfast: write one line.");
  CHECK(second_person_intention("I'd usually check my mail", "Stretch") ==
        "After you'd usually check your mail: stretch.");
  CHECK(second_person_intention("I sit down", "Say I'll write one line") ==
        "After you sit down: say you'll write one line.");
}

}  // namespace microstep

namespace microstep {

TEST_CASE("intention: a step named in the past tense or with -ing, as trackers name habits") {
  CHECK(implementation_intention("I have lunch", "Called Mom") == "After I have lunch, I will call Mom.");
  CHECK(implementation_intention("", "Meditated") == "I will meditate.");
  CHECK(implementation_intention("", "Studied Spanish") == "I will study Spanish.");
  CHECK(implementation_intention("", "Stopped at the gym") == "I will stop at the gym.");
  CHECK(implementation_intention("", "Ran 2 km") == "I will run 2 km.");
  CHECK(implementation_intention("", "Wrote one line") == "I will write one line.");
  CHECK(implementation_intention("", "Flossed") == "I will floss.");
  CHECK(implementation_intention("", "Reading") == "I will read.");
  CHECK(implementation_intention("", "Journaling for 2 minutes") == "I will journal for 2 minutes.");
  CHECK(implementation_intention("", "Running") == "I will run.");
  CHECK(second_person_intention("I have lunch", "Called Mom") == "After you have lunch: call Mom.");
  CHECK(second_person_intention("", "Meditated") == "Meditate.");
}

TEST_CASE("intention: a name that cannot follow 'I will' is given as written") {
  CHECK(implementation_intention("I have lunch", "Meditation") == "After I have lunch: Meditation");
  CHECK(implementation_intention("", "Vitamins") == "Vitamins");
  CHECK(implementation_intention("", "Morning walk") == "Morning walk");
  CHECK(implementation_intention("", "8 glasses of water") == "8 glasses of water");
  CHECK(implementation_intention("", "No sugar") == "No sugar");
  CHECK(implementation_intention("", "Daily stretch") == "Daily stretch");
  CHECK(implementation_intention("", "TODO list: one item") == "TODO list: one item");
  // An -ed word microstep cannot read as a verb is not guessed at.
  CHECK(implementation_intention("I wake up", "Zorbed") == "After I wake up: Zorbed");
  CHECK(second_person_intention("I have my lunch", "Meditation") == "After you have your lunch: Meditation.");
  CHECK(second_person_intention("", "Vitamins") == "Vitamins.");
}

TEST_CASE("intention: the person's own I, and steps that say not to") {
  CHECK(implementation_intention("", "I stretch") == "I will stretch.");
  CHECK(implementation_intention("", "I'll read one page") == "I will read one page.");
  CHECK(implementation_intention("I get home", "Don't open the fridge") == "After I get home, I will not open the fridge.");
  CHECK(implementation_intention("", "Do not snooze") == "I will not snooze.");
  CHECK(implementation_intention("", "Never skip breakfast") == "I will never skip breakfast.");
  // A verb microstep does not know is read as one, as before: most steps start with one.
  CHECK(implementation_intention("", "Snuggle the cat") == "I will snuggle the cat.");
}

}  // namespace microstep
