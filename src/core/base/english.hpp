#pragma once
/// A little English, enough for the sentences microstep writes: one and many of a noun, and
/// the plain form of the verb a step starts with ("Called Mom" -> "call", "Meditating" ->
/// "meditate"), so that "I will ..." reads right for any step text.
#include <optional>
#include <string>
#include <string_view>

namespace microstep {

/// push-ups -> push-up, glasses -> glass, stories -> story, calories -> calorie. A word that
/// is not a plural (or an abbreviation such as "km") comes back as it was.
std::string singular(std::string_view word);

/// push-up -> push-ups, glass -> glasses, story -> stories; abbreviations ("km") unchanged.
std::string plural(std::string_view word);

/// A unit as the person wrote it ("sentences", "glasses of water", "scheduled day", "km"),
/// made to agree with an amount: its noun (before " of ", else the last word) singular for
/// exactly 1, plural otherwise.
std::string unit_for(double amount, std::string_view unit);

/// What the first word of a step is, read as the start of "I will ...".
struct LeadingVerb {
  std::string base;  ///< the verb's plain form, lower case: "call", "meditate", "write"
  bool changed = false;  ///< the step wrote it otherwise ("Called", "Meditating")
};

/// The plain form of `word` when it is a verb microstep can put after "I will": a plain form
/// it knows or cannot rule out ("Write", "Hug"), or the past tense or -ing form of a verb it
/// knows ("Called", "Meditated", "Ran", "Reading"). Nothing for a word that is not a verb in
/// that place: a noun ("Meditation", "Vitamins"), an adjective ("Daily"), a number, or an
/// -ed/-ing form of a verb it does not know.
std::optional<LeadingVerb> leading_verb(std::string_view word);

}  // namespace microstep
