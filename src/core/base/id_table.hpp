#pragma once
/// Goal id -> a number, for the lookup every line of the log makes: open addressing in a
/// power-of-two table, since std::unordered_map's hash and modulo cost more than parsing a
/// field of the line.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace microstep {

class IdTable {
 public:
  /// What find answers for an id never added; not a value add may be given.
  static constexpr long kAbsent = -2;

  /// Maps `id` to `value` (replacing its value if it is there). The table keeps a view of
  /// `id`: its bytes must outlive the table.
  void add(std::string_view id, long value);
  /// The value added for `id`, or kAbsent.
  long find(std::string_view id) const {
    if (slots_.empty()) return kAbsent;
    const Key key(id);
    for (size_t i = key.hash() & mask();; i = (i + 1) & mask()) {
      const Slot& slot = slots_[i];
      if (slot.value == kAbsent) return kAbsent;
      if (slot.key == key && (id.size() <= 16 || slot.id == id)) return slot.value;
    }
  }

 private:
  /// An id's length and its first and last 8 bytes: ids differ there, and an id of at most
  /// 16 bytes is wholly in them, so comparing keys compares such ids without a memcmp. An id
  /// shorter than 8 bytes is read as two 4-byte words that overlap (or, below 4 bytes, as
  /// its first, middle and last byte): with the length, they still hold every byte, and the
  /// ids in a log line, of every length, need no loop over their bytes.
  struct Key {
    std::uint64_t head = 0, tail = 0;
    size_t size = 0;
    Key() = default;
    explicit Key(std::string_view id) : size(id.size()) {
      const char* p = id.data();
      const size_t n = id.size();
      if (n >= 8) {
        std::memcpy(&head, p, 8);
        std::memcpy(&tail, p + n - 8, 8);
      } else if (n >= 4) {
        std::uint32_t first, last;
        std::memcpy(&first, p, 4);
        std::memcpy(&last, p + n - 4, 4);
        head = first | std::uint64_t{last} << 32;
      } else if (n > 0) {
        head = byte(p[0]) | byte(p[n / 2]) << 8 | byte(p[n - 1]) << 16;
      }
    }
    static std::uint64_t byte(char c) { return static_cast<unsigned char>(c); }
    /// One test, not three: which of the words differs is of no interest.
    bool operator==(const Key& other) const {
      return ((head ^ other.head) | (tail ^ other.tail) | (size ^ other.size)) == 0;
    }
    /// Every byte of the key reaches the low bits the table indexes by. (A multiply alone
    /// moves bits up only: ids alike but for their last bytes, as "walk-10" and "walk-11",
    /// fell into one long probe chain.)
    size_t hash() const {
      std::uint64_t h = head ^ (tail * 0x9e3779b97f4a7c15ull) ^ size;
      h ^= h >> 33;
      h *= 0xff51afd7ed558ccdull;
      h ^= h >> 33;
      h *= 0xc4ceb9fe1a85ec53ull;
      return static_cast<size_t>(h ^ (h >> 33));
    }
  };
  struct Slot {
    std::string_view id;
    Key key;
    long value = kAbsent;
  };
  size_t mask() const { return slots_.size() - 1; }
  void place(std::string_view id, long value);
  void grow();
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

}  // namespace microstep
