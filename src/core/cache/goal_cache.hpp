#pragma once
/// The goal cache: every goal file as parsed, kept in the user's cache directory beside the
/// log cache, so that a journal of many goals is not parsed by yaml-cpp on every command
/// (about 40 us a file, most of a warm `stats` of 300 goals).
///
/// An entry is found by the goal file's name and a hash and length of its bytes: a goal file
/// changed in any way (by microstep, by hand, by git) misses, and is parsed again. A cache
/// written by another version of microstep, cut short or corrupt is not used at all. Like
/// the log cache it is only a copy: deleting it is always safe.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/goal.hpp"

namespace microstep {

/// Which goal file, with what bytes, gave which goal.
struct GoalFileKey {
  std::string file_name;     ///< "floss.yaml"
  std::uint64_t text_hash = 0;  ///< hash_bytes of the file's text
  std::uint64_t text_size = 0;
  auto operator<=>(const GoalFileKey&) const = default;
};

class GoalCache {
 public:
  /// The cache at `path`; an empty one when it is missing, damaged or from another version.
  static GoalCache read(const std::filesystem::path& path);
  /// The goal cached for exactly this file and these bytes; nullopt otherwise.
  std::optional<Goal> find(const GoalFileKey& key) const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    GoalFileKey key;
    std::string_view goal;  ///< encode_goal's bytes, inside bytes_
  };
  std::string bytes_;
  std::vector<Entry> entries_;  ///< sorted by key
};

/// Writes a cache of these goals at `path` (a temporary file, then renamed): false when it
/// could not be written, which only means the next command parses the files again.
bool write_goal_cache(const std::filesystem::path& path,
                      const std::vector<std::pair<GoalFileKey, const Goal*>>& goals);

/// A goal as bytes, and back: nullopt unless `bytes` are exactly one encoded goal. Every
/// field of Goal is in it (the round-trip test and the goal-file fuzz target compare with
/// Goal's operator==): a field added to Goal must be added here.
std::string encode_goal(const Goal& goal);
std::optional<Goal> decode_goal(std::string_view bytes);

}  // namespace microstep
