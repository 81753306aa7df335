#include "core/journal/settings.hpp"

#include <cctype>
#include <system_error>

#include "core/model/clock.hpp"
#include "core/model/day.hpp"
#include "core/base/error.hpp"
#include "core/base/text_file.hpp"
#include "core/journal/yaml_text.hpp"

namespace microstep {

namespace {

std::string lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

Settings parse_settings_text(std::string_view text, const std::string& display_path) {
  Settings settings;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return settings;
  YAML::Node root = load_yaml_mapping(text, display_path, "settings such as day_starts_at: and week_starts:");
  if (const YAML::Node n = root["day_starts_at"]) {
    auto time = n.IsScalar() ? parse_time_of_day(n.Scalar()) : std::nullopt;
    if (!time)
      throw data_error(yaml_where(display_path, n) + "day_starts_at must be a time of day such as \"04:00\"");
    settings.day_starts_at = *time;
  }
  if (const YAML::Node n = root["remind_from"]) {
    auto time = n.IsScalar() ? parse_time_of_day(n.Scalar()) : std::nullopt;
    if (!time)
      throw data_error(yaml_where(display_path, n) + "remind_from must be a time of day such as \"09:00\"");
    settings.remind_from = *time;
  }
  if (const YAML::Node n = root["week_starts"]) {
    auto day = n.IsScalar() ? parse_weekday_name(n.Scalar()) : std::nullopt;
    if (!day)
      throw data_error(yaml_where(display_path, n) + "week_starts must be a weekday such as monday or sunday");
    settings.week_starts = *day;
  }
  if (const YAML::Node n = root["celebrations"]) {
    if (!n.IsSequence())
      throw data_error(yaml_where(display_path, n) + "celebrations must be a list of texts");
    for (const auto& item : n) {
      if (!item.IsScalar() || item.Scalar().empty())
        throw data_error(yaml_where(display_path, item) + "each celebration must be a text");
      settings.celebrations.push_back(item.Scalar());
    }
  }
  if (const YAML::Node git = root["git"]) {
    const YAML::Node commit = git.IsMap() ? git["commit"] : YAML::Node();
    if (!git.IsMap() || (commit && !commit.IsScalar()))
      throw data_error(yaml_where(display_path, git) + "git must be a mapping such as {commit: true}");
    if (commit) {
      std::string value = lowercase(commit.Scalar());
      if (value != "true" && value != "false")
        throw data_error(yaml_where(display_path, commit) + "git.commit must be true or false");
      settings.git_commit = value == "true";
    }
  }
  return settings;
}

Settings load_settings(const std::filesystem::path& path, const std::string& display_path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  // Not waited on when a FIFO or a device stands in its place: refused (read_text_file).
  return parse_settings_text(read_text_file(path, display_path), display_path);
}

std::string default_settings_text() {
  return "# microstep journal settings (see microstep(5))\n"
         "\n"
         "# When a day begins: with \"04:00\", a check-in at 01:30 counts for the day before.\n"
         "day_starts_at: \"00:00\"\n"
         "# The first day of a week, for N/week goals, calendars and the weekly review.\n"
         "week_starts: monday\n"
         "\n"
         "# Reminders for goals without their own at: time start at this time of day.\n"
         "remind_from: \"09:00\"\n"
         "\n"
         "# Your own celebrations after a done (default: a built-in list).\n"
         "# celebrations:\n"
         "#   - \"Yes!\"\n"
         "#   - \"That's how it's done.\"\n"
         "\n"
         "# Commit every change to git (the journal must be in a git repository).\n"
         "git:\n"
         "  commit: false\n";
}

}  // namespace microstep
