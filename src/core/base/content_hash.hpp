#pragma once
/// A 64-bit hash of a stream of bytes, to tell whether bytes read before are still the same
/// (the log cache checks the log with it, the goal cache finds a file's goal by it): XXH3
/// from libxxhash, a vetted, fast, well-distributed hash. Not cryptographic: it guards
/// against edits and accidents, not against someone crafting a collision.
#include <cstdint>
#include <string_view>

#define XXH_STATIC_LINKING_ONLY  // the streaming state as a plain member, no allocation
#include <xxhash.h>

namespace microstep {

class ContentHash {
 public:
  ContentHash();
  ContentHash(const ContentHash& other);
  ContentHash& operator=(const ContentHash& other);
  /// Adds the next bytes of the stream: the result does not depend on how the stream is cut
  /// into calls.
  void update(std::string_view bytes);
  /// The hash of all the bytes so far.
  std::uint64_t digest() const;

 private:
  XXH3_state_t state_;
};

/// The hash of `bytes` alone (as a ContentHash given them in one call).
std::uint64_t hash_bytes(std::string_view bytes);

}  // namespace microstep
