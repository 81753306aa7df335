#pragma once
/// Steps written as implementation intentions: "After I pour my coffee, I will write one sentence."
#include <optional>
#include <string>
#include <string_view>

#include "core/judge/coach_rules.hpp"
#include "core/model/goal.hpp"

namespace microstep {

/// "After I pour my morning coffee, I will write one sentence." (no anchor: "I will ...").
/// A step named in the past tense or with -ing, as trackers name habits, reads as a sentence
/// too ("Called Mom": "I will call Mom."); one that cannot follow "I will" (a noun such as
/// "Meditation") is given as written: "After I have lunch: Meditation", or "Meditation".
std::string implementation_intention(std::string_view after, std::string_view step);

/// The same intention spoken to the person: "After you pour your morning coffee: write one
/// sentence." ("After you have lunch: Meditation." when no sentence can be built.)
std::string second_person_intention(std::string_view after, std::string_view step);

/// The step as it follows "I will", or nothing when it cannot: "Called Mom" -> "call Mom",
/// "Don't snack" -> "not snack", "Write one line" -> "write one line", "Meditation" -> none.
std::optional<std::string> after_i_will(std::string_view step);

/// The step as it reads inside a sentence: a leading capital is lowered unless the first
/// word is "I" or an acronym ("Write one line" -> "write one line", "TODO list" stays).
std::string step_in_sentence(std::string_view step);

/// The reminder as remind says it: the intention spoken to the person, then "Two minutes is
/// enough." for a step that passes the ridiculous test, "A small start is enough." for one
/// that does not ("Run 5 km": two minutes would not be the step).
std::string reminder_line(const StepVersion& version, std::optional<double> minutes, const CoachRules& rules);

}  // namespace microstep
