#include "core/model/event.hpp"

#include <array>
#include <charconv>

namespace microstep {

namespace {
constexpr std::array<std::string_view, 6> kNames{"done", "skip", "undo", "pause", "resume", "mood"};
}

std::string_view to_string(EventKind kind) { return kNames.at(static_cast<size_t>(kind)); }

std::optional<EventKind> parse_event_kind(std::string_view text) {
  for (size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == text) return static_cast<EventKind>(i);
  return std::nullopt;
}


}  // namespace microstep
