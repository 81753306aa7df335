#include "core/shrink.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

#include "core/event.hpp"
#include "core/intention.hpp"

namespace microstep {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '\'';
}

/// Finds `phrase` in `text` (both lower case) as whole words; npos when absent.
size_t find_words(std::string_view text, std::string_view phrase, size_t from = 0) {
  for (size_t at = text.find(phrase, from); at != std::string_view::npos;
       at = text.find(phrase, at + 1)) {
    bool starts = at == 0 || !is_word_char(text[at - 1]);
    size_t end = at + phrase.size();
    bool ends = end == text.size() || !is_word_char(text[end]);
    if (starts && ends) return at;
  }
  return std::string_view::npos;
}

constexpr std::array<std::string_view, 21> kNumberWords{
    "zero",    "one",     "two",       "three",    "four",     "five",    "six",
    "seven",   "eight",   "nine",      "ten",      "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen",  "seventeen", "eighteen", "nineteen", "twenty"};

/// A number as a step writes it: digits, a number word, or "a"/"an" (one).
struct NumberAt {
  size_t start, end;  ///< byte range in the text
  double value;
  bool as_word;
};

/// The words of a text with their byte ranges.
struct Word {
  size_t start, end;
};
std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> words;
  for (size_t i = 0; i < text.size();) {
    if (!is_word_char(text[i]) && text[i] != '.') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && (is_word_char(text[j]) || (text[j] == '.' && j > i && j + 1 < text.size() &&
                                                         std::isdigit(static_cast<unsigned char>(text[j + 1])))))
      ++j;
    if (j == i) {
      ++i;
      continue;
    }
    words.push_back({i, j});
    i = j;
  }
  return words;
}

std::optional<NumberAt> number_in(std::string_view lower_text, const Word& w, bool allow_article) {
  std::string_view word = lower_text.substr(w.start, w.end - w.start);
  double value = 0;
  auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), value);
  if (ec == std::errc{} && end == word.data() + word.size()) return NumberAt{w.start, w.end, value, false};
  for (size_t i = 0; i < kNumberWords.size(); ++i)
    if (word == kNumberWords[i]) return NumberAt{w.start, w.end, static_cast<double>(i), true};
  if (allow_article && (word == "a" || word == "an")) return NumberAt{w.start, w.end, 1, true};
  return std::nullopt;
}

std::string number_text(double value, bool as_word) {
  if (as_word && value == std::floor(value) && value < kNumberWords.size())
    return std::string(kNumberWords[static_cast<size_t>(value)]);
  return format_amount(value);
}

/// push-ups -> push-up, glasses -> glass, stories -> story.
std::string singular(std::string word) {
  auto ends = [&](std::string_view s) { return word.size() > s.size() + 1 && word.ends_with(s); };
  if (ends("ies")) return word.substr(0, word.size() - 3) + "y";
  if (ends("sses") || ends("ches") || ends("shes") || ends("xes")) return word.substr(0, word.size() - 2);
  if (word.size() > 2 && word.back() == 's' && word[word.size() - 2] != 's') word.pop_back();
  return word;
}

std::optional<double> duration_minutes(std::string_view unit) {
  if (unit == "minute" || unit == "minutes" || unit == "min" || unit == "mins") return 1.0;
  if (unit == "hour" || unit == "hours" || unit == "hr" || unit == "hrs") return 60.0;
  return std::nullopt;
}

std::string replace_range(const std::string& text, size_t start, size_t end, const std::string& with) {
  return text.substr(0, start) + with + text.substr(end);
}

std::optional<ShrunkStep> by_phrase(const std::string& step, const std::string& low,
                                    const std::vector<PhraseRule>& rules, const char* rule_name,
                                    const char* why) {
  for (const auto& rule : rules) {
    for (const auto& phrase : rule.when) {
      if (find_words(low, lower(phrase)) == std::string::npos) continue;
      std::string result = rule.step;
      if (auto slot = result.find("{noun}"); slot != std::string::npos) {
        std::string noun = rule.nouns.empty() ? "thing" : rule.nouns.back();
        for (const auto& n : rule.nouns)
          if (find_words(low, lower(n)) != std::string::npos) {
            noun = n;
            break;
          }
        result.replace(slot, 6, noun);
      }
      if (lower(result) == low) continue;
      return ShrunkStep{result, rule_name, why};
    }
  }
  (void)step;
  return std::nullopt;
}

std::optional<ShrunkStep> by_ladder(const std::string& step, const std::string& low,
                                    const CoachRules& rules) {
  auto words = words_of(low);
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    auto n = number_in(low, words[i], true);
    if (!n || n->value != 1) continue;
    std::string_view rest = std::string_view(low).substr(words[i + 1].start);
    for (const auto& ladder : rules.ladders) {
      for (size_t r = 0; r + 1 < ladder.size(); ++r) {
        std::string rung = lower(ladder[r]);
        if (!rest.starts_with(rung) || (rest.size() > rung.size() && is_word_char(rest[rung.size()])))
          continue;
        const std::string& next = ladder[r + 1];
        size_t end = words[i + 1].start + rung.size();
        bool next_has_number = !next.empty() && std::isdigit(static_cast<unsigned char>(next[0]));
        std::string result = next_has_number ? replace_range(step, n->start, end, next)
                                             : replace_range(step, words[i + 1].start, end, next);
        if (!next_has_number && (low.compare(n->start, n->end - n->start, "an") == 0))
          result = replace_range(result, n->start, n->end, "one");
        return ShrunkStep{result, "ladder",
                          "One " + ladder[r] + " is a big unit; one " + next +
                              " is the next size down (seed 002: a single sentence is less "
                              "daunting than a chapter)."};
      }
    }
  }
  return std::nullopt;
}

