#pragma once
/// The binary's --json output, read for tests with the library's strict JSON reader
/// (core/interop/json_reader.hpp: nlohmann-json's parser), behind a small API that throws
/// whenever a test asks for something that is not there.
#include <concepts>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/interop/json_reader.hpp"

namespace microstep::test {

/// One JSON value: a handle into its document, cheap to copy, which keeps the document alive.
/// Asking for the wrong type or a missing member throws, so tests fail loudly.
class Json {
 public:
  using Type = JsonValue::Type;

  /// A null value.
  Json();

  Type type() const { return value_->type; }
  bool is_null() const { return type() == Type::null; }
  bool is_bool() const { return type() == Type::boolean; }
  bool is_number() const { return type() == Type::number; }
  bool is_string() const { return type() == Type::string; }
  bool is_array() const { return type() == Type::array; }
  bool is_object() const { return type() == Type::object; }

  /// The value of a boolean; throws for any other type.
  bool as_bool() const;
  /// The value of a number (always a double); throws for any other type.
  double as_number() const;
  /// The (UTF-8) value of a string; throws for any other type.
  const std::string& as_string() const;

  /// An object's member; throws naming the key when it is missing or this is not an object.
  Json operator[](const std::string& key) const;
  /// Overload so that j["key"] does not read as an index.
  Json operator[](const char* key) const { return (*this)[std::string(key)]; }
  /// An array's element; throws when out of range or this is not an array.
  Json at(std::size_t index) const;
  /// Same as at(); a template so that j[0] is not mistaken for a null `const char*` key.
  template <std::integral I>
  Json operator[](I index) const {
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
  friend Json parse_json(std::string_view text);
  Json(std::shared_ptr<const JsonValue> document, const JsonValue* value)
      : document_(std::move(document)), value_(value) {}
  std::shared_ptr<const JsonValue> document_;
  const JsonValue* value_;
};

/// Parses exactly one JSON document as the import does (surrounding whitespace allowed):
/// malformed input, duplicate keys and trailing text included, throws std::runtime_error
/// "output:LINE: ...".
Json parse_json(std::string_view text);

}  // namespace microstep::test
