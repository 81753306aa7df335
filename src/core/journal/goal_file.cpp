#include "core/journal/goal_file.hpp"

#include <functional>
#include <optional>
#include <vector>

#include "core/base/amount.hpp"
#include "core/journal/atomic_file.hpp"
#include "core/model/clock.hpp"
#include "core/base/error.hpp"
#include "core/model/event.hpp"
#include "core/model/goal_id.hpp"
#include "core/journal/yaml_text.hpp"

namespace microstep {

namespace {

// ---- reading ----------------------------------------------------------------------------

struct Reader {
  const std::string& path;

  [[noreturn]] void fail(const YAML::Node& node, const std::string& what) const {
    throw data_error(yaml_where(path, node) + what);
  }
  std::string text(const YAML::Node& map, const char* key) const {
    const YAML::Node n = map[key];
    if (!n || n.IsNull()) return "";
    if (!n.IsScalar()) fail(n, std::string(key) + " must be a text");
    return n.Scalar();
  }
  std::optional<Day> day(const YAML::Node& map, const char* key) const {
    const YAML::Node n = map[key];
    if (!n || n.IsNull()) return std::nullopt;
    auto d = n.IsScalar() ? parse_iso_day(n.Scalar()) : std::nullopt;
    if (!d) fail(n, std::string(key) + " must be a date (YYYY-MM-DD)");
    return d;
  }
  std::optional<double> number(const YAML::Node& map, const char* key) const {
    const YAML::Node n = map[key];
    if (!n || n.IsNull()) return std::nullopt;
    auto v = n.IsScalar() ? parse_amount(n.Scalar()) : std::nullopt;
    if (!v) fail(n, std::string(key) + " must be " + kAmountRule);
    return v;
  }
  Schedule schedule(const YAML::Node& map, std::string& text_out) const {
    const YAML::Node n = map["schedule"];
    text_out = text(map, "schedule");
    if (text_out.empty()) text_out = "daily";
    auto s = parse_schedule(text_out);
    if (!s) fail(n ? n : map, "schedule '" + text_out + "' is not valid; use " + kScheduleRule);
    return *s;
  }
};

// ---- writing ----------------------------------------------------------------------------

std::string number_text(const std::optional<double>& v) { return v ? format_amount(*v) : ""; }

/// The scalar fields of a goal in file order, with their values as written.
std::vector<std::pair<std::string, std::string>> scalar_fields(const Goal& g) {
  return {{"id", g.id},
          {"goal", yaml_scalar(g.goal)},
          {"step", yaml_scalar(g.step)},
          {"after", yaml_scalar(g.after)},
          {"schedule", yaml_scalar(g.schedule_text)},
          {"started", format_day(g.started)},
          {"since", format_day(g.since)},
          {"status", std::string(to_string(g.status))},
          {"feeling", yaml_scalar(g.feeling)},
          {"unit", yaml_scalar(g.unit)},
          {"minimum", number_text(g.minimum)},
          {"minutes", number_text(g.minutes)},
          {"at", yaml_scalar(g.at)}};
}

/// Fields left out of a new file while empty (or, for since, equal to started).
bool omitted_when_new(const Goal& g, const std::string& key, const std::string& value) {
  if (key == "since") return g.since == g.started;
  if (key == "id" || key == "step" || key == "started" || key == "status") return false;
  if (key == "goal" || key == "after" || key == "schedule") return false;
  return value.empty() || value == "\"\"";
}

std::string history_entry(const StepVersion& v) {
  std::string out = "  - from: " + format_day(v.from) + "\n";
  out += "    step: " + yaml_scalar(v.step) + "\n";
  out += "    schedule: " + yaml_scalar(v.schedule_text) + "\n";
  if (v.minimum) out += "    minimum: " + format_amount(*v.minimum) + "\n";
  if (!v.after.empty()) out += "    after: " + yaml_scalar(v.after) + "\n";
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

/// The top-level key on a line ("step" for "step: x"), or empty.
std::string top_level_key(const std::string& line) {
  size_t colon = line.find(':');
  if (colon == std::string::npos || colon == 0) return "";
  for (size_t i = 0; i < colon; ++i) {
    char c = line[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return "";
  }
  if (colon + 1 < line.size() && line[colon + 1] != ' ') return "";
  return line.substr(0, colon);
}

/// Where a line's value ends and its trailing comment begins (outside quotes).
size_t comment_start(const std::string& line, size_t from) {
  char quote = 0;
  for (size_t i = from; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == '\\' && quote == '"') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' && i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return i;
    }
  }
  return std::string::npos;
}

[[noreturn]] void refuse(const std::string& display_path, const std::string& key) {
  throw usage_error(display_path + ": cannot rewrite '" + key +
                    "' safely (written by hand as a block, flow or repeated value); edit the "
                    "file yourself or with `microstep edit`");
}

}  // namespace

Goal parse_goal_text(std::string_view text, const std::string& display_path) {
  YAML::Node root = load_yaml_mapping(text, display_path, "goal fields such as id:, step:, started:");
  Reader r{display_path};
  Goal goal;
  goal.id = r.text(root, "id");
  if (goal.id.empty()) r.fail(root, "missing id:");
  if (!is_valid_goal_id(goal.id)) r.fail(root["id"], "id '" + goal.id + "' is not valid: use " + kGoalIdRule);
  goal.step = r.text(root, "step");
  if (goal.step.empty()) r.fail(root, "missing step: (the micro-step)");
  goal.goal = r.text(root, "goal");
  goal.after = r.text(root, "after");
  goal.schedule = r.schedule(root, goal.schedule_text);
  auto started = r.day(root, "started");
  if (!started) r.fail(root, "missing started: (the first day, YYYY-MM-DD)");
  goal.started = *started;
  goal.since = r.day(root, "since").value_or(goal.started);
  if (goal.since < goal.started) r.fail(root["since"], "since must not be before started");
  std::string status = r.text(root, "status");
  if (!status.empty()) {
    auto parsed = parse_goal_status(status);
    if (!parsed) r.fail(root["status"], "status '" + status + "' is not active, paused, done or archived");
    goal.status = *parsed;
  }
  goal.feeling = r.text(root, "feeling");
  goal.unit = r.text(root, "unit");
  goal.minimum = r.number(root, "minimum");
  goal.minutes = r.number(root, "minutes");
  goal.at = r.text(root, "at");
  if (!goal.at.empty() && !parse_time_of_day(goal.at))
    r.fail(root["at"], "at must be a time of day such as 07:30");

  if (const YAML::Node history = root["history"]; history && !history.IsNull()) {
    if (!history.IsSequence()) r.fail(history, "history must be a list of earlier versions");
    Day previous = Day::min();
    for (const auto& entry : history) {
      if (!entry.IsMap()) r.fail(entry, "each history entry must be a mapping with from:, step:, schedule:");
      StepVersion v;
      auto from = r.day(entry, "from");
      if (!from) r.fail(entry, "a history entry needs from: (the day it took effect)");
      v.from = *from;
      if (v.from < previous || v.from >= goal.since)
        r.fail(entry, "history entries must be in order and before since: " + format_day(goal.since));
      previous = v.from;
      v.step = r.text(entry, "step");
      v.schedule = r.schedule(entry, v.schedule_text);
      v.minimum = r.number(entry, "minimum");
      v.after = r.text(entry, "after");
      goal.history.push_back(std::move(v));
    }
  }
  return goal;
}

std::string render_new_goal(const Goal& goal) {
  std::string out;
  for (const auto& [key, value] : scalar_fields(goal))
    if (!omitted_when_new(goal, key, value)) out += key + ": " + value + "\n";
  if (!goal.history.empty()) {
    out += "history:\n";
    for (const auto& v : goal.history) out += history_entry(v);
  }
  return out;
}

std::string checked_new_goal_text(const Goal& goal) {
  std::string text = render_new_goal(goal);
  const std::string display = "goals/" + goal.id + ".yaml";
  std::optional<Goal> back;
  try {
    back = parse_goal_text(text, display);
  } catch (const Failure&) {
  }
  if (!back || !(*back == goal))
    throw usage_error("cannot write " + display + ": the goal would not read back as given; nothing written");
  return text;
}

std::string rewrite_goal_text(std::string_view old_text, const Goal& old_goal, const Goal& new_goal,
                              const std::string& display_path) {
  std::vector<std::string> lines = split_lines(old_text);
  auto find_key = [&](const std::string& key) -> std::optional<size_t> {
    std::optional<size_t> found;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (top_level_key(lines[i]) != key) continue;
      if (found) refuse(display_path, key);
      found = i;
    }
    return found;
  };
  auto old_fields = scalar_fields(old_goal);
  auto new_fields = scalar_fields(new_goal);
  std::vector<std::string> appended;
  for (size_t f = 0; f < new_fields.size(); ++f) {
    const auto& [key, value] = new_fields[f];
    if (value == old_fields[f].second) continue;
    auto at = find_key(key);
    if (!at) {
      appended.push_back(key + ": " + value);
      continue;
    }
    std::string& line = lines[*at];
    size_t value_start = line.find(':') + 1;
    size_t comment = comment_start(line, value_start);
    std::string old_value = line.substr(value_start, comment == std::string::npos ? std::string::npos : comment - value_start);
    std::string trimmed = old_value.substr(std::min(old_value.find_first_not_of(' '), old_value.size()));
    // Block scalars, flow values and plain scalars continued on the next line cannot be edited.
    bool continued = *at + 1 < lines.size() && !lines[*at + 1].empty() &&
                     (lines[*at + 1][0] == ' ' || lines[*at + 1][0] == '\t');
    if (trimmed.empty() || trimmed[0] == '|' || trimmed[0] == '>' || trimmed[0] == '[' ||
        trimmed[0] == '{' || continued)
      refuse(display_path, key);
    std::string rest = comment == std::string::npos ? "" : "  " + line.substr(comment);
    line = line.substr(0, value_start) + " " + value + rest;
  }

