#pragma once
/// A small streaming JSON writer: every --json form is built with it, so escaping is in one place.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/day.hpp"

namespace microstep {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  /// The key of the next value, inside an object.
  JsonWriter& key(std::string_view name);

  /// A string; bytes that are not UTF-8 are written as U+FFFD, so the document always is.
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);
  JsonWriter& value(long number);
  JsonWriter& value(int number) { return value(static_cast<long>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();
  JsonWriter& value(Day day) { return value(format_day(day)); }
  /// Writes null for an empty optional.
  template <typename T>
  JsonWriter& value(const std::optional<T>& maybe) {
    return maybe ? value(*maybe) : null();
  }
  /// A text that may be absent: null when empty (an absent value is null in every --json form).
  JsonWriter& text_or_null(std::string_view text) { return text.empty() ? null() : value(text); }
  /// key(name).text_or_null(text) in one call.
  JsonWriter& text_field(std::string_view name, std::string_view text) { return key(name).text_or_null(text); }
  /// key(name).value(v) in one call.
  template <typename T>
  JsonWriter& field(std::string_view name, const T& v) {
    return key(name).value(v);
  }

  /// The document, with a final newline.
  std::string str() const { return out_ + "\n"; }

 private:
  void before_value();
  std::string out_;
  std::vector<bool> first_;  ///< per open container: no element written yet
  bool after_key_ = false;
};

/// Rounds a rate or score for output: 4 decimals are plenty and keep the JSON stable.
double round_for_output(double value);

}  // namespace microstep
