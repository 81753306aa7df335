#include "core/base/content_hash.hpp"

namespace microstep {

ContentHash::ContentHash() { XXH3_64bits_reset(&state_); }

ContentHash::ContentHash(const ContentHash& other) { XXH3_copyState(&state_, &other.state_); }

ContentHash& ContentHash::operator=(const ContentHash& other) {
  XXH3_copyState(&state_, &other.state_);
  return *this;
}

void ContentHash::update(std::string_view bytes) {
  if (bytes.empty()) return;  // no null data() handed on
  XXH3_64bits_update(&state_, bytes.data(), bytes.size());
}

std::uint64_t ContentHash::digest() const { return XXH3_64bits_digest(&state_); }

std::uint64_t hash_bytes(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

}  // namespace microstep
