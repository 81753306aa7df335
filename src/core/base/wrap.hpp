#pragma once
/// Text fitted to a terminal's width: lines broken at spaces, never inside a word.
#include <string>
#include <string_view>

namespace microstep {

/// The columns `text` takes on a terminal: one per UTF-8 character; an ANSI escape sequence
/// (a color: ESC [ ... m) takes none. East Asian wide characters are counted as one.
size_t display_width(std::string_view text);

/// `text` with each line wider than `width` columns broken at spaces into lines that fit.
/// A continuation line starts with the indentation of the line it continues plus `hang`
/// spaces, and the spaces where a line is broken are dropped. A word wider than the room left
/// stays whole on a line of its own. Lines that fit are kept as they are, byte for byte.
std::string wrap_text(std::string_view text, size_t width, size_t hang = 2);

}  // namespace microstep
