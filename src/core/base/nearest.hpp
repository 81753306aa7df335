#pragma once
/// The name a mistyped word most likely meant ("stast" -> "stats"), for "did you mean" hints.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace microstep {

/// The fewest single-letter edits that turn `a` into `b`: an insertion, a deletion, a
/// substitution, or two neighbouring letters swapped ("stast" -> "stats" is one edit).
size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate `word` most likely meant: the only one it is a prefix of, else the nearest by
/// edit_distance when that is at most a third of the word's length (at least 1), the first of
/// the candidates on a tie; nothing when no candidate is that near.
std::optional<std::string> nearest_name(std::string_view word,
                                        std::span<const std::string> candidates);

}  // namespace microstep
