/// Tests of core/base/english: one and many of a noun, and the plain verb a step starts with.
#include "core/base/english.hpp"

#include <doctest/doctest.h>

namespace microstep {

TEST_CASE("english: singular and plural nouns") {
  CHECK(singular("push-ups") == "push-up");
  CHECK(singular("glasses") == "glass");
  CHECK(singular("stories") == "story");
  CHECK(singular("calories") == "calorie");
  CHECK(singular("dishes") == "dish");
  CHECK(singular("teeth") == "tooth");
  CHECK(singular("Pages") == "Page");
  CHECK(singular("glass") == "glass");  // not a plural
  CHECK(singular("bus") == "bus");
  CHECK(singular("km") == "km");
  CHECK(singular("series") == "series");
  CHECK(plural("push-up") == "push-ups");
  CHECK(plural("glass") == "glasses");
  CHECK(plural("story") == "stories");
  CHECK(plural("day") == "days");
  CHECK(plural("dish") == "dishes");
  CHECK(plural("tooth") == "teeth");
  CHECK(plural("pages") == "pages");  // already plural
  CHECK(plural("km") == "km");
}

TEST_CASE("english: a unit agrees with its amount, by its noun") {
  CHECK(unit_for(1, "sentences") == "sentence");
  CHECK(unit_for(2, "sentence") == "sentences");
  CHECK(unit_for(1, "glasses of water") == "glass of water");
  CHECK(unit_for(2, "scheduled day") == "scheduled days");
  CHECK(unit_for(0.5, "pages") == "pages");
}

TEST_CASE("english: the plain verb a step starts with") {
  auto base = [](const char* word) {
    auto v = leading_verb(word);
    return v ? v->base + (v->changed ? " (changed)" : "") : std::string("-");
  };
  CHECK(base("Write") == "write");
  CHECK(base("Hug") == "hug");
  CHECK(base("Called") == "call (changed)");
  CHECK(base("Meditated") == "meditate (changed)");
  CHECK(base("Studied") == "study (changed)");
  CHECK(base("Jogged") == "jog (changed)");
  CHECK(base("Practiced") == "practice (changed)");
  CHECK(base("Ran") == "run (changed)");
  CHECK(base("Went") == "go (changed)");
  CHECK(base("Reading") == "read (changed)");
  CHECK(base("Swimming") == "swim (changed)");
  CHECK(base("Writing") == "write (changed)");
  // Plain verbs that end like past tenses or -ing forms stay as they are.
  CHECK(base("Weed") == "weed");
  CHECK(base("Bring") == "bring");
  CHECK(base("Need") == "need");
  // Not verbs after "I will".
  CHECK(base("Meditation") == "-");
  CHECK(base("Vitamins") == "-");
  CHECK(base("Morning") == "-");
  CHECK(base("Daily") == "-");
  CHECK(base("Water") == "-");
  CHECK(base("8") == "-");
  CHECK(base("Zorbed") == "-");
}

}  // namespace microstep
