#include "core/journal/journal_check.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <system_error>
#include <unordered_map>

#include "core/journal/atomic_file.hpp"
#include "core/base/error.hpp"
#include "core/base/wording.hpp"
#include "core/journal/goal_file.hpp"
#include "core/model/goal_id.hpp"
#include "core/journal/journal.hpp"
#include "core/journal/log_file.hpp"
#include "core/base/parallel.hpp"
#include "core/journal/settings.hpp"
#include "core/base/text_file.hpp"

namespace fs = std::filesystem;

namespace microstep {

namespace {

/// Calls `on_line(text, number)` for each line of `text`, without its newline.
template <typename OnLine>
void for_each_line(std::string_view text, OnLine on_line) {
  size_t number = 1;
  for (size_t start = 0; start < text.size(); ++number) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    on_line(text.substr(start, end - start), number);
    start = end + 1;
  }
}

std::string crlf_problem(size_t lines, const std::string& file) {
  return "line ends in CRLF, accepted but reported (" + count_with_unit(static_cast<long>(lines), "line") +
         " in all; convert with: sed -i 's/\\r$//' " + file + ")";
}

/// Conflict markers (each) and CRLF line endings (the first line, with a count) in a YAML text.
/// Returns whether there were conflict markers: such a text is not worth parsing.
bool scan_text(std::string_view text, const std::string& display_path, std::vector<JournalProblem>& problems) {
  bool markers = false;
  size_t crlf = 0, first_crlf = 0;
  for_each_line(text, [&](std::string_view line, size_t number) {
    if (is_conflict_marker(line)) {
      markers = true;
      problems.push_back({display_path, number,
                          "git conflict marker left by a failed merge; keep the lines you want and "
                          "delete the marker lines"});
    }
    if (line.ends_with('\r') && ++crlf == 1) first_crlf = number;
  });
  if (crlf > 0) problems.push_back({display_path, first_crlf, crlf_problem(crlf, display_path)});
  return markers;
}

/// The line of the top-level `id:` key, or 1.
size_t id_line(std::string_view text) {
  size_t found = 0;
  for_each_line(text, [&](std::string_view line, size_t number) {
    if (!found && line.starts_with("id:")) found = number;
  });
  return found ? found : 1;
}

void sort_by_line(std::vector<JournalProblem>& problems) {
  std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) {
    return a.file != b.file ? a.file < b.file : a.line < b.line;
  });
}


/// The settings file: markers, CRLF, then its own parser.
void check_settings(const Journal& journal, std::vector<JournalProblem>& problems) {
  const std::string display = "microstep.yaml";
  std::string text;
  try {
    text = read_text_file(journal.settings_path(), display);
  } catch (const Failure& failure) {
    problems.push_back(located_problem(failure.what(), display));
    return;
  }
  if (scan_text(text, display, problems)) return;
  try {
    parse_settings_text(text, display);
  } catch (const Failure& failure) {
    problems.push_back(located_problem(failure.what(), display));
  }
}

/// Names of the goal files, sorted: *.yaml in goals/, hidden files (an edit in progress) left out.
std::vector<std::string> goal_file_names(const Journal& journal) {
  std::vector<std::string> names;
  std::error_code ec;
  fs::directory_iterator it(journal.goals_dir(), ec), end;
  if (ec) {
    if (ec == std::errc::no_such_file_or_directory) return names;
    throw io_error("cannot list " + journal.goals_dir().string() + ": " + ec.message());
  }
  for (; it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.starts_with('.') || !name.ends_with(".yaml") || it->is_directory(ec)) continue;
    names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

/// Files interrupted writes left in the journal's directory and in goals/: every command
/// passes them by, `check` reports them. (A copy `edit` opened is passed by here too: the
/// edit may still be open.)
std::vector<JournalProblem> leftover_files(const Journal& journal) {
  std::vector<JournalProblem> problems;
  auto scan = [&](const fs::path& dir, const std::string& prefix) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      const std::string display = prefix + name;
      if (is_atomic_write_temp(name)) {
        // ".ID.yaml.tmp-XXXXXX": the next save of that goal removes it.
        std::string file = name.substr(1, name.size() - std::string_view(".tmp-XXXXXX").size() - 1);
        std::string id = file.ends_with(".yaml") ? file.substr(0, file.size() - 5) : "";
        problems.push_back({display, 1,
                            prefix == "goals/" && is_valid_goal_id(id)
                                ? "a temporary file left by an interrupted write; the next change of goal '" + id +
                                      "' removes it (or remove it yourself)"
                                : "a temporary file left by an interrupted write; remove it"});
      }
    }
  };
  scan(journal.root(), "");
  scan(journal.goals_dir(), "goals/");
  return problems;
}

}  // namespace

