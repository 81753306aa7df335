#pragma once
/// A 64-bit hash of a stream of bytes, to tell whether bytes read before are still the same
/// (the log cache checks the log with it). Not cryptographic: it guards against edits and
/// accidents, not against someone crafting a collision.
#include <cstdint>
#include <string_view>

namespace microstep {

class ContentHash {
 public:
  /// Adds the next bytes of the stream. The result does not depend on how the stream is cut
  /// into calls: bytes short of a whole 32-byte block wait for the next call.
  void update(std::string_view bytes);
  /// The hash of all the bytes so far (the length included).
  std::uint64_t digest() const;

 private:
  void mix_block(const char* block);
  /// Four independent lanes, so the multiplies of consecutive words overlap in the processor.
  std::uint64_t lanes_[4] = {0x243f6a8885a308d3ull, 0x13198a2e03707344ull, 0xa4093822299f31d0ull,
                             0x082efa98ec4e6c89ull};
  char pending_[32];
  std::uint64_t pending_size_ = 0;
  std::uint64_t length_ = 0;
};

/// The hash of `bytes` alone.
std::uint64_t hash_bytes(std::string_view bytes);

}  // namespace microstep
