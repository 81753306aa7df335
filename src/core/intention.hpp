#pragma once
/// Steps written as implementation intentions: "After I pour my coffee, I will write one sentence."
#include <string>
#include <string_view>

namespace microstep {

/// "After I pour my morning coffee, I will write one sentence." (no anchor: "I will ...").
std::string implementation_intention(std::string_view after, std::string_view step);

/// The same intention spoken to the person: "After you pour your morning coffee: write one sentence."
std::string second_person_intention(std::string_view after, std::string_view step);

/// The step as it reads inside a sentence: a leading capital is lowered unless the first
/// word is "I" or an acronym ("Write one line" -> "write one line", "TODO list" stays).
std::string step_in_sentence(std::string_view step);

}  // namespace microstep
