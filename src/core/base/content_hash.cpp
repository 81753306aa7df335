#include "core/base/content_hash.hpp"

#include <algorithm>
#include <cstring>

namespace microstep {

namespace {

constexpr std::uint64_t kMultiplier = 0x9e3779b97f4a7c15ull;

/// A full 64-bit mix: every input bit reaches every output bit.
std::uint64_t finish(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 33);
}

}  // namespace

void ContentHash::mix_block(const char* block) {
  for (int lane = 0; lane < 4; ++lane) {
    std::uint64_t word;
    std::memcpy(&word, block + 8 * lane, 8);
    std::uint64_t h = (lanes_[lane] ^ word) * kMultiplier;
    lanes_[lane] = h ^ (h >> 29);
  }
}

void ContentHash::update(std::string_view bytes) {
  if (bytes.empty()) return;  // also: no memcpy from the null data() of an empty view
  length_ += bytes.size();
  if (pending_size_ > 0) {
    size_t take = std::min<size_t>(bytes.size(), sizeof pending_ - pending_size_);
    std::memcpy(pending_ + pending_size_, bytes.data(), take);
    pending_size_ += take;
    bytes.remove_prefix(take);
    if (pending_size_ < sizeof pending_) return;
    mix_block(pending_);
    pending_size_ = 0;
  }
  for (; bytes.size() >= sizeof pending_; bytes.remove_prefix(sizeof pending_)) mix_block(bytes.data());
  std::memcpy(pending_, bytes.data(), bytes.size());
  pending_size_ = bytes.size();
}

std::uint64_t ContentHash::digest() const {
  std::uint64_t h = length_;
  for (std::uint64_t lane : lanes_) h = finish(h ^ lane);
  for (std::uint64_t i = 0; i < pending_size_; ++i) h = (h ^ static_cast<unsigned char>(pending_[i])) * kMultiplier;
  return finish(h);
}

std::uint64_t hash_bytes(std::string_view bytes) {
  ContentHash hash;
  hash.update(bytes);
  return hash.digest();
}

}  // namespace microstep
