#include "core/judge/shrink.hpp"

#include <cmath>
#include <optional>

#include "core/base/english.hpp"
#include "core/model/event.hpp"
#include "core/judge/quantities.hpp"
#include "core/judge/rule_match.hpp"
#include "core/judge/step_words.hpp"

namespace microstep {

namespace {

using Kind = Quantity::Kind;

/// The person's own words at [start, end), in double quotes.
std::string their(const std::string& step, size_t start, size_t end) {
  return "\"" + step.substr(start, end - start) + "\"";
}

ShrunkStep made(std::string step, std::string rule, std::string why) {
  return ShrunkStep{std::move(step), std::move(rule), std::move(why)};
}

/// A rule's whole new step, unless it would give the step back unchanged.
std::optional<ShrunkStep> new_step(const std::string& step, const std::string& low, const std::optional<PhraseMatch>& m,
                                   const char* rule, const std::string& why) {
  if (!m) return std::nullopt;
  std::string result = fill_template(m->rule->step, step, *m);
  if (result.empty() || lower(result) == low) return std::nullopt;
  return made(result, rule, why);
}

/// The seeds' table of big goals and their smallest units: "Learn Spanish" -> one new word.
std::optional<ShrunkStep> by_skill(const std::string& step, const std::string& low, const CoachRules& rules) {
  auto m = match_phrase(low, rules.skills);
  if (!m) return std::nullopt;
  return new_step(step, low, m, "skill",
                  their(step, 0, step.size()) + " is a big goal; its smallest unit is a step you can take today.");
}

/// A place to go: the trip comes first, so the step is what you would do there.
std::optional<ShrunkStep> by_place(const std::string& step, const std::string& low, const CoachRules& rules) {
  auto m = match_place(low, rules.going, rules.places);
  if (!m) return std::nullopt;
  return new_step(step, low, m, "place",
                  their(step, m->start, m->end) +
                      " starts with a trip; the step is what you would do there, and it can start where you are.");
}

/// A whole session (a workout, a meditation) becomes its smallest concrete start.
std::optional<ShrunkStep> by_session(const std::string& step, const std::string& low, const CoachRules& rules) {
  auto m = match_session(low, rules.replacements);
  if (!m) return std::nullopt;
  return new_step(step, low, m, "session", their(step, m->start, m->end) + " is a whole session; its smallest start is a step.");
}

/// A whole job becomes one part of it, in the person's words: "Clean the whole kitchen" ->
/// "Clean one counter in the kitchen".
std::optional<ShrunkStep> by_job(const std::string& step, const std::string& low, const CoachRules& rules) {
  std::string why;
  if (auto m = match_job(low, rules.jobs)) {
    why = their(step, m->start, m->end) + " is a whole job; one part of it is a step.";
    if (m->rule->part.empty()) return new_step(step, low, m, "job", why);
    return made(replace_span(step, m->start, m->end, fill_template(m->rule->part, step, *m)), "job", why);
  }
  if (auto m = match_whole(low)) {
    why = their(step, m->start, m->end) + " is a whole job; one part of it is a step.";
    return made(replace_span(step, m->start, m->end, "one small part of " + m->det + " " + m->noun), "job", why);
  }
  return std::nullopt;
}

/// Is the word after byte `end` an activity a size can describe ("a 5k run", "a mile walk")?
bool noun_follows(const std::string& low, size_t end) {
  for (const Word& w : words_of(low))
    if (w.start >= end) {
      std::string_view next = word_text(low, w);
      for (std::string_view activity : {"run", "walk", "jog", "ride", "swim", "hike", "row", "cycle", "bike", "stroll"})
        if (next == activity) return true;
      return false;
    }
  return false;
}

/// "a" or "an" right before byte `at`: its start, or npos.
size_t article_before(const std::string& low, size_t at) {
  for (std::string_view a : {"a ", "an "})
    if (at >= a.size() && low.compare(at - a.size(), a.size(), a) == 0 &&
        (at == a.size() || low[at - a.size() - 1] == ' '))
      return at - a.size();
  return std::string::npos;
}

/// A distance replaced by two minutes, as the sentence allows: "Run 5 km" -> "Run for 2
/// minutes", "Walk for a mile" -> "Walk for 2 minutes", "a 5k run" -> "a 2-minute run".
std::string two_minutes_instead(const std::string& step, const std::string& low, const Quantity& q, double two) {
  const std::string number = number_text(two, false);
  // "a" or "an": the number itself ("a mile") or just before it ("a 5k").
  const size_t article = q.article ? q.start : article_before(low, q.start);
  if (article != std::string::npos && noun_follows(low, q.unit_end))
    return replace_span(step, article, q.unit_end, "a " + number + "-minute");
  const size_t from = article != std::string::npos ? article : q.start;
  const bool after_for = from >= 4 && low.compare(from - 4, 4, "for ") == 0;
  return replace_span(step, from, q.unit_end, (after_for ? "" : "for ") + number + " minutes");
}

/// A distance comes down to two minutes of the same activity (the 2-minute rule).
std::optional<ShrunkStep> by_distance(const std::string& step, const std::string& low, const std::vector<Quantity>& qs,
                                      const CoachRules& rules) {
  for (const Quantity& q : qs) {
    if (q.kind != Kind::distance || q.metres <= rules.thresholds.short_distance) continue;
    return made(two_minutes_instead(step, low, q, rules.thresholds.two_minutes), "distance",
                their(step, q.start, q.unit_end) +
                    " is a distance; two minutes of it is a start, and more is welcome (the 2-minute rule).");
  }
  return std::nullopt;
}

/// A duration over two minutes comes down to two (the 2-minute rule).
std::optional<ShrunkStep> by_duration(const std::string& step, const std::vector<Quantity>& qs,
                                      const CoachRules& rules) {
  const double two = rules.thresholds.two_minutes;
  for (const Quantity& q : qs) {
    if (q.kind != Kind::duration || q.minutes <= two) continue;
    std::string result;
    if (q.compound) {
      result = replace_span(step, q.start, q.end, number_text(two, q.as_word) + "-minute");
    } else {
      // "for an hour" -> "for 2 minutes"; "twenty minutes" -> "two minutes".
      result = replace_span(step, q.start, q.unit_end, number_text(two, q.as_word && !q.article) + " minutes");
    }
    return made(result, "two-minute rule", "Two minutes is enough to start, and more is welcome (the 2-minute rule).");
  }
  return std::nullopt;
}

/// `q`'s counted noun made singular, then its number replaced by `number`.
std::string count_of(const std::string& step, const Quantity& q, const std::string& number, bool one) {
  std::string result = step;
  if (one && q.noun_end > q.noun_start) {
    std::string noun = result.substr(q.noun_start, q.noun_end - q.noun_start);
    result = result.substr(0, q.noun_start) + singular(noun) + result.substr(q.noun_end);
  }
  return replace_span(result, q.start, q.end, number);
}

/// A count over its handful comes down to the handful a quick unit has of its own ("Write
/// 500 words" -> 50), or to one ("Drink 8 glasses of water" -> one glass); money to 1.
std::optional<ShrunkStep> by_count(const std::string& step, const std::vector<Quantity>& qs) {
  for (const Quantity& q : qs) {
    if (q.kind == Kind::money && q.value > 1)
      return made(replace_span(step, q.start, q.end, "1"), "count", "The habit counts more than the amount.");
    if (q.kind != Kind::count || q.value <= q.handful) continue;
    std::string words = their(step, q.start, q.unit_end);
    if (q.own_handful) {
      std::string handful = number_text(q.handful, q.as_word);
      return made(count_of(step, q, handful, false), "count",
                  words + " is more than a bad day allows; " + handful + " still counts.");
    }
    return made(count_of(step, q, "one", true), "count", words + " is more than a handful for a bad day; one still counts.");
  }
  return std::nullopt;
}

/// One of a big unit steps down its ladder: one chapter -> one page.
std::optional<ShrunkStep> by_ladder(const std::string& step, const std::string& low, const CoachRules& rules) {
  auto words = words_of(low);
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    std::string_view n = word_text(low, words[i]);
    if (n != "1" && n != "one" && n != "a" && n != "an") continue;
    std::string_view rest = std::string_view(low).substr(words[i + 1].start);
    for (const auto& ladder : rules.ladders) {
      for (size_t r = 0; r + 1 < ladder.size(); ++r) {
        std::string rung = lower(ladder[r]);
        if (!rest.starts_with(rung) || (rest.size() > rung.size() && std::isalnum(static_cast<unsigned char>(rest[rung.size()]))))
          continue;
        const std::string& next = ladder[r + 1];
        size_t end = words[i + 1].start + rung.size();
        bool next_has_number = !next.empty() && std::isdigit(static_cast<unsigned char>(next[0]));
        std::string result = next_has_number ? replace_span(step, words[i].start, end, next)
                                             : replace_span(step, words[i + 1].start, end, next);
        if (!next_has_number && n == "an") result = replace_span(result, words[i].start, words[i].end, "a");
        return made(result, "ladder", "One " + ladder[r] + " is a big unit; one " + next + " is the next size down.");
      }
    }
  }
  return std::nullopt;
}

/// A small number halves ("Do 10 jumping jacks" -> 5); at one, the noun becomes singular.
std::optional<ShrunkStep> by_number(const std::string& step, const std::vector<Quantity>& qs) {
  for (const Quantity& q : qs) {
    bool seconds = q.kind == Kind::duration && q.minutes < q.value;  // "for 10 seconds"
    bool halves = q.kind == Kind::count || q.kind == Kind::shift || q.kind == Kind::distance || seconds;
    if (!halves || q.value <= 1) continue;
    double half = std::max(1.0, std::floor(q.value / 2));
    std::string result;
    if (half == 1) {
      Quantity unit = q;
      if (q.kind != Kind::count) {  // "2 minutes earlier" -> "one minute earlier"
        unit.noun_start = q.end + 1;
        unit.noun_end = q.unit_end;
      }
      result = count_of(step, unit, "one", true);
    } else {
      result = replace_span(step, q.start, q.end, number_text(half, q.as_word));
    }
    return made(result, "number", "Half as many still counts, and it happens on a bad day.");
  }
  return std::nullopt;
}

/// The step before the step: "Go for a walk" -> "Put on your shoes".
std::optional<ShrunkStep> by_preparation(const std::string& step, const std::string& low, const CoachRules& rules) {
  return new_step(step, low, match_phrase(low, rules.preparations), "preparation",
                  "The step before the step: starting is what makes a habit.");
}

/// The first rule that makes the step smaller.
std::optional<ShrunkStep> shrink_once(const std::string& step, const CoachRules& rules) {
  const std::string low = lower(step);
  const auto qs = quantities(step, rules);
  if (auto s = by_skill(step, low, rules)) return s;
  if (auto s = by_place(step, low, rules)) return s;
  if (auto s = by_session(step, low, rules)) return s;
  if (auto s = by_job(step, low, rules)) return s;
  if (auto s = by_distance(step, low, qs, rules)) return s;
  if (auto s = by_duration(step, qs, rules)) return s;
  if (auto s = by_count(step, qs)) return s;
  if (auto s = by_ladder(step, low, rules)) return s;
  if (auto s = by_number(step, qs)) return s;
  return by_preparation(step, low, rules);
}

}  // namespace

