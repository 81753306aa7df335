#include "core/judge/rule_match.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/judge/step_words.hpp"

namespace microstep {

namespace {

/// Words that end the object of a verb: "Call my sister | on Sundays".
constexpr std::array<std::string_view, 26> kObjectEnds{
    "for",   "every", "each",  "at",    "on",       "in",     "after", "before", "when",
    "with",  "today", "tonight", "daily", "once",   "twice",  "back",  "again",  "and",
    "then",  "to",    "this",  "tomorrow", "weekly", "about", "from",  "while"};

/// Words before "the kitchen" that make it a place, not the job: "one counter in the kitchen".
constexpr std::array<std::string_view, 15> kPrepositions{"in",   "of",   "on",     "at",     "from",
                                                          "to",   "into", "around", "for",    "near",
                                                          "by",   "under", "inside", "with",  "behind"};

constexpr std::array<std::string_view, 9> kDeterminers{"the", "my", "your", "our", "his", "her", "their", "this", "that"};

template <typename A>
bool among(const A& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

std::string replace_all(std::string text, std::string_view from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

/// The words after `end` that a verb acts on, up to a word of kObjectEnds or punctuation.
std::string object_after(const std::string& step, size_t end) {
  const std::string low = lower(step);
  size_t first = std::string::npos, last = end;
  for (const Word& w : words_of(low)) {
    if (w.start < end) continue;
    std::string_view between = std::string_view(step).substr(last, w.start - last);
    if (between.find_first_of(",.;:!?()") != std::string_view::npos) break;
    if (among(kObjectEnds, word_text(low, w))) break;
    if (first == std::string::npos) first = w.start;
    last = w.end;
  }
  return first == std::string::npos ? "" : step.substr(first, last - first);
}

/// The index of the word starting at byte `at`, or words.size().
size_t word_at(const std::vector<Word>& words, size_t at) {
  for (size_t i = 0; i < words.size(); ++i)
    if (words[i].start == at) return i;
  return words.size();
}

/// A noun phrase at [at, end) taken back over "whole", a determiner and "all (of)": the
/// span of "all of my whole X" and its determiner. Nothing without a determiner or "all",
/// or after a preposition.
std::optional<PhraseMatch> with_determiner(std::string_view low, const std::vector<Word>& words, size_t at,
                                           size_t end) {
  size_t i = word_at(words, at);
  if (i == words.size()) return std::nullopt;
  auto text = [&](size_t k) { return word_text(low, words[k]); };
  PhraseMatch m;
  m.end = end;
  size_t k = i;
  if (k > 0 && (text(k - 1) == "whole" || text(k - 1) == "entire")) --k;
  bool found = false;
  if (k > 0 && among(kDeterminers, text(k - 1))) {
    --k;
    m.det = std::string(text(k));
    found = true;
  }
  if (k > 0 && text(k - 1) == "of" && k > 1 && text(k - 2) == "all") k -= 2;
  else if (k > 0 && text(k - 1) == "all") --k;
  if (k < i && text(k) == "all") {
    found = true;
    if (m.det.empty()) m.det = "the";
  }
  if (!found) return std::nullopt;
  if (k > 0 && among(kPrepositions, text(k - 1))) return std::nullopt;
  m.start = words[k].start;
  return m;
}

}  // namespace

namespace {

/// Does a session's phrase at byte `at` name what the step does: first in the step, or after
/// "do a", "go for a", "to"? "Put on your workout clothes" and "one exercise" name things.
bool is_activity(std::string_view low, size_t at) {
  const auto words = words_of(low.substr(0, at));
  if (words.empty()) return true;
  static constexpr std::array<std::string_view, 11> kBefore{"do", "a", "an", "my", "some", "to", "i", "and", "then", "go", "for"};
  return among(kBefore, word_text(low, words.back()));
}

std::optional<PhraseMatch> first_match(std::string_view low, const std::vector<PhraseRule>& rules, bool activity) {
  auto find = [&](const std::string& phrase) {
    for (size_t at = find_words(low, phrase); at != std::string_view::npos; at = find_words(low, phrase, at + 1))
      if (!activity || is_activity(low, at)) return at;
    return std::string_view::npos;
  };
  for (const PhraseRule& rule : rules) {
    for (const std::string& when : rule.when) {
      if (when.find("{noun}") != std::string::npos) {
        for (const std::string& noun : rule.nouns) {
          std::string phrase = lower(replace_all(when, "{noun}", noun));
          if (size_t at = find(phrase); at != std::string_view::npos)
            return PhraseMatch{&rule, at, at + phrase.size(), noun, ""};
        }
        continue;
      }
      std::string phrase = lower(when);
      size_t at = find(phrase);
      if (at == std::string_view::npos) continue;
      PhraseMatch m{&rule, at, at + phrase.size(), rule.nouns.empty() ? "" : rule.nouns.back(), ""};
      for (const std::string& noun : rule.nouns)
        if (find_words(low, lower(noun)) != std::string_view::npos) {
          m.noun = noun;
          break;
        }
      return m;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<PhraseMatch> match_phrase(std::string_view low, const std::vector<PhraseRule>& rules) {
  return first_match(low, rules, false);
}

std::optional<PhraseMatch> match_session(std::string_view low, const std::vector<PhraseRule>& sessions) {
  return first_match(low, sessions, true);
}

std::optional<PhraseMatch> match_job(std::string_view low, const std::vector<PhraseRule>& jobs) {
  const auto words = words_of(low);
  for (const PhraseRule& rule : jobs) {
    if (rule.part.empty()) {
      if (auto m = match_phrase(low, std::vector<PhraseRule>{rule})) {
        m->rule = &rule;
        return m;
      }
      continue;
    }
    for (const std::string& when : rule.when) {
      std::string phrase = lower(when);
      for (size_t at = find_words(low, phrase); at != std::string_view::npos; at = find_words(low, phrase, at + 1)) {
        if (auto m = with_determiner(low, words, at, at + phrase.size())) {
          m->rule = &rule;
          m->noun = when;
          return m;
        }
      }
    }
  }
  return std::nullopt;
}

std::optional<PhraseMatch> match_whole(std::string_view low) {
  const auto words = words_of(low);
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    std::string_view w = word_text(low, words[i]);
    if (w != "whole" && w != "entire") continue;
    size_t last = i + 1;
    if (last + 1 < words.size() && !among(kObjectEnds, word_text(low, words[last + 1])) &&
        !among(kPrepositions, word_text(low, words[last + 1])))
      ++last;
    auto m = with_determiner(low, words, words[i + 1].start, words[last].end);
    if (!m) continue;
    m->noun = std::string(low.substr(words[i + 1].start, words[last].end - words[i + 1].start));
    return m;
  }
  return std::nullopt;
}

std::optional<PhraseMatch> match_place(std::string_view low, const std::vector<std::string>& going,
                                       const std::vector<PhraseRule>& places) {
  for (const PhraseRule& rule : places)
    for (const std::string& place : rule.when)
      for (const std::string& go : going)
        for (std::string_view det : {"", "the ", "my ", "a "}) {
          std::string phrase = lower(go) + " " + std::string(det) + lower(place);
          if (size_t at = find_words(low, phrase); at != std::string_view::npos)
            return PhraseMatch{&rule, at, at + phrase.size(), place, ""};
        }
  return std::nullopt;
}

std::string fill_template(const std::string& templ, const std::string& step, const PhraseMatch& match) {
  std::string out = replace_all(templ, "{noun}", match.noun);
  out = replace_all(out, "{det}", match.det.empty() ? "the" : match.det);
  if (out.find("{object}") != std::string::npos) out = replace_all(out, "{object}", object_after(step, match.end));
  // An empty {object} leaves two spaces: "Send  a one-line text".
  std::string folded;
  for (char c : out) {
    if (c == ' ' && (folded.empty() || folded.back() == ' ')) continue;
    folded += c;
  }
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  return folded;
}

}  // namespace microstep
