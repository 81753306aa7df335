#pragma once
/// The log read through the log cache (log_cache.hpp): a log that only grew since the cache
/// was written is read from where the cache stops, and the cache is written again once
/// enough is new. Every answer is the plain reader's: the cache saves time, never changes a
/// number, and the plain reader is used whenever the cache cannot serve.
#include <chrono>
#include <cstdint>
#include <filesystem>

#include "core/journal/log_reader.hpp"

namespace microstep {

class CachedLogReader final : public LogReader {
 public:
  struct Settings {
    std::filesystem::path file;              ///< the cache file (caches.hpp names it)
    std::uint64_t min_log_bytes = 16 << 10;  ///< a smaller log is read whole: as fast as its cache
    /// The cache is written again once a 32nd of the log is new to it, but at least
    /// min_new_bytes and at most max_new_bytes: the lines after it are read by every
    /// command, and writing it costs in proportion to the whole log.
    std::uint64_t min_new_bytes = 16 << 10;
    std::uint64_t max_new_bytes = 1 << 20;
    /// A check of the log against the cache is recorded (log_cache.hpp, write_log_check) when
    /// the log last changed at least this long before it (by the system clock, as the file
    /// system stamps files): a write in the same tick as that change would leave the stamp
    /// as it was. Two seconds cover any file system's timestamp granularity.
    std::chrono::nanoseconds settled_after = std::chrono::seconds{2};
  };

  explicit CachedLogReader(Settings settings) : settings_(std::move(settings)) {}
  LogRead read(const Journal& journal, const LogRequest& request, LogDiagnostics& diagnostics) const override;

 private:
  Settings settings_;
  PlainLogReader plain_;
};

}  // namespace microstep
