// Importing harsh's habits and log files. Format followed: harsh 0.11 and later (README "Habits
// File Format" and "Log File Format", internal/storage/config.go and log.go): habit lines split
// on ": ", log lines split on " : " (3 to 5 fields; harsh skips others), frequencies N, Nw and
// K/N, an optional end date after the frequency, '!' headings and '#' comments.
#include "core/interop/import_harsh.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>

#include "core/base/amount.hpp"
#include "core/base/error.hpp"

namespace microstep {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view text, std::string_view separator) {
  std::vector<std::string_view> parts;
  while (true) {
    size_t at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + separator.size());
  }
  return parts;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines = split(text, "\n");
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  for (auto& line : lines)
    if (line.ends_with('\r')) line.remove_suffix(1);
  return lines;
}

std::optional<unsigned> parse_count(std::string_view text) {
  unsigned n = 0;
  if (text.empty()) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return n;
}

/// "14" or "2w" (weeks) as days.
std::optional<unsigned> parse_days(std::string_view text) {
  text = trim(text);
  bool weeks = !text.empty() && (text.back() == 'w' || text.back() == 'W');
  if (weeks) text.remove_suffix(1);
  auto n = parse_count(text);
  if (!n || *n > 100000) return std::nullopt;
  return weeks ? *n * 7 : *n;
}

std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

struct HarshHabit {
  std::string name;
  size_t line = 0;
  MappedSchedule mapped;
  std::string frequency;
  std::optional<Day> ended;
  size_t goal_index = 0;
};

struct LogEntry {
  size_t line = 0;
  Day day;
  std::string habit;
  char result = 'y';
  std::string comment;
  std::string amount_text;
};

}  // namespace

std::optional<MappedSchedule> map_harsh_frequency(std::string_view text) {
  text = trim(text);
  auto parts = split(text, "/");
  if (parts.size() > 2) return std::nullopt;
  if (parts.size() == 1) {
    auto days = parse_days(parts[0]);
    if (!days) return std::nullopt;
    return map_times_in_days(*days == 0 ? 0 : 1, std::max(*days, 1u));
  }
  auto times = parse_count(trim(parts[0]));
  auto days = parse_days(parts[1]);
  if (!times || !days || *days == 0 || *times > *days) return std::nullopt;
  return map_times_in_days(*times, *days);
}

