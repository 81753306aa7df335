#pragma once
/// The journal settings, microstep.yaml.
#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace microstep {

struct Settings {
  /// When the journal day begins: with 04:00, a check-in at 01:30 counts for the day before.
  std::chrono::minutes day_starts_at{0};
  unsigned week_starts = 0;               ///< 0 = Monday ... 6 = Sunday
  std::vector<std::string> celebrations;  ///< empty: the built-in list
  bool git_commit = false;                ///< git: {commit: true}: commit every change
  /// When a goal without its own at: time may be reminded (remind, due --at-time): not at the
  /// crack of dawn (seed 003: reminders "gentle and encouraging, not demanding").
  std::chrono::minutes remind_from{9 * 60};
};

/// Parses microstep.yaml; unknown keys are ignored, bad values are data Failures naming
/// display_path:LINE.
Settings parse_settings_text(std::string_view text, const std::string& display_path);
/// Reads microstep.yaml; a missing file gives the defaults.
Settings load_settings(const std::filesystem::path& path, const std::string& display_path);
/// The commented file `init` writes.
std::string default_settings_text();

}  // namespace microstep
