#include "core/render/intention.hpp"

#include "core/judge/ridiculous_test.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <vector>

#include "core/base/english.hpp"
#include "core/judge/step_words.hpp"

namespace microstep {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == '.'))
    s.remove_suffix(1);
  return s;
}

/// "After I ..." and "after I ..." are both written as the bare habit.
std::string_view strip_after(std::string_view after) {
  after = trim(after);
  if (after.size() > 6 && (after.starts_with("After ") || after.starts_with("after ")))
    after.remove_prefix(6);
  return after;
}

/// I -> you, my -> your, me -> you, mine -> yours, myself -> yourself; word by word.
std::string to_second_person(std::string_view text) {
  std::string out, word;
  auto flush = [&] {
    if (word == "I") word = "you";
    else if (word == "my") word = "your";
    else if (word == "My") word = "Your";
    else if (word == "me") word = "you";
    else if (word == "mine") word = "yours";
    else if (word == "myself") word = "yourself";
    else if (word == "I'm") word = "you're";
    else if (word == "I've") word = "you've";
    else if (word == "I'll") word = "you'll";
    else if (word == "I'd") word = "you'd";
    out += word;
    word.clear();
  };
  for (char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '\'') {
      word += c;
    } else {
      flush();
      out += c;
    }
  }
  flush();
  return out;
}

}  // namespace

std::string step_in_sentence(std::string_view step) {
  std::string s(trim(step));
  if (s.empty() || !std::isupper(static_cast<unsigned char>(s[0]))) return s;
  size_t word_end = s.find_first_of(" \t,;:");
  std::string_view first = std::string_view(s).substr(0, word_end);
  bool acronym = first.size() > 1;
  for (char c : first)
    if (std::islower(static_cast<unsigned char>(c))) acronym = false;
  if (first == "I" || first.starts_with("I'") || acronym) return s;
  s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
  return s;
}

std::optional<std::string> after_i_will(std::string_view step) {
  std::string s(trim(step));
  // "I will read", "I'll read", "I read": the person's own "I" is the sentence's.
  for (std::string_view subject : {"I will ", "I'll ", "I "})
    if (s.starts_with(subject)) {
      s.erase(0, subject.size());
      break;
    }
  // "Don't snack", "Do not snack" -> "not snack"; "Never snooze", "Always floss" keep theirs.
  std::string lead;
  const std::string low = lower(s.substr(0, 8));
  if (low.starts_with("don't ") || low.starts_with("dont ")) {
    lead = "not ";
    s.erase(0, s.find(' ') + 1);
  } else if (low.starts_with("do not ")) {
    lead = "not ";
    s.erase(0, 7);
  } else if (low.starts_with("never ") || low.starts_with("always ")) {
    lead = lower(s.substr(0, s.find(' ') + 1));
    s.erase(0, s.find(' ') + 1);
  }
  size_t end = s.find_first_of(" \t,;:");
  std::string_view first = std::string_view(s).substr(0, end);
  if (first == "I" || first.empty()) return std::nullopt;
  bool acronym = first.size() > 1 && std::none_of(first.begin(), first.end(), [](char c) {
                   return std::islower(static_cast<unsigned char>(c));
                 });
  if (acronym) return std::nullopt;  // "TODO list": a name, not a verb
  auto verb = leading_verb(first);
  if (!verb) return std::nullopt;
  std::string rest = end == std::string::npos ? "" : s.substr(end);
  if (verb->changed) return lead + verb->base + rest;
  return lead + step_in_sentence(s);
}

std::string implementation_intention(std::string_view after, std::string_view step) {
  std::string_view anchor = strip_after(after);
  if (auto will = after_i_will(step)) {
    if (anchor.empty()) return "I will " + *will + ".";
    return "After " + std::string(anchor) + ", I will " + *will + ".";
  }
  // No sentence can be built ("Meditation", "Vitamins"): the step as written, still correct.
  if (anchor.empty()) return std::string(trim(step));
  return "After " + std::string(anchor) + ": " + std::string(trim(step));
}

std::string second_person_intention(std::string_view after, std::string_view step) {
  std::string_view anchor = strip_after(after);
  auto will = after_i_will(step);
  std::string s = will ? *will : std::string(trim(step));
  // Spoken, it is a sentence either way: "After you eat breakfast: Vitamins."
  if (anchor.empty()) {
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s + ".";
  }
  return "After " + to_second_person(anchor) + ": " + to_second_person(s) + ".";
}

std::string reminder_line(const StepVersion& version, std::optional<double> minutes, const CoachRules& rules) {
  bool small = ridiculous_test(version.step, minutes, rules).empty();
  return second_person_intention(version.after, version.step) +
         (small ? " Two minutes is enough." : " A small start is enough.");
}

}  // namespace microstep
