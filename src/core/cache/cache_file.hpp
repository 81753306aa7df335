#pragma once
/// What the cache files (the log cache, the goal cache) share: numbers and texts as bytes
/// in the machine's byte order, whole reads and writes through a file descriptor, and a
/// small file written whole under a temporary name then renamed.
///
/// A cache file is only a copy: every reader checks what it reads and treats anything odd
/// (a short file, bytes that do not hash as written) as no cache at all.
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/descriptor.hpp"

namespace microstep {

/// Reads all of `size` bytes at `offset`; false on any failure or a short file.
bool read_exactly(int fd, void* into, size_t size, std::uint64_t offset);
/// Writes all of `size` bytes at the file's position; false on any failure.
bool write_exactly(int fd, const char* from, size_t size);

/// Appends numbers and texts to a byte string.
struct Encoder {
  std::string bytes;
  template <typename T>
  void put(T value) {
    bytes.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void put_text(std::string_view text) {
    put(static_cast<std::uint32_t>(text.size()));
    bytes.append(text);
  }
};

/// Reads back what Encoder wrote; any read past the end makes `ok` false for good, and
/// every read after it gives zeros and empty texts.
struct Decoder {
  std::string_view bytes;
  bool ok = true;
  template <typename T>
  T get() {
    T value{};
    if (!ok || bytes.size() < sizeof value) {
      ok = false;
      return value;
    }
    std::memcpy(&value, bytes.data(), sizeof value);
    bytes.remove_prefix(sizeof value);
    return value;
  }
  /// A text as a view into `bytes` (no copy).
  std::string_view get_text_view() {
    auto size = get<std::uint32_t>();
    if (!ok || bytes.size() < size) {
      ok = false;
      return {};
    }
    std::string_view text = bytes.substr(0, size);
    bytes.remove_prefix(size);
    return text;
  }
  std::string get_text() { return std::string(get_text_view()); }
  /// A count of items of at least `item_size` bytes each: more than the bytes left can hold
  /// is a corrupt file, not a reason to allocate.
  std::uint64_t get_count(size_t item_size) {
    auto count = get<std::uint64_t>();
    if (count > bytes.size() / item_size) ok = false;
    return ok ? count : 0;
  }
};

/// The whole of a small file; nullopt when it cannot be read.
std::optional<std::string> read_cache_file(const std::filesystem::path& path);

/// A file written under a temporary name beside `path` (mode 0600; the directory is
/// created), then renamed over `path` by commit(): a reader sees the old file or the whole
/// new one. A file never committed is removed. No fsync: a cache lost in a crash is only
/// rebuilt.
class ReplacementFile {
 public:
  explicit ReplacementFile(const std::filesystem::path& path);
  ~ReplacementFile();
  ReplacementFile(const ReplacementFile&) = delete;
  ReplacementFile& operator=(const ReplacementFile&) = delete;

  /// Where to write; -1 when the temporary file could not be made.
  int fd() const { return file_.fd; }
  /// Closes the file and renames it over `path`: false when either fails (the temporary file
  /// is then removed).
  bool commit();

 private:
  std::filesystem::path path_;
  std::string temporary_;  ///< empty when it could not be made
  Descriptor file_;
  bool committed_ = false;
};

/// Writes `bytes` as the file at `path` through a ReplacementFile. False when it could not
/// be written.
bool write_cache_file(const std::filesystem::path& path, std::string_view bytes);

}  // namespace microstep
