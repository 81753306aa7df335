#include "core/judge/step_words.hpp"

#include <cctype>

namespace microstep {

namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '\''; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)); }

}  // namespace

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    if (!is_word_char(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size()) {
      if (is_word_char(text[j])) {
        ++j;
        continue;
      }
      // "2.5" and "10,000" are one word: a point between digits, or a comma between a
      // digit and exactly three more.
      bool after_digit = j > i && is_digit(text[j - 1]);
      if (after_digit && text[j] == '.' && j + 1 < text.size() && is_digit(text[j + 1])) {
        ++j;
        continue;
      }
      if (after_digit && text[j] == ',' && j + 3 < text.size() && is_digit(text[j + 1]) && is_digit(text[j + 2]) &&
          is_digit(text[j + 3]) && (j + 4 == text.size() || !is_digit(text[j + 4]))) {
        ++j;
        continue;
      }
      break;
    }
    words.push_back({i, j});
    i = j;
  }
  return words;
}

size_t find_words(std::string_view text, std::string_view phrase, size_t from) {
  if (phrase.empty()) return std::string_view::npos;
  for (size_t at = text.find(phrase, from); at != std::string_view::npos; at = text.find(phrase, at + 1)) {
    bool starts = at == 0 || !is_word_char(text[at - 1]);
    size_t end = at + phrase.size();
    bool ends = end == text.size() || !is_word_char(text[end]);
    if (starts && ends) return at;
  }
  return std::string_view::npos;
}

std::string replace_span(const std::string& text, size_t start, size_t end, const std::string& with) {
  std::string out = text.substr(0, start) + with + text.substr(end);
  // Fold the doubled space an empty replacement leaves, and trim the ends.
  std::string folded;
  for (char c : out) {
    if (c == ' ' && (folded.empty() || folded.back() == ' ')) continue;
    folded += c;
  }
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  if (start == 0 && !text.empty() && (std::isupper(static_cast<unsigned char>(text[0])) || is_digit(text[0])) &&
      !folded.empty())
    folded[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(folded[0])));
  return folded;
}

}  // namespace microstep