std::string format_problem(const JournalProblem& problem) {
  return problem.file + ":" + std::to_string(problem.line) + ": " + problem.problem;
}

JournalProblem located_problem(const std::string& message, const std::string& fallback_file) {
  // "FILE:LINE: PROBLEM": the first ':' followed by digits, ':' and a space.
  for (size_t colon = message.find(':'); colon != std::string::npos; colon = message.find(':', colon + 1)) {
    size_t digits = colon + 1;
    while (digits < message.size() && message[digits] >= '0' && message[digits] <= '9') ++digits;
    if (digits == colon + 1 || message.compare(digits, 2, ": ") != 0) continue;
    size_t line = std::stoul(message.substr(colon + 1, digits - colon - 1));
    return {message.substr(0, colon), line, message.substr(digits + 2)};
  }
  return {fallback_file, 1, message};
}

GoalTextCheck check_goal_text(std::string_view text, const std::string& expected_id,
                              const std::string& display_path) {
  GoalTextCheck result;
  if (scan_text(text, display_path, result.problems)) return result;
  try {
    result.goal = parse_goal_text(text, display_path);
  } catch (const Failure& failure) {
    result.problems.push_back(located_problem(failure.what(), display_path));
    return result;
  }
  const std::string& id = result.goal->id;
  if (id == expected_id) {
    result.accepted = true;
  } else if (is_valid_goal_id(expected_id)) {
    result.problems.push_back({display_path, id_line(text),
                               "id '" + id + "' does not match the file name (expected id: " + expected_id + ")"});
  } else {
    result.problems.push_back({display_path, id_line(text),
                               "the file name is not a goal id; name the file goals/" + id + ".yaml"});
  }
  sort_by_line(result.problems);
  return result;
}

