#pragma once
/// A small strict JSON reader, for checking the binary's --json output in tests only.
#include <concepts>
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace microstep::test {

/// One JSON value. Asking for the wrong type or a missing member throws, so tests fail loudly.
class Json {
 public:
  enum class Type { null, boolean, number, string, array, object };

  /// A null value.
  Json() = default;

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::null; }
  bool is_bool() const { return type_ == Type::boolean; }
  bool is_number() const { return type_ == Type::number; }
  bool is_string() const { return type_ == Type::string; }
  bool is_array() const { return type_ == Type::array; }
  bool is_object() const { return type_ == Type::object; }

  /// The value of a boolean; throws for any other type.
  bool as_bool() const;
  /// The value of a number (always a double); throws for any other type.
  double as_number() const;
  /// The (UTF-8) value of a string; throws for any other type.
  const std::string& as_string() const;

  /// An object's member; throws naming the key when it is missing or this is not an object.
  const Json& operator[](const std::string& key) const;
  /// Overload so that j["key"] does not read as an index.
  const Json& operator[](const char* key) const { return (*this)[std::string(key)]; }
  /// An array's element; throws when out of range or this is not an array.
  const Json& at(std::size_t index) const;
  /// Same as at(); a template so that j[0] is not mistaken for a null `const char*` key.
  template <std::integral I>
  const Json& operator[](I index) const {
    if constexpr (std::is_signed_v<I>)
      if (index < 0) return at(static_cast<std::size_t>(-1));  // out of range: throws
    return at(static_cast<std::size_t>(index));
  }
  /// Elements of an array or members of an object; throws for other types.
  std::size_t size() const;
  /// Does an object have this member? Throws when this is not an object.
  bool has(const std::string& key) const;
  /// An object's keys in document order.
  std::vector<std::string> keys() const;

  /// "null", "bool", "number", "string", "array" or "object", for messages.
  std::string_view type_name() const;

 private:
  friend class JsonParser;
  Type type_ = Type::null;
  bool bool_ = false;
  double number_ = 0;
  std::string string_;
  std::vector<Json> items_;                      ///< array elements, or object values
  std::vector<std::string> keys_;                ///< object keys, parallel to items_
  std::map<std::string, std::size_t, std::less<>> index_;  ///< key -> position in items_
};

/// Parses exactly one JSON value (surrounding whitespace allowed). Throws std::runtime_error
/// naming the byte offset on malformed input, including duplicate keys and trailing text.
Json parse_json(std::string_view text);

}  // namespace microstep::test
