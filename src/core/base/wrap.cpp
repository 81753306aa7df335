#include "core/base/wrap.hpp"

#include <algorithm>

namespace microstep {

size_t display_width(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\033' && i + 1 < text.size() && text[i + 1] == '[') {
      // A control sequence: parameters and intermediates, then one final byte in @ to ~.
      i += 2;
      while (i < text.size() && !(text[i] >= '@' && text[i] <= '~')) ++i;
      continue;
    }
    if ((c & 0xC0) != 0x80) ++width;  // not a UTF-8 continuation byte: a character starts
  }
  return width;
}

namespace {

/// One line (without its newline) wrapped, appended to `out`.
void wrap_line(std::string_view line, size_t width, size_t hang, std::string& out) {
  if (display_width(line) <= width) {
    out += line;
    return;
  }
  size_t at = line.find_first_not_of(' ');
  if (at == std::string_view::npos) at = line.size();
  const std::string continuation(at + hang, ' ');
  std::string current(line.substr(0, at));
  size_t current_width = at;
  bool empty = true;  // no word on `current` yet: the next one goes there, however wide
  while (at < line.size()) {
    size_t word_start = line.find_first_not_of(' ', at);
    if (word_start == std::string_view::npos) break;  // spaces that end a long line go
    size_t word_end = std::min(line.find(' ', word_start), line.size());
    std::string_view gap = line.substr(at, word_start - at);
    std::string_view word = line.substr(word_start, word_end - word_start);
    size_t word_width = display_width(word);
    if (empty) {
      current += word;
      current_width += word_width;
    } else if (current_width + gap.size() + word_width <= width) {
      current += gap;
      current += word;
      current_width += gap.size() + word_width;
    } else {
      out += current;
      out += '\n';
      current = continuation;
      current += word;
      current_width = continuation.size() + word_width;
    }
    empty = false;
    at = word_end;
  }
  out += current;
}

}  // namespace

std::string wrap_text(std::string_view text, size_t width, size_t hang) {
  std::string out;
  out.reserve(text.size());
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      wrap_line(text.substr(start), width, hang, out);
      break;
    }
    wrap_line(text.substr(start, end - start), width, hang, out);
    out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace microstep
