#include "core/cache/cache_version.hpp"

#include <algorithm>
#include <cstring>

namespace microstep {

std::string cache_version_bytes() {
  std::string bytes(16, '\0');
  std::memcpy(bytes.data(), MICROSTEP_VERSION, std::min<size_t>(sizeof MICROSTEP_VERSION - 1, 16));
  const std::uint32_t format = kCacheFormat;
  bytes.append(reinterpret_cast<const char*>(&format), sizeof format);
  bytes.append(4, '\0');
  return bytes;
}

}  // namespace microstep