ImportPlan import_harsh_text(std::string_view habits_text, std::string_view log_text, Day today) {
  ImportPlan plan;
  std::vector<HarshHabit> habits;
  std::map<std::string, size_t, std::less<>> by_name;  // habit name -> index in habits

  // ---- habits -------------------------------------------------------------------------------
  auto habit_lines = lines_of(habits_text);
  for (size_t i = 0; i < habit_lines.size(); ++i) {
    size_t number = i + 1;
    std::string where = "habits:" + std::to_string(number) + ": ";
    std::string_view line = habit_lines[i];
    if (trim(line).empty() || line.front() == '#') continue;
    if (line.front() == '!') {
      std::string_view heading = trim(line.substr(1));
      plan.not_carried.push_back(where + "the heading " + in_quotes(heading) +
                                 " is not carried over (microstep does not group goals)");
      continue;
    }
    auto parts = split(line, ": ");
    if (parts.size() < 2) {
      plan.not_carried.push_back(where + in_quotes(trim(line)) +
                                 " is not a habit line (expected 'Habit name: frequency'); "
                                 "harsh skips it too");
      continue;
    }
    std::string name(trim(parts[0]));
    std::string frequency(trim(parts[1]));
    if (name.empty() || frequency.empty()) {
      plan.not_carried.push_back(where + "a habit with an empty name or frequency; harsh skips it too");
      continue;
    }
    auto mapped = map_harsh_frequency(frequency);
    if (!mapped) {
      plan.not_carried.push_back(where + name + ": the frequency " + in_quotes(frequency) +
                                 " is not one harsh accepts (N, Nw or K/N); not imported");
      continue;
    }
    if (by_name.count(name)) {
      plan.not_carried.push_back(where + "a second habit named " + in_quotes(name) +
                                 "; its log entries go to the first one (habits:" +
                                 std::to_string(habits[by_name[name]].line) + ")");
      continue;
    }
    HarshHabit habit{name, number, *mapped, frequency, std::nullopt, 0};
    if (parts.size() >= 3) {
      std::string_view end_text = trim(parts[2]);
      if (auto end = parse_iso_day(end_text)) {
        habit.ended = end;
        plan.not_carried.push_back(where + name + ": the end date " + std::string(end_text) +
                                   " is not kept (microstep has none); the goal is archived instead");
      } else if (!end_text.empty()) {
        plan.not_carried.push_back(where + name + ": " + in_quotes(end_text) +
                                   " after the frequency is not an end date (YYYY-MM-DD); ignored");
      }
    }
    by_name.emplace(name, habits.size());
    habits.push_back(std::move(habit));
  }

  // ---- log ----------------------------------------------------------------------------------
  // harsh keeps one outcome per day and habit, the last line read.
  std::map<std::pair<long, std::string>, LogEntry> kept;
  std::map<std::string, std::pair<size_t, size_t>> unknown;  // name -> (first line, count)
  auto log_lines = lines_of(log_text);
  for (size_t i = 0; i < log_lines.size(); ++i) {
    size_t number = i + 1;
    std::string where = "log:" + std::to_string(number) + ": ";
    std::string_view line = log_lines[i];
    if (trim(line).empty() || line.front() == '#') continue;
    auto fields = split(line, " : ");
    if (fields.size() < 3 || fields.size() > 5) {
      plan.not_carried.push_back(
          where + in_quotes(trim(line)) +
          " is not a harsh log line (expected 'YYYY-MM-DD : Habit : y|n|s[ : comment[ : amount]]'); "
          "harsh skips it too");
      continue;
    }
    auto day = parse_iso_day(trim(fields[0]));
    if (!day) {
      plan.not_carried.push_back(where + in_quotes(trim(fields[0])) + " is not a date; the line is not imported");
      continue;
    }
    std::string habit(trim(fields[1]));
    std::string_view result = trim(fields[2]);
    if (result != "y" && result != "n" && result != "s") {
      plan.not_carried.push_back(where + "the outcome " + in_quotes(result) +
                                 " is not y, n or s; the line is not imported");
      continue;
    }
    if (!by_name.count(habit)) {
      auto& u = unknown[habit];
      if (u.second++ == 0) u.first = number;
      continue;
    }
    LogEntry entry{number, *day, habit, result[0],
                   fields.size() > 3 ? std::string(trim(fields[3])) : std::string(),
                   fields.size() > 4 ? std::string(trim(fields[4])) : std::string()};
    auto key = std::make_pair(day_number(*day), habit);
    if (auto it = kept.find(key); it != kept.end())
      plan.not_carried.push_back("log:" + std::to_string(it->second.line) + ": " + habit + " on " +
                                 format_day(*day) + " is replaced by log:" + std::to_string(number) +
                                 " (harsh keeps the last entry of a day)");
    kept[key] = std::move(entry);
  }
  for (const auto& [name, seen] : unknown)
    plan.not_carried.push_back("log:" + std::to_string(seen.first) + ": " + std::to_string(seen.second) +
                               (seen.second == 1 ? " entry" : " entries") + " for " + in_quotes(name) +
                               ", which is not in habits; not imported");

  // ---- goals --------------------------------------------------------------------------------
  std::map<std::string, Day> first_entry;
  for (const auto& [key, entry] : kept) {
    auto [it, inserted] = first_entry.emplace(entry.habit, entry.day);
    if (!inserted && entry.day < it->second) it->second = entry.day;
  }
  std::set<std::string> taken;
  for (auto& habit : habits) {
    Goal goal;
    goal.id = unique_goal_id(slug_goal_id(habit.name), taken);
    goal.step = habit.name;
    goal.schedule = habit.mapped.schedule;
    goal.schedule_text = to_string(goal.schedule);
    auto first = first_entry.find(habit.name);
    goal.started = first != first_entry.end() ? first->second : today;
    goal.since = goal.started;
    if (habit.ended) goal.status = GoalStatus::archived;
    if (!habit.mapped.exact)
      plan.approximations.push_back("habits:" + std::to_string(habit.line) + ": " + habit.name + ": " +
                                    habit.frequency + " (" + habit.mapped.meaning +
                                    ") has no exact equivalent; mapped to " + goal.schedule_text);
    habit.goal_index = plan.goals.size();
    plan.goals.push_back(std::move(goal));
  }

  // ---- events -------------------------------------------------------------------------------
  for (const auto& [key, entry] : kept) {
    const Goal& goal = plan.goals[habits[by_name.find(entry.habit)->second].goal_index];
    std::string where = "log:" + std::to_string(entry.line) + ": ";
    std::optional<double> amount;
    if (!entry.amount_text.empty()) {
      amount = parse_amount(entry.amount_text);
      if (!amount) {
        char* end = nullptr;
        double value = std::strtod(entry.amount_text.c_str(), &end);
        bool zero = end && *end == '\0' && value == 0;
        if (!zero)
          plan.not_carried.push_back(where + "the amount " + in_quotes(entry.amount_text) + " of " +
                                     entry.habit + " is not " + kAmountRule + "; not kept");
      }
      // harsh writes 0 when no amount was given: 0 means none.
      if (amount && *amount == 0) amount.reset();
    }
    if (entry.result == 'n') {
      if (!entry.comment.empty())
        plan.not_carried.push_back(where + "the comment " + in_quotes(entry.comment) + " on a missed day (n) of " +
                                   entry.habit + " has no check-in to go with");
      if (amount)
        plan.not_carried.push_back(where + "the amount " + entry.amount_text + " on a missed day (n) of " +
                                   entry.habit + " has no check-in to go with");
      continue;
    }
    Event event;
    event.day = entry.day;
    event.written = import_moment(entry.day);
    event.goal = goal.id;
    event.note = entry.comment;
    if (entry.result == 'y') {
      event.kind = EventKind::done;
      event.amount = amount;
    } else {
      event.kind = EventKind::skip;
      if (amount)
        plan.not_carried.push_back(where + "the amount " + entry.amount_text + " on a skipped day (s) of " +
                                   entry.habit + " is not kept (a skip has no amount)");
    }
    plan.events.push_back(std::move(event));
  }
  std::stable_sort(plan.events.begin(), plan.events.end(), [](const Event& a, const Event& b) {
    return std::tie(a.day, a.goal) < std::tie(b.day, b.goal);
  });
  sort_by_place(plan.not_carried);
  sort_by_place(plan.approximations);
  return plan;
}

ImportPlan import_harsh(const std::filesystem::path& dir, Day today) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw usage_error(dir.string() + " is not a directory; give the directory that holds harsh's "
                      "habits and log files (often ~/.config/harsh)");
  if (!std::filesystem::exists(dir / "habits", ec))
    throw usage_error("no habits file in " + dir.string() + " (harsh keeps it in ~/.config/harsh)");
  std::string habits = read_import_file(dir / "habits", "habits");
  std::string log;
  if (std::filesystem::exists(dir / "log", ec)) log = read_import_file(dir / "log", "log");
  return import_harsh_text(habits, log, today);
}

}  // namespace microstep