JournalCheck check_journal(const fs::path& root, Day today) {
  const Journal journal = Journal::open(root, Settings{});
  JournalCheck result;
  check_settings(journal, result.problems);

  // Goal files, by name.
  std::vector<JournalProblem> goal_problems;
  std::set<std::string, std::less<>> known;  // ids with a goal file, whether it reads or not
  std::map<std::string, Day, std::less<>> started;  // goals that read well: their first day
  struct Declared {
    std::string file;
    size_t line;
  };
  std::map<std::string, std::vector<Declared>> declared;
  for (const auto& name : goal_file_names(journal)) {
    const std::string stem = name.substr(0, name.size() - 5);
    const std::string display = "goals/" + name;
    if (is_valid_goal_id(stem)) known.insert(stem);
    std::string text;
    try {
      text = journal.read_goal_text(name);
    } catch (const Failure& failure) {
      goal_problems.push_back(located_problem(failure.what(), display));
      continue;
    }
    GoalTextCheck file = check_goal_text(text, stem, display);
    goal_problems.insert(goal_problems.end(), file.problems.begin(), file.problems.end());
    if (file.goal) declared[file.goal->id].push_back({display, id_line(text)});
    if (file.accepted) {
      ++result.goals;
      started.emplace(stem, file.goal->started);
    }
  }
  for (const auto& [id, files] : declared) {
    if (files.size() < 2) continue;
    for (const auto& here : files) {
      std::string others;
      for (const auto& other : files)
        if (other.file != here.file) others += (others.empty() ? "" : ", ") + other.file;
      goal_problems.push_back({here.file, here.line, "id '" + id + "' is also declared in " + others});
    }
  }
  const auto leftovers = leftover_files(journal);
  goal_problems.insert(goal_problems.end(), leftovers.begin(), leftovers.end());
  sort_by_line(goal_problems);
  result.problems.insert(result.problems.end(), goal_problems.begin(), goal_problems.end());

  // The log, every line: nothing is capped here. Each part of the log (one per core) keeps
  // its own findings; part i holds earlier lines than part i + 1, so joining them in part order
  // keeps "the first line that names it" true.
  const std::string log = "checkins.log";
  std::unordered_map<std::string_view, std::optional<Day>> goal_start;  // every known id
  for (const auto& id : known) {
    auto start = started.find(id);
    goal_start.emplace(id, start == started.end() ? std::nullopt : std::optional<Day>(start->second));
  }
  struct Unknown {
    size_t first_line;
    size_t lines;
  };
  struct Part {
    std::vector<JournalProblem> problems;  // line numbers within the part until joined
    std::map<std::string, Unknown, std::less<>> unknown;
    size_t checkins = 0;
  };
  std::vector<Part> parts(worker_count());
  LogDiagnostics diagnostics;
  diagnostics.kept_errors = SIZE_MAX;
  auto first_lines = scan_log_in_parts(
      journal.log_path(), static_cast<unsigned>(parts.size()),
      [&](unsigned part_index, const EventView& event, size_t line) {
        Part& part = parts[part_index];
        ++part.checkins;
        if (event.day > today)
          part.problems.push_back({log, line, "day " + format_day(event.day) + " is in the future (today is " +
                                                  format_day(today) + ")"});
        if (event.kind == EventKind::mood) return;  // a mood names no goal
        auto goal = goal_start.find(event.goal);
        if (goal == goal_start.end()) {
          auto [it, added] = part.unknown.try_emplace(std::string(event.goal), Unknown{line, 0});
          ++it->second.lines;
          return;
        }
        if (goal->second && event.day < *goal->second)
          part.problems.push_back({log, line, "day " + format_day(event.day) + " is before goal '" +
                                                  std::string(event.goal) + "' started (" +
                                                  format_day(*goal->second) + ")"});
      },
      diagnostics);
  std::vector<JournalProblem> log_problems;
  std::map<std::string, Unknown, std::less<>> unknown;
  for (size_t i = 0; i < first_lines.size(); ++i) {  // a small log is one part: the others stay empty
    const size_t offset = first_lines[i] - 1;
    result.checkins += parts[i].checkins;
    for (auto& problem : parts[i].problems) {
      problem.line += offset;
      log_problems.push_back(std::move(problem));
    }
    for (const auto& [id, where] : parts[i].unknown) {
      auto [it, added] = unknown.try_emplace(id, Unknown{where.first_line + offset, 0});
      it->second.lines += where.lines;
    }
  }
  for (const auto& message : diagnostics.errors) log_problems.push_back(located_problem(message, log));
  for (const auto& message : diagnostics.warnings) log_problems.push_back(located_problem(message, log));
  for (const auto& [id, where] : unknown) {
    std::string count = where.lines == 1 ? "" : " (" + std::to_string(where.lines) + " lines name it; this is the first)";
    log_problems.push_back({log, where.first_line, "unknown goal '" + id + "': there is no goals/" + id + ".yaml" + count});
  }
  if (diagnostics.crlf_lines > 0)
    log_problems.push_back({log, diagnostics.first_crlf_line, crlf_problem(diagnostics.crlf_lines, log)});
  sort_by_line(log_problems);
  result.problems.insert(result.problems.end(), log_problems.begin(), log_problems.end());
  return result;
}

}  // namespace microstep