ShrunkStep shrink_step(const std::string& step, const CoachRules& rules) {
  ShrunkStep out;
  std::string current = step;
  for (int round = 0; round < 6; ++round) {
    auto next = shrink_once(current, rules);
    if (!next) break;
    out.rule += (out.rule.empty() ? "" : ", then ") + next->rule;
    out.why += (out.why.empty() ? "" : " ") + next->why;
    current = next->step;
    if (ridiculous_test(current, std::nullopt, rules).empty()) {
      out.step = current;
      return out;
    }
  }
  return ShrunkStep{"", "nothing smaller",
                    "Nothing smaller than \"" + step + "\" comes from its words: you know best what the smallest part of it is."};
}

}  // namespace microstep

namespace microstep {

std::vector<std::string> too_big_warnings(const std::string& step, std::optional<double> minutes,
                                          const CoachRules& rules) {
  std::vector<std::string> warnings;
  auto reasons = ridiculous_test(step, minutes, rules);
  if (reasons.empty()) return warnings;
  ShrunkStep smaller = shrink_step(step, rules);
  const std::string offer = smaller.found() ? "try \"" + smaller.step + "\""
                                            : "what is the smallest part of it you could do on a bad day?";
  for (const auto& reason : reasons) warnings.push_back("the step may be too big: " + reason + "; " + offer);
  return warnings;
}

}  // namespace microstep
