/// Fuzzes the log cache reader (LogCacheFile) with whatever bytes a cache file may hold.
///
/// The input is written to a file and opened as a cache. Properties: open() never crashes
/// and, when it accepts a file, its ranges cover its bytes in order; every goal's check-ins
/// and marks either load or are refused, and what loads resolves and answers questions
/// without reading out of bounds; and what was read, written again, reads back the same.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/cache/log_cache.hpp"
#include "fuzz_check.hpp"

using namespace microstep;

namespace {

const std::filesystem::path& work_dir() {
  static const std::filesystem::path dir = [] {
    std::string path = (std::filesystem::temp_directory_path() / "microstep-fuzz-cache-XXXXXX").string();
    if (!::mkdtemp(path.data())) std::abort();
    return std::filesystem::path(path);
  }();
  return dir;
}

/// What a DayMarks says, as text: its done days and their amounts.
std::string summary(const DayMarks& marks) {
  std::string text;
  auto first = marks.first_done(), last = marks.last_done();
  if (!first || !last) return text;
  text = format_day(*first) + ".." + format_day(*last) + " total " + std::to_string(marks.total_amount(*first, *last));
  size_t days = 0;
  marks.for_each_done_day([&](Day) { ++days; });
  return text + " days " + std::to_string(days);
}

#define CHECK_PROPERTY(condition, detail) \
  if (!(condition)) ::microstep::fuzz::fail(__FILE__, __LINE__, #condition, detail)

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  const auto input = work_dir() / "cache";
  fuzz::write_file(input, std::string_view(reinterpret_cast<const char*>(data), size));
  auto cache = LogCacheFile::open(input);
  if (!cache) return 0;

  std::uint64_t covered = 0;
  for (const HashedRange& range : cache->ranges()) {
    CHECK_PROPERTY(range.begin == covered && range.end >= range.begin, "ranges out of order");
    covered = range.end;
  }
  CHECK_PROPERTY(covered == cache->bytes(), "ranges do not cover the bytes");

  // Load everything that loads; resolve it; write it all again and read it back.
  std::vector<CheckinCollector> checkins(cache->goals().size());
  std::vector<std::optional<DayMarks>> marks(cache->goals().size());
  std::vector<std::string> resolved(cache->goals().size());
  LogCacheContent again{cache->bytes(), cache->lines(), cache->ranges(), cache->warnings(), {}};
  for (size_t i = 0; i < cache->goals().size(); ++i) {
    auto loaded = cache->load(i);
    if (!loaded) return 0;  // a damaged section: the reader refuses the cache, as Journal does
    checkins[i] = std::move(*loaded);
    resolved[i] = summary(DayMarks(checkins[i], 1));
    marks[i] = cache->load_marks(i);
    if (marks[i]) (void)summary(*marks[i]);
  }
  for (size_t i = 0; i < checkins.size(); ++i)
    again.goals.push_back({cache->goals()[i].id, cache->goals()[i].first_line, {&checkins[i]},
                           marks[i] ? &*marks[i] : nullptr});
  const auto copy = work_dir() / "copy";
  CHECK_PROPERTY(write_log_cache(copy, again), "a cache read cannot be written again");
  auto reread = LogCacheFile::open(copy);
  CHECK_PROPERTY(reread.has_value(), "a cache written cannot be read back");
  CHECK_PROPERTY(reread->bytes() == cache->bytes() && reread->lines() == cache->lines() &&
                     reread->warnings() == cache->warnings() && reread->goals().size() == cache->goals().size(),
                 "the cache read back differs");
  for (size_t i = 0; i < checkins.size(); ++i) {
    auto loaded = reread->load(i);
    CHECK_PROPERTY(loaded.has_value(), "a section written cannot be read back");
    CHECK_PROPERTY(summary(DayMarks(*loaded, 1)) == resolved[i], "a section read back resolves otherwise");
    CHECK_PROPERTY(reread->goals()[i].id == cache->goals()[i].id, "an id read back differs");
  }
  return 0;
}
