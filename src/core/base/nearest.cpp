#include "core/base/nearest.hpp"

#include <algorithm>
#include <vector>

namespace microstep {

size_t edit_distance(std::string_view a, std::string_view b) {
  // The optimal string alignment distance: Levenshtein's table plus the swap of two neighbours.
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t substitution = d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

std::optional<std::string> nearest_name(std::string_view word,
                                        std::span<const std::string> candidates) {
  if (word.empty()) return std::nullopt;
  const std::string* prefixed = nullptr;
  size_t prefix_count = 0;
  for (const auto& c : candidates)
    if (c.starts_with(word)) prefixed = &c, ++prefix_count;
  if (prefix_count == 1) return *prefixed;

  const size_t limit = std::max<size_t>(1, (word.size() + 1) / 3);
  const std::string* best = nullptr;
  size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    size_t distance = edit_distance(word, c);
    if (distance < best_distance) best = &c, best_distance = distance;
  }
  if (!best) return std::nullopt;
  return *best;
}

}  // namespace microstep
