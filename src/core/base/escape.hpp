#pragma once
/// Escaping of free text (notes) in a tab-separated log field, so that any text round-trips.
#include <optional>
#include <string>
#include <string_view>

namespace microstep {

/// Backslash, tab, newline and carriage return become \\ \t \n \r; other control
/// characters become \xHH. Everything else (including non-ASCII UTF-8) is kept as it is.
std::string escape_field(std::string_view text);

/// The inverse of escape_field; nullopt when an escape is unknown or cut short.
std::optional<std::string> unescape_field(std::string_view field);

/// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates).
bool is_valid_utf8(std::string_view text);
/// The length in bytes of the valid UTF-8 character starting at text[at] (1 for ASCII), or 0
/// when none starts there. `at` must be inside `text`.
size_t utf8_sequence_length(std::string_view text, size_t at);

}  // namespace microstep
