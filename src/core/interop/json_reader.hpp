#pragma once
/// Reading JSON: nlohmann-json's parser, strict, into values that know the line they start on.
///
/// nlohmann-json's own values keep no position (3.12 adds one; Debian 12 has 3.11) and a
/// number only as its value, while an import names the line of each record and keeps a number
/// it reads as text as it was written. So the parser's SAX events build these values, and the
/// lexer reads the text through an iterator that counts the newlines it has passed.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace microstep {

/// One JSON value as read.
struct JsonValue {
  enum class Type { null, boolean, number, string, array, object } type = Type::null;
  bool flag = false;
  double number = 0;
  std::string text;  ///< a string's value, or a number as it is written ("-0", "2.50e1")
  std::vector<JsonValue> items;
  /// An object's members in their order, each with its name in `key`. (A vector of pairs of a
  /// name and a JsonValue would instantiate the pair while JsonValue is incomplete: clang
  /// refuses it.)
  std::vector<JsonValue> members;
  std::string key;  ///< the name of this value in the object that holds it
  size_t line = 1;  ///< where the value starts

  /// The member named `name`, or nullptr.
  const JsonValue* get(std::string_view name) const;
};

/// The deepest a value may be nested (the document itself is at depth 0).
inline constexpr size_t kJsonMaxDepth = 32;

/// The one JSON document in `text` (RFC 8259; whitespace around it allowed). Refused, as a
/// data Failure "DISPLAY_PATH:LINE: ...", with the line where the problem is: a syntax error
/// of any kind (in nlohmann-json's words: a malformed literal, number, string or escape, a
/// lone surrogate, bytes that are not UTF-8 in a string, text after the document), a member
/// name that comes twice in one object, a value nested deeper than kJsonMaxDepth, a number
/// too large or too small for a double, and a byte order mark.
JsonValue read_json(std::string_view text, const std::string& display_path);

}  // namespace microstep
