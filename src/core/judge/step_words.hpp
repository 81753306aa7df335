#pragma once
/// A step's text read as words: what the shrinking rules and the ridiculous test match on.
#include <string>
#include <string_view>
#include <vector>

namespace microstep {

/// The text in lower case (ASCII letters only; other bytes unchanged).
std::string lower(std::string_view text);

/// One word of a text, as a byte range. Words hold letters, digits, '-' and '\''; a number
/// keeps its decimal point and thousands separators ("2.5", "10,000").
struct Word {
  size_t start, end;
};
std::vector<Word> words_of(std::string_view text);
/// The word's text.
inline std::string_view word_text(std::string_view text, const Word& w) { return text.substr(w.start, w.end - w.start); }

/// Where `phrase` occurs in `text` as whole words (both lower case), from `from` on; npos when
/// it does not.
size_t find_words(std::string_view text, std::string_view phrase, size_t from = 0);

/// `text` with [start, end) replaced by `with`; the spaces left doubled or at either end by
/// an empty replacement are folded, and a step that began with a capital still does.
std::string replace_span(const std::string& text, size_t start, size_t end, const std::string& with);

}  // namespace microstep