  // History grows only at its end: earlier entries must be as they were.
  size_t kept = old_goal.history.size();
  if (new_goal.history.size() < kept ||
      !std::equal(old_goal.history.begin(), old_goal.history.end(), new_goal.history.begin()))
    refuse(display_path, "history");
  std::string new_entries;
  for (size_t i = kept; i < new_goal.history.size(); ++i) new_entries += history_entry(new_goal.history[i]);

  auto history_line = find_key("history");
  std::string out;
  size_t insert_fields_at = history_line ? *history_line : lines.size();
  size_t history_end = lines.size();
  if (history_line) {
    const std::string& line = lines[*history_line];
    std::string after_colon = line.substr(line.find(':') + 1);
    size_t c = comment_start(line, line.find(':') + 1);
    if (c != std::string::npos) after_colon = line.substr(line.find(':') + 1, c - line.find(':') - 1);
    if (after_colon.find_first_not_of(' ') != std::string::npos && !new_entries.empty())
      refuse(display_path, "history");
    // The block runs until the next top-level line that is not a comment.
    history_end = *history_line + 1;
    for (size_t i = *history_line + 1; i < lines.size(); ++i) {
      if (!lines[i].empty() && lines[i][0] != ' ' && lines[i][0] != '-' && lines[i][0] != '#') break;
      if (!lines[i].empty() && lines[i][0] != '#') history_end = i + 1;
    }
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i == insert_fields_at)
      for (const auto& field : appended) out += field + "\n";
    out += lines[i] + "\n";
    if (history_line && i + 1 == history_end) out += new_entries;
  }
  if (insert_fields_at == lines.size())
    for (const auto& field : appended) out += field + "\n";
  if (!history_line && !new_entries.empty()) out += "history:\n" + new_entries;

  // The edited text must read back as the new goal. When it does not even parse (yaml-cpp
  // takes a last line without a colon for a key, and a field appended after it breaks the
  // mapping), refuse: its data error would name a line of a text that was never written.
  std::optional<Goal> check;
  try {
    check = parse_goal_text(out, display_path);
  } catch (const Failure&) {
  }
  if (!check || !(*check == new_goal)) refuse(display_path, "the goal");
  return out;
}

void save_goal_file(const std::filesystem::path& path, std::string_view text) {
  write_file_atomically(path, text);
  remove_interrupted_writes(path);
}

}  // namespace microstep
