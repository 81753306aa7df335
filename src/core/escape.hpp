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

}  // namespace microstep
