#include "core/judge/quantities.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

#include "core/base/english.hpp"
#include "core/model/event.hpp"
#include "core/judge/step_words.hpp"

namespace microstep {

namespace {

constexpr std::array<std::string_view, 21> kNumberWords{
    "zero",     "one",     "two",     "three",     "four",     "five",     "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
constexpr std::array<std::pair<std::string_view, double>, 8> kTens{
    {{"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60}, {"seventy", 70}, {"eighty", 80}, {"ninety", 90},
     {"hundred", 100}}};

/// "5", "2.5", "10,000", "ten", "thirty".
std::optional<double> number_value(std::string_view word, bool& as_word) {
  as_word = false;
  std::string digits;
  for (char c : word)
    if (c != ',') digits += c;
  double value = 0;
  if (!digits.empty() && std::isdigit(static_cast<unsigned char>(digits[0]))) {
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec == std::errc{} && end == digits.data() + digits.size()) return value;
    return std::nullopt;
  }
  as_word = true;
  for (size_t i = 0; i < kNumberWords.size(); ++i)
    if (word == kNumberWords[i]) return static_cast<double>(i);
  for (const auto& [name, v] : kTens)
    if (word == name) return v;
  return std::nullopt;
}

/// Minutes in one of a duration unit.
std::optional<double> minutes_per(std::string_view unit) {
  if (unit == "minute" || unit == "minutes" || unit == "min" || unit == "mins") return 1.0;
  if (unit == "hour" || unit == "hours" || unit == "hr" || unit == "hrs" || unit == "h") return 60.0;
  if (unit == "second" || unit == "seconds" || unit == "sec" || unit == "secs" || unit == "s") return 1.0 / 60;
  return std::nullopt;
}

/// Metres in one of a distance unit named in the rules (singular or plural).
std::optional<double> metres_per(std::string_view unit, const CoachRules& rules) {
  std::string one = singular(unit);
  for (const auto& d : rules.distances)
    for (const auto& u : d.units)
      if (unit == u || one == u) return d.value;
  return std::nullopt;
}

/// Splits "30-minute", "ten-minute", "5k", "10km", "2h" into a number and a unit.
bool split_compound(std::string_view word, double& value, bool& as_word, std::string_view& unit) {
  size_t cut = word.find('-');
  if (cut == std::string_view::npos) {
    cut = 0;
    while (cut < word.size() && (std::isdigit(static_cast<unsigned char>(word[cut])) || word[cut] == '.')) ++cut;
    if (cut == 0 || cut == word.size()) return false;
    unit = word.substr(cut);
  } else {
    unit = word.substr(cut + 1);
  }
  if (unit.empty() || !std::all_of(unit.begin(), unit.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
    return false;
  auto v = number_value(word.substr(0, cut), as_word);
  if (!v) return false;
  value = *v;
  return true;
}

bool is_money_sign_before(std::string_view text, size_t at) {
  if (at >= 1 && text[at - 1] == '$') return true;
  if (at >= 2 && text.substr(at - 2, 2) == "\xC2\xA3") return true;      // £
  if (at >= 3 && text.substr(at - 3, 3) == "\xE2\x82\xAC") return true;  // €
  return false;
}

/// Does `phrase` (a unit of one or more words, singular) start at word `i`, the last word
/// possibly plural? Returns the index past its last word, or 0.
size_t unit_at(std::string_view low, const std::vector<Word>& words, size_t i, std::string_view phrase) {
  auto parts = words_of(phrase);
  if (parts.empty() || i + parts.size() > words.size()) return 0;
  for (size_t k = 0; k < parts.size(); ++k) {
    std::string_view want = word_text(phrase, parts[k]);
    std::string_view have = word_text(low, words[i + k]);
    bool last = k + 1 == parts.size();
    if (have != want && !(last && singular(have) == want)) return 0;
  }
  return i + parts.size();
}

}  // namespace

std::string number_text(double value, bool as_word) {
  if (as_word && value == std::floor(value) && value >= 0 && value < kNumberWords.size())
    return std::string(kNumberWords[static_cast<size_t>(value)]);
  return format_amount(value);
}

bool names_a_duration(const std::vector<Quantity>& qs) {
  return std::any_of(qs.begin(), qs.end(), [](const Quantity& q) { return q.kind == Quantity::Kind::duration; });
}

std::vector<Quantity> quantities(std::string_view step, const CoachRules& rules) {
  const std::string low = lower(step);
  const auto words = words_of(low);
  auto text = [&](size_t i) { return i < words.size() ? word_text(low, words[i]) : std::string_view{}; };
  std::vector<Quantity> out;
  for (size_t i = 0; i < words.size(); ++i) {
    Quantity q;
    q.start = words[i].start;
    q.end = q.unit_end = words[i].end;
    std::string_view word = text(i);
    size_t next = i + 1;  // the first word after the number

    // "half an hour", "half a minute"
    if (word == "half" && (text(i + 1) == "an" || text(i + 1) == "a") && minutes_per(text(i + 2))) {
      q.kind = Quantity::Kind::duration;
      q.value = 0.5;
      q.as_word = q.article = true;
      q.end = words[i + 1].end;
      q.unit_end = words[i + 2].end;
      q.minutes = 0.5 * *minutes_per(text(i + 2));
      out.push_back(q);
      i += 2;
      continue;
    }
    // "30-minute", "ten-minute", "5k", "10km"
    std::string_view unit;
    if (split_compound(word, q.value, q.as_word, unit)) {
      q.compound = true;
      if (auto per = minutes_per(unit)) {
        q.kind = Quantity::Kind::duration;
        q.minutes = q.value * *per;
        out.push_back(q);
        continue;
      }
      if (auto per = metres_per(unit, rules)) {
        q.kind = Quantity::Kind::distance;
        q.metres = q.value * *per;
        out.push_back(q);
        continue;
      }
      continue;  // "3-day", "2x": not a size microstep reads
    }
    auto value = number_value(word, q.as_word);
    if (!value && (word == "a" || word == "an") && (minutes_per(text(i + 1)) || metres_per(text(i + 1), rules))) {
      value = 1;
      q.as_word = q.article = true;
    }
    if (!value) continue;
    q.value = *value;
    std::string_view after = text(next);

    if (is_money_sign_before(step, q.start) || after == "dollars" || after == "dollar" || after == "euros" ||
        after == "pounds" || after == "bucks") {
      q.kind = Quantity::Kind::money;
      out.push_back(q);
      continue;
    }
    bool colon = (q.start > 0 && step[q.start - 1] == ':') || (q.end < step.size() && step[q.end] == ':');
    if (colon || after == "am" || after == "pm" || after == "o'clock") {
      q.kind = Quantity::Kind::time_of_day;
      out.push_back(q);
      continue;
    }
    if (auto per = minutes_per(after)) {
      q.unit_end = words[next].end;
      q.minutes = q.value * *per;
      std::string_view then = text(next + 1);
      bool shift = then == "earlier" || then == "later" || then == "sooner" || then == "longer";
      q.kind = shift ? Quantity::Kind::shift : Quantity::Kind::duration;
      out.push_back(q);
      ++i;
      continue;
    }
    if (auto per = metres_per(after, rules)) {
      q.kind = Quantity::Kind::distance;
      q.unit_end = words[next].end;
      q.metres = q.value * *per;
      out.push_back(q);
      ++i;
      continue;
    }
    std::string_view before = i > 0 ? text(i - 1) : std::string_view{};
    if (before == "at" || before == "by" || before == "until" || before == "around" || before == "before" ||
        before == "after") {
      q.kind = Quantity::Kind::time_of_day;
      out.push_back(q);
      continue;
    }
    // A count: a unit with a handful of its own among the next three words, else the first
    // plural among them, else the next word.
    q.kind = Quantity::Kind::count;
    q.handful = rules.thresholds.handful;
    for (size_t k = next; k < words.size() && k < next + 3 && !q.own_handful; ++k)
      for (const auto& c : rules.counts) {
        for (const auto& u : c.units)
          if (size_t past = unit_at(low, words, k, lower(u))) {
            q.own_handful = true;
            q.handful = c.value;
            q.noun = lower(u);
            q.noun_start = words[k].start;
            q.noun_end = words[past - 1].end;
            break;
          }
        if (q.own_handful) break;
      }
    for (size_t k = next; q.noun.empty() && k < words.size() && k < next + 3; ++k) {
      std::string_view w = text(k);
      if (singular(w) != w) {
        q.noun = singular(w);
        q.noun_start = words[k].start;
        q.noun_end = words[k].end;
      }
    }
    if (q.noun.empty() && next < words.size()) {
      q.noun = singular(text(next));
      q.noun_start = words[next].start;
      q.noun_end = words[next].end;
    }
    q.unit_end = q.noun.empty() ? q.end : q.noun_end;
    out.push_back(q);
  }
  return out;
}

}  // namespace microstep
