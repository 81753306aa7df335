/// Tests of core/base/content_hash: the hash the log cache checks the log's bytes with.
#include "core/base/content_hash.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <string_view>

namespace microstep {

namespace {

/// `length` bytes of every value, in a fixed pseudo-random order.
std::string text_of(size_t length, unsigned seed = 1) {
  std::mt19937 random(seed);
  std::string text(length, '\0');
  for (char& c : text) c = static_cast<char>(random() & 0xff);
  return text;
}

/// The digest of `text` fed in pieces of `piece` bytes.
std::uint64_t digest_in_pieces(std::string_view text, size_t piece) {
  ContentHash hash;
  for (size_t at = 0; at < text.size(); at += piece) hash.update(text.substr(at, piece));
  return hash.digest();
}

/// The digest of `text` fed in pieces of random sizes (0 included), cut by `random`.
std::uint64_t digest_in_random_pieces(std::string_view text, std::mt19937& random) {
  ContentHash hash;
  size_t at = 0;
  while (at < text.size()) {
    size_t piece = random() % 70;  // past two 32-byte blocks at times, and empty at times
    hash.update(text.substr(at, piece));
    at += piece;
  }
  hash.update({});
  return hash.digest();
}

}  // namespace

TEST_CASE("content_hash: the digest does not depend on how the bytes are cut into updates") {
  std::mt19937 random(7);
  for (size_t length = 0; length <= 100; ++length) {
    CAPTURE(length);
    const std::string text = text_of(length, static_cast<unsigned>(length));
    const std::uint64_t whole = hash_bytes(text);
    CHECK(digest_in_pieces(text, 1) == whole);
    CHECK(digest_in_pieces(text, 31) == whole);
    CHECK(digest_in_pieces(text, 32) == whole);
    CHECK(digest_in_pieces(text, 33) == whole);
    for (int round = 0; round < 5; ++round) CHECK(digest_in_random_pieces(text, random) == whole);
  }
  const std::string long_text = text_of(1000, 99);
  const std::uint64_t whole = hash_bytes(long_text);
  CHECK(digest_in_pieces(long_text, 1) == whole);
  CHECK(digest_in_pieces(long_text, 7) == whole);
  CHECK(digest_in_pieces(long_text, 64) == whole);
  for (int round = 0; round < 20; ++round) CHECK(digest_in_random_pieces(long_text, random) == whole);
}

TEST_CASE("content_hash: one byte changed anywhere gives another digest") {
  const std::string text = text_of(100, 5);
  const std::uint64_t original = hash_bytes(text);
  std::set<std::uint64_t> seen{original};
  for (size_t at = 0; at < text.size(); ++at) {
    for (unsigned char flip : {0x01, 0x80, 0xff}) {
      CAPTURE(at);
      CAPTURE(static_cast<int>(flip));
      std::string changed = text;
      changed[at] = static_cast<char>(changed[at] ^ flip);
      CHECK(seen.insert(hash_bytes(changed)).second);  // unlike the original and every other change
    }
  }
}

TEST_CASE("content_hash: a byte more gives another digest - a zero byte too") {
  for (size_t length : {0, 1, 31, 32, 33, 100}) {
    CAPTURE(length);
    const std::string text = text_of(length, 3);
    CHECK(hash_bytes(text + 'x') != hash_bytes(text));
    CHECK(hash_bytes(text + '\0') != hash_bytes(text));
    CHECK(hash_bytes(text + '\0' + '\0') != hash_bytes(text + '\0'));
    CHECK(hash_bytes('\0' + text) != hash_bytes(text));
  }
  CHECK(hash_bytes(std::string(32, '\0')) != hash_bytes(std::string(64, '\0')));
}

TEST_CASE("content_hash: hash_bytes is a ContentHash fed the same bytes") {
  for (size_t length : {0, 5, 32, 100, 1000}) {
    CAPTURE(length);
    const std::string text = text_of(length, 11);
    ContentHash hash;
    hash.update(text);
    CHECK(hash_bytes(text) == hash.digest());
  }
  ContentHash nothing;
  CHECK(nothing.digest() == hash_bytes(""));
}

}  // namespace microstep
