#include "core/judge/growth.hpp"

#include <cctype>
#include <cmath>

#include "core/model/event.hpp"
#include "core/judge/shrink.hpp"
#include "core/judge/stats.hpp"
#include "core/base/wording.hpp"

namespace microstep {

namespace {

/// The first number in a step ("Write 10 sentences" -> 10 at [6, 8)), digits only.
struct NumberSpan {
  size_t start, end;
  double value;
};
std::optional<NumberSpan> first_number(const std::string& step) {
  for (size_t i = 0; i < step.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(step[i]))) continue;
    if (i > 0 && (std::isalnum(static_cast<unsigned char>(step[i - 1])) || step[i - 1] == '$')) continue;
    size_t j = i;
    while (j < step.size() && (std::isdigit(static_cast<unsigned char>(step[j])) || step[j] == '.')) ++j;
    return NumberSpan{i, j, std::stod(step.substr(i, j - i))};
  }
  return std::nullopt;
}

/// "one sentence" -> the span of "one", read as 1.
std::optional<NumberSpan> word_one(const std::string& step) {
  for (std::string_view w : {"one ", "One ", "a ", "an "}) {
    size_t at = step.find(w);
    if (at != std::string::npos && (at == 0 || step[at - 1] == ' '))
      return NumberSpan{at, at + w.size() - 1, 1};
  }
  return std::nullopt;
}

/// "sentence" -> "sentences" for the word right after position `at`.
std::string pluralize_next_word(std::string text, size_t at) {
  size_t start = text.find_first_not_of(' ', at);
  if (start == std::string::npos) return text;
  size_t end = start;
  while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-')) ++end;
  if (end > start && text[end - 1] != 's') text.insert(end, "s");
  return text;
}


/// A step as the 10% rule reads it: its words with the number taken out (plurals folded,
/// "one"/"a" read as 1), and the number or range ("1-2") it named.
struct StepSize {
  std::string skeleton;
  std::optional<double> low, high;
};

StepSize size_of(const std::string& step) {
  StepSize size;
  std::string text = step;
  if (auto n = first_number(text)) {
    size.low = size.high = n->value;
    size_t end = n->end;
    if (end + 1 < text.size() && text[end] == '-' && std::isdigit(static_cast<unsigned char>(text[end + 1]))) {
      size_t j = end + 1;
      while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == '.')) ++j;
      size.high = std::stod(text.substr(end + 1, j - end - 1));
      end = j;
    }
    text.replace(n->start, end - n->start, "#");
  } else if (auto one = word_one(text)) {
    size.low = size.high = 1;
    text.replace(one->start, one->end - one->start, "#");
  }
  // Lower case, each word without a final "s": "1 sentence" and "2 sentences" read alike.
  std::string word;
  auto flush = [&] {
    if (word.size() > 1 && word.back() == 's') word.pop_back();
    size.skeleton += word;
    word.clear();
  };
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '#') {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      flush();
      if (c != ' ' || (!size.skeleton.empty() && size.skeleton.back() != ' ')) size.skeleton += c;
    }
  }
  flush();
  return size;
}

/// The largest amount the 10% rule allows after `amount`: +10% rounded for a whole amount
/// (nothing more when that rounds to 0), +10% otherwise.
double allowed_after(double amount, const CoachThresholds& t) {
  double increase = amount * t.grow_max_increase;
  return amount == std::floor(amount) ? amount + std::round(increase) : amount + increase;
}

}  // namespace

bool ready_to_grow(const Chain& chain, const CoachThresholds& t, std::string& why) {
  Day since = std::max(chain.in_force().from, chain.started());
  long days = (chain.today() - since).count() + 1;
  auto rate = completion_rate_between(chain, since, chain.today());
  why = count_with_unit(days, "day") + " on this step at " + percent(rate);
  return days >= t.grow_after_days && rate && *rate >= t.grow_min_rate - 1e-9;
}

Suggestion growth_proposal(const StepVersion& version, const CoachThresholds& t) {
  Suggestion s;
  s.kind = SuggestionKind::grow;
  double minimum = version.minimum.value_or(1);
  double increase = std::round(minimum * t.grow_max_increase);
  bool whole = minimum == std::floor(minimum);
  if (whole && increase >= 1) {
    s.rule = "10% rule";
    s.minimum = minimum + increase;
    std::string step = version.step;
    if (auto n = first_number(step); n && n->value == minimum)
      step.replace(n->start, n->end - n->start, format_amount(*s.minimum));
    s.step = step;
    s.reason = "grow by at most 10%: from " + format_amount(minimum) + " to " + format_amount(*s.minimum);
    return s;
  }
  // +10% of a small minimum rounds to nothing: keep the minimum, welcome more (the optional plus).
  s.rule = "optional plus";
  s.optional_plus = true;
  std::string step = version.step;
  auto n = first_number(step);
  if (!n) n = word_one(step);
  if (n && n->value == std::floor(n->value)) {
    std::string range = format_amount(n->value) + "-" + format_amount(n->value + 1);
    step.replace(n->start, n->end - n->start, range);
    if (n->value == 1) step = pluralize_next_word(step, n->start + range.size());
  } else {
    step += ", more if you like";
  }
  s.step = step;
  s.reason = "+10% of " + format_amount(minimum) +
             " rounds to nothing, so the minimum stays and more is welcome (the optional plus)";
  return s;
}

std::optional<std::string> growth_refusal(const Chain& chain, const std::optional<std::string>& step,
                                          std::optional<double> minimum, const CoachRules& rules) {
  const CoachThresholds& t = rules.thresholds;
  const StepVersion& version = chain.in_force();
  const std::string force = "; use --force to grow anyway";
  std::string why;
  if (!ready_to_grow(chain, t, why))
    return "not ready to grow: " + why + "; the 30-day rule asks for " + std::to_string(t.grow_after_days) +
           " days at " + percent(t.grow_min_rate) + " or more first" + force;
  const double old_minimum = version.minimum.value_or(1);
  if (minimum && *minimum > allowed_after(old_minimum, t) + 1e-9)
    return "growing from " + format_number(old_minimum) + " to " + format_number(*minimum) +
           " is more than the 10% rule allows (at most " + format_number(allowed_after(old_minimum, t)) +
           "); use the optional plus, or --force";
  if (!step || *step == version.step) return std::nullopt;
  const Suggestion proposal = growth_proposal(version, t);
  if (*step == proposal.step) return std::nullopt;

  const StepSize before = size_of(version.step), after = size_of(*step);
  const std::string not_grown = "'" + *step + "' is not '" + version.step +
                                "' grown by at most 10%: the 10% rule keeps the step and grows its number a "
                                "little, or adds an optional plus ('" + proposal.step.value_or("") + "')";
  if (!before.low || !after.low || before.skeleton != after.skeleton) return not_grown + force;
  if (*after.low < *before.low)
    return "'" + *step + "' is smaller than '" + version.step + "': use shrink to make a step smaller";
  const bool optional_plus = *after.high > *after.low;
  if (optional_plus ? *after.low != *before.low : *after.low > allowed_after(*before.low, t) + 1e-9)
    return "growing '" + version.step + "' to '" + *step + "' is more than the 10% rule allows (at most " +
           format_number(allowed_after(*before.low, t)) + ", or the optional plus '" + proposal.step.value_or("") +
           "')" + force;
  // The 10% rule governs the number; the rest of the ridiculous test still applies.
  auto warnings = ridiculous_test(*step, chain.goal().minutes, rules, false);
  if (!warnings.empty()) return "'" + *step + "' fails the ridiculous test: " + warnings.front() + force;
  return std::nullopt;
}

}  // namespace microstep