std::optional<ShrunkStep> by_duration(const std::string& step, const std::string& low,
                                      const CoachRules& rules) {
  auto words = words_of(low);
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    auto n = number_in(low, words[i], true);
    if (!n) continue;
    auto per = duration_minutes(std::string_view(low).substr(words[i + 1].start, words[i + 1].end - words[i + 1].start));
    if (!per || n->value * *per <= rules.thresholds.two_minutes) continue;
    std::string two = format_amount(rules.thresholds.two_minutes) + " minutes";
    return ShrunkStep{replace_range(step, n->start, words[i + 1].end, two), "two-minute rule",
                      "A step over two minutes comes down to two (seed 003: the 2-minute rule)."};
  }
  return std::nullopt;
}

std::optional<ShrunkStep> by_number(const std::string& step, const std::string& low) {
  auto words = words_of(low);
  for (size_t i = 0; i < words.size(); ++i) {
    auto n = number_in(low, words[i], false);
    if (!n || n->value <= 1) continue;
    if (n->start > 0 && low[n->start - 1] == '$') continue;  // money is not a size
    // Durations follow the 2-minute rule instead: two minutes is small enough.
    if (i + 1 < words.size() &&
        duration_minutes(std::string_view(low).substr(words[i + 1].start, words[i + 1].end - words[i + 1].start)))
      continue;
    double half = std::max(1.0, std::floor(n->value / 2));
    std::string result = replace_range(step, n->start, n->end, number_text(half, n->as_word));
    if (half == 1) {
      // "1 deep breath": the first plural among the next words becomes singular.
      auto after = words_of(lower(result));
      for (size_t k = i + 1; k < after.size() && k <= i + 3; ++k) {
        std::string w = result.substr(after[k].start, after[k].end - after[k].start);
        std::string s = singular(w);
        if (s != w) {
          result = replace_range(result, after[k].start, after[k].end, s);
          break;
        }
      }
    }
    return ShrunkStep{result, "number",
                      "Half the amount still counts, and it happens on a bad day (seed 000: "
                      "then make it smaller)."};
  }
  return std::nullopt;
}

}  // namespace

ShrunkStep shrink_step(const std::string& step, const CoachRules& rules) {
  std::string low = lower(step);
  if (auto s = by_phrase(step, low, rules.replacements, "replacement",
                         "A whole session becomes its smallest concrete start (seed 003: do one "
                         "push-up instead of working out for 30 minutes)."))
    return *s;
  if (auto s = by_ladder(step, low, rules)) return *s;
  if (auto s = by_duration(step, low, rules)) return *s;
  if (auto s = by_number(step, low)) return *s;
  if (auto s = by_phrase(step, low, rules.preparations, "preparation",
                         "Nothing left to shrink: do the step before the step (seed 000: put on "
                         "your shoes)."))
    return *s;
  return ShrunkStep{"Get ready to " + step_in_sentence(step) + ", and stop there if you like",
                    "preparation",
                    "Nothing left to shrink: the set-up alone counts (seed 000: so small you could "
                    "do it even on a bad day)."};
}

std::vector<std::string> ridiculous_test(const std::string& step, std::optional<double> minutes,
                                         const CoachRules& rules, bool count_numbers) {
  std::vector<std::string> reasons;
  std::string low = lower(step);
  double two = rules.thresholds.two_minutes;
  if (minutes && *minutes > two)
    reasons.push_back("it takes " + format_amount(*minutes) + " minutes; aim for " +
                      format_amount(two) + " or less (the 2-minute rule)");
  if (by_duration(step, low, rules))
    reasons.push_back("it names a duration over " + format_amount(two) +
                      " minutes (the 2-minute rule)");
  auto words = words_of(low);
  for (size_t i = 0; count_numbers && i < words.size(); ++i) {
    auto n = number_in(low, words[i], false);
    bool duration = i + 1 < words.size() &&
                    duration_minutes(std::string_view(low).substr(words[i + 1].start, words[i + 1].end - words[i + 1].start));
    if (n && !duration && n->value > rules.thresholds.large_number) {
      reasons.push_back("'" + step.substr(n->start, n->end - n->start) +
                        "' is a large number for a bad day");
      break;
    }
  }
  for (const auto& phrase : rules.vague) {
    if (find_words(low, lower(phrase)) == std::string::npos) continue;
    reasons.push_back("'" + phrase + "' is vague: there is nothing to measure");
    break;
  }
  return reasons;
}

}  // namespace microstep
