#include "core/judge/reminders.hpp"

#include "core/model/clock.hpp"
#include "core/base/error.hpp"
#include "core/journal/journal.hpp"

namespace microstep {

std::chrono::minutes reminder_time(const Goal& goal, const Settings& settings) {
  if (goal.at.empty()) return settings.remind_from;
  auto at = parse_time_of_day(goal.at);
  if (!at) throw data_error(Journal::goal_display_path(goal.id) + ": at '" + goal.at + "' is not HH:MM");
  return *at;
}

bool reminder_due(const Goal& goal, const Settings& settings, const Moment& now) {
  return time_of_day_has_come(reminder_time(goal, settings), now, settings.day_starts_at);
}

std::optional<std::filesystem::path> state_home(const char* xdg_state_home, const char* home) {
  if (xdg_state_home && *xdg_state_home == '/') return std::filesystem::path(xdg_state_home);
  if (home && *home == '/') return std::filesystem::path(home) / ".local" / "state";
  return std::nullopt;
}

std::vector<SaidReminder> parse_said(std::string_view text) {
  std::vector<SaidReminder> said;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    size_t tab1 = line.find('\t');
    size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos) continue;
    auto day = parse_iso_day(line.substr(0, tab1));
    auto at = parse_moment(line.substr(tab2 + 1));
    std::string goal(line.substr(tab1 + 1, tab2 - tab1 - 1));
    if (!day || !at || goal.empty()) continue;
    said.push_back({*day, goal, *at});
  }
  return said;
}

std::string render_said(const std::vector<SaidReminder>& said) {
  std::string out;
  for (const auto& s : said) out += format_day(s.day) + "\t" + s.goal + "\t" + format_moment(s.at) + "\n";
  return out;
}

bool may_remind(const std::vector<SaidReminder>& said, const std::string& goal, Day today, const Moment& now,
                std::optional<std::chrono::minutes> again_after) {
  for (const auto& s : said) {
    if (s.goal != goal || s.day != today) continue;
    if (!again_after) return false;
    if (now.utc - s.at.utc < *again_after) return false;
  }
  return true;
}

std::vector<SaidReminder> said_after(const std::vector<SaidReminder>& said, const std::vector<std::string>& now_said,
                                     Day today, const Moment& now) {
  std::vector<SaidReminder> kept;
  for (const auto& s : said)
    if (s.day == today) kept.push_back(s);
  for (const auto& goal : now_said) kept.push_back({today, goal, now});
  return kept;
}

}  // namespace microstep
