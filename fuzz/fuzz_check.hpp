#pragma once
/// What the fuzz targets share: a check that stops the run (so libFuzzer saves the input)
/// when a property fails, and helpers for the error-message forms.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace microstep::fuzz {

[[noreturn]] inline void fail(const char* file, int line, const char* condition,
                              const std::string& detail) {
  std::fprintf(stderr, "\n%s:%d: property violated: %s\n%s\n", file, line, condition,
               detail.c_str());
  std::abort();
}

/// Writes `bytes` to `path` (a fuzz input handed to code that reads files); aborts on failure.
inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) std::abort();
  if (std::fclose(f) != 0) std::abort();
}

/// True when `message` starts with "PREFIX:N: " where N is a positive decimal line number.
inline bool starts_with_line_number(std::string_view message, std::string_view prefix) {
  if (!message.starts_with(prefix)) return false;
  message.remove_prefix(prefix.size());
  if (message.empty() || message[0] != ':') return false;
  message.remove_prefix(1);
  size_t digits = 0;
  while (digits < message.size() && message[digits] >= '0' && message[digits] <= '9') ++digits;
  if (digits == 0 || message[0] == '0') return false;  // no line 0, no leading zeros
  return message.substr(digits).starts_with(": ");
}

}  // namespace microstep::fuzz

/// Aborts with a message when `condition` is false.
#define FUZZ_CHECK(condition, detail)                                                 \
  do {                                                                                \
    if (!(condition)) ::microstep::fuzz::fail(__FILE__, __LINE__, #condition, detail); \
  } while (false)
