#pragma once
/// The version every cache file carries: the program's version (project() in CMakeLists.txt)
/// and the cache formats' own. A cache written by another version of microstep, or in
/// another format, is never used, only written again: a change to how check-ins resolve or
/// to a goal's fields cannot be served from a cache made by other rules.
#include <cstdint>
#include <string>

namespace microstep {

/// The cache formats' version, raised with any change to what a cache file holds.
inline constexpr std::uint32_t kCacheFormat = 5;  // 5: schedules hold K (K in N days)

/// 24 bytes: the program version, zero-padded to 16, then kCacheFormat, then 4 zero bytes
/// (so that a header that holds them has no padding: every byte of it is checked).
std::string cache_version_bytes();

}  // namespace microstep
