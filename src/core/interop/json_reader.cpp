#include "core/interop/json_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/base/error.hpp"

namespace microstep {

const JsonValue* JsonValue::get(std::string_view name) const {
  for (const auto& member : members)
    if (member.key == name) return &member;
  return nullptr;
}

namespace {

/// How far nlohmann-json's lexer has read. It takes each character once, through
/// ReadingIterator, and keeps a character it looked ahead at rather than giving it back: when
/// a SAX event comes, it has read the value's last character, or for a number the one after.
struct ReadPosition {
  std::string_view text;
  size_t read = 0;      ///< characters taken
  size_t newlines = 0;  ///< newlines among them

  /// The line of the last character read. A newline belongs to the line it ends: it is the
  /// character read past a number at the end of a line.
  size_t line() const { return 1 + newlines - (read > 0 && text[read - 1] == '\n' ? 1 : 0); }
};

/// An input iterator over the text that moves a ReadPosition along as the lexer takes each
/// character.
class ReadingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  ReadingIterator(ReadPosition* position, size_t at) : position_(position), at_(at) {}
  reference operator*() const { return position_->text[at_]; }
  ReadingIterator& operator++() {
    if (position_->text[at_] == '\n') ++position_->newlines;
    position_->read = ++at_;
    return *this;
  }
  ReadingIterator operator++(int) {
    ReadingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const ReadingIterator& other) const { return at_ == other.at_; }

 private:
  ReadPosition* position_;
  size_t at_;
};

[[noreturn]] void fail_at(const std::string& display, size_t line, const std::string& what) {
  throw data_error(display + ":" + std::to_string(line) + ": " + what);
}

/// nlohmann-json's exception text without its prefix: "[json.exception.parse_error.101]
/// parse error at line 1, column 4: syntax error while parsing value - invalid literal; ..."
/// gives "syntax error while parsing value - invalid literal; ..." (the line is ours).
std::string nlohmann_words(const std::string& what) {
  std::string_view words = what;
  if (auto end = words.find("] "); words.starts_with("[json.exception.") && end != words.npos)
    words.remove_prefix(end + 2);
  if (auto end = words.find(": "); words.starts_with("parse error") && end != words.npos)
    words.remove_prefix(end + 2);
  return std::string(words);
}

/// The SAX handler that builds the JsonValues, and refuses what nlohmann-json's grammar
/// allows but a strict reader does not.
class ValueBuilder {
 public:
  ValueBuilder(const std::string& display, const ReadPosition& position)
      : display_(display), position_(position) {}

  JsonValue take() { return std::move(root_); }

  bool null() {
    add(JsonValue::Type::null);
    return true;
  }
  bool boolean(bool flag) {
    add(JsonValue::Type::boolean).flag = flag;
    return true;
  }
  // nlohmann-json reads an integer with a minus sign as number_integer, one without as
  // number_unsigned; JSON integers have no leading zeros, so only -0 is not to_string's.
  bool number_integer(std::int64_t n) { return number(n == 0 ? "-0" : std::to_string(n)); }
  bool number_unsigned(std::uint64_t n) { return number(std::to_string(n)); }
  bool number_float(double, const std::string& written) { return number(written); }  // as written
  bool string(std::string& text) {
    add(JsonValue::Type::string).text = std::move(text);
    return true;
  }
  bool binary(nlohmann::json::binary_t&) { return false; }  // JSON text has no binary values
  bool start_object(std::size_t) {
    open_.push_back(&add(JsonValue::Type::object));
    return true;
  }
  bool key(std::string& name) {
    if (open_.back()->get(name))
      fail_at(display_, position_.line(), "member \"" + name + "\" comes twice");
    key_ = std::move(name);
    return true;
  }
  bool end_object() {
    open_.pop_back();
    return true;
  }
  bool start_array(std::size_t) {
    open_.push_back(&add(JsonValue::Type::array));
    return true;
  }
  bool end_array() {
    open_.pop_back();
    return true;
  }
  /// `offset` is how many characters the lexer had read: the problem is at the last of them
  /// (past the end for an unexpected end).
  bool parse_error(std::size_t offset, const std::string&, const nlohmann::detail::exception& e) {
    std::string_view before = position_.text.substr(0, offset == 0 ? 0 : offset - 1);
    fail_at(display_, 1 + static_cast<size_t>(std::count(before.begin(), before.end(), '\n')),
            nlohmann_words(e.what()));
  }

 private:
  const std::string& display_;
  const ReadPosition& position_;
  JsonValue root_;
  std::vector<JsonValue*> open_;  ///< the objects and arrays being read, innermost last
  std::string key_;               ///< the name of the next value in an object

  /// A new value where the document is: the root, an array's next element or an object's
  /// member. The open objects and arrays stay where they are: only the innermost grows.
  JsonValue& add(JsonValue::Type type) {
    if (open_.size() > kJsonMaxDepth) fail_at(display_, position_.line(), "nested too deeply");
    JsonValue* value = &root_;
    if (!open_.empty() && open_.back()->type == JsonValue::Type::array) {
      value = &open_.back()->items.emplace_back();
    } else if (!open_.empty()) {
      value = &open_.back()->members.emplace_back();
      value->key = std::move(key_);
    }
    value->type = type;
    value->line = position_.line();
    return *value;
  }

  /// A number from its text, by std::from_chars: refused when it is too large for a double
  /// (nlohmann-json refuses that first) or so small that it would read as 0, where
  /// nlohmann-json's strtod gives 0.
  bool number(std::string written) {
    JsonValue& value = add(JsonValue::Type::number);
    auto [end, ec] = std::from_chars(written.data(), written.data() + written.size(), value.number);
    if (ec != std::errc{} || !std::isfinite(value.number))
      fail_at(display_, value.line, "the number " + written + " is out of range");
    value.text = std::move(written);
    return true;
  }
};

}  // namespace

JsonValue read_json(std::string_view text, const std::string& display_path) {
  // nlohmann-json skips a byte order mark; RFC 8259 says a JSON text has none, and an
  // import's file has had its own removed already.
  if (text.starts_with("\xEF\xBB\xBF"))
    throw data_error(display_path + ":1: a byte order mark (U+FEFF) before the JSON document");
  ReadPosition position{text};
  ValueBuilder builder(display_path, position);
  nlohmann::json::sax_parse(ReadingIterator(&position, 0), ReadingIterator(&position, text.size()),
                            &builder);
  // nlohmann-json's lexer also takes a NUL byte for the end of the input, as a C string ends.
  // A NUL anywhere else is a syntax error, so a NUL read last is one after the document.
  if (position.read > 0 && text[position.read - 1] == '\0')
    fail_at(display_path, position.line(), "unexpected text after the JSON document");
  return builder.take();
}

}  // namespace microstep
