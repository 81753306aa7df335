#include "core/interop/import_apply.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <tuple>

#include "core/base/amount.hpp"
#include "core/base/wording.hpp"
#include "core/base/error.hpp"
#include "core/base/escape.hpp"
#include "core/journal/goal_file.hpp"
#include "core/model/goal_id.hpp"
#include "core/journal/log_file.hpp"
#include "core/journal/log_line.hpp"
#include "core/base/parallel.hpp"
#include "core/journal/staged_goals.hpp"

namespace microstep {

namespace {

constexpr size_t kMaxIdLength = 64;
constexpr size_t kMaxTextField = 65536;

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string trim_dashes(std::string s) {
  while (!s.empty() && s.back() == '-') s.pop_back();
  size_t start = s.find_first_not_of('-');
  return start == std::string::npos ? "" : s.substr(start);
}

/// The identity of an event for duplicate detection: everything but the moment written.
using EventKey = std::tuple<long, std::string, int, bool, double, std::string, std::string>;

EventKey key_of(const Event& e) {
  return {day_number(e.day), e.goal,       static_cast<int>(e.kind), e.amount.has_value(),
          e.amount.value_or(0), e.note, e.truth};
}

/// The text of the goal's file, once the goal is checked and the text reads back as it.
std::string checked_goal_text(const Goal& goal) {
  std::string display = Journal::goal_display_path(goal.id);
  if (!is_valid_goal_id(goal.id))
    throw data_error("goal id '" + goal.id + "' is not valid: use " + kGoalIdRule);
  for (const std::string* text : {&goal.goal, &goal.step, &goal.after, &goal.feeling, &goal.unit}) {
    if (!is_valid_utf8(*text)) throw data_error(display + ": a text field is not valid UTF-8");
    if (text->size() > kMaxTextField) throw data_error(display + ": a text field is over 64 KiB");
  }
  // The file we would write must read back as the same goal.
  try {
    return checked_new_goal_text(goal);
  } catch (const Failure&) {
    throw data_error(display + ": the imported goal '" + goal.id + "' does not read back as written; not importing it");
  }
}

void validate_event(const Event& e) {
  if (e.kind == EventKind::mood) {
    if (!e.goal.empty() || !e.amount || *e.amount != static_cast<int>(*e.amount) || *e.amount < kMoodLow ||
        *e.amount > kMoodHigh)
      throw data_error("a mood on " + format_day(e.day) + " must name no goal and be a whole number from 1 to 5");
  } else if (!is_valid_goal_id(e.goal))
    throw data_error("a check-in names goal '" + e.goal + "', which is not a valid goal id");
  if (e.amount && (!std::isfinite(*e.amount) || *e.amount < 0 || *e.amount > kMaxAmount))
    throw data_error("a check-in of " + e.goal + " on " + format_day(e.day) + " has amount " +
                     format_amount(*e.amount) + ", which is not " + kAmountRule);
  for (const std::string* text : {&e.note, &e.truth}) {
    if (!is_valid_utf8(*text))
      throw data_error("a note of " + e.goal + " on " + format_day(e.day) + " is not valid UTF-8");
    if (text->size() > kMaxTextField)
      throw data_error("a note of " + e.goal + " on " + format_day(e.day) + " is over 64 KiB");
  }
  // Its line must read back as the event (checked again at the append): refused here, as the
  // import's data, before anything is written.
  try {
    checked_log_line(e);
  } catch (const Failure& failure) {
    throw data_error(failure.what());
  }
}

}  // namespace

MappedSchedule map_times_in_days(unsigned times, unsigned days) {
  MappedSchedule m;
  if (days == 0) days = 1;
  m.meaning = times == 1 ? (days == 1 ? "once a day" : "once in any " + std::to_string(days) + " days")
                         : std::to_string(times) + " times in any " + std::to_string(days) + " days";
  if (times == 0) {
    m.schedule = tracking_schedule();
    m.meaning = "tracking only, never scored";
    return m;
  }
  if (times >= days) return m;  // daily
  if (days <= kMaxRollingDays) {
    m.schedule = rolling_schedule(times, days);
    return m;
  }
  // A window over a year: the same share of a year, at least once.
  m.exact = false;
  auto k = static_cast<unsigned>(std::lround(static_cast<double>(times) * kMaxRollingDays / days));
  k = std::clamp(k, 1u, kMaxRollingDays);
  if (k < kMaxRollingDays) m.schedule = rolling_schedule(k, kMaxRollingDays);
  return m;
}

void sort_by_place(std::vector<std::string>& messages) {
  struct Place {
    size_t file = 0;
    long line = 0;
  };
  std::vector<std::string> files;
  auto place = [&](const std::string& m) {
    Place p;
    size_t colon = m.find(':');
    std::string file = m.substr(0, colon);
    auto it = std::find(files.begin(), files.end(), file);
    p.file = static_cast<size_t>(it - files.begin());
    if (it == files.end()) files.push_back(file);
    if (colon != std::string::npos) {
      long line = 0;
      auto [end, ec] = std::from_chars(m.data() + colon + 1, m.data() + m.size(), line);
      if (ec == std::errc{} && end < m.data() + m.size() && *end == ':') p.line = line;
    }
    return p;
  };
  std::vector<std::pair<Place, std::string>> keyed;
  for (auto& m : messages) {
    Place p = place(m);
    keyed.emplace_back(p, std::move(m));
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.file, a.first.line) < std::tie(b.first.file, b.first.line);
  });
  messages.clear();
  for (auto& [p, m] : keyed) messages.push_back(std::move(m));
}

std::string slug_goal_id(std::string_view name) {
  std::string out;
  bool gap = false;
  for (char c : name) {
    if (is_ascii_alnum(c)) {
      if (gap && !out.empty()) out += '-';
      gap = false;
      out += ascii_lower(c);
    } else if (static_cast<unsigned char>(c) >= 0x80 || c == '\'') {
      // Non-ASCII bytes and apostrophes vanish inside a word: "Café" -> "caf", "Mom's" -> "moms".
    } else {
      gap = true;
    }
  }
  if (out.size() > kMaxIdLength) out = trim_dashes(out.substr(0, kMaxIdLength));
  if (out.empty()) out = "habit";
  return out;
}

std::string unique_goal_id(const std::string& base, std::set<std::string>& taken) {
  if (taken.insert(base).second) return base;
  for (unsigned n = 2;; ++n) {
    std::string suffix = "-" + std::to_string(n);
    std::string stem = base.size() + suffix.size() > kMaxIdLength
                           ? trim_dashes(base.substr(0, kMaxIdLength - suffix.size()))
                           : base;
    std::string candidate = stem + suffix;
    if (taken.insert(candidate).second) return candidate;
  }
}

Moment import_moment(Day day) {
  return Moment{date::sys_seconds{day} + std::chrono::hours{12}, std::chrono::minutes{0}};
}

std::string read_import_file(const std::filesystem::path& path, const std::string& display_path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw usage_error(display_path + " is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw io_error("cannot read " + path.string());
  return read_import_stream(in, display_path);
}

std::string read_import_stream(std::istream& in, const std::string& display_path) {
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw io_error("cannot read " + display_path);
  std::string text = buffer.str();
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  if (!is_valid_utf8(text)) throw data_error(display_path + ": not UTF-8 text");
  return text;
}

std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& display_path) {
  std::vector<CsvRecord> records;
  size_t line = 1, i = 0;
  while (i < text.size()) {
    CsvRecord record;
    record.line = line;
    std::string field;
    bool end_of_record = false;
    while (!end_of_record) {
      field.clear();
      if (i < text.size() && text[i] == '"') {
        size_t quote_line = line;
        ++i;
        while (true) {
          if (i >= text.size())
            throw data_error(display_path + ":" + std::to_string(quote_line) +
                             ": a quoted field is never closed");
          char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              field += '"';
              ++i;
              continue;
            }
            break;
          }
          if (c == '\n') ++line;
          field += c;
        }
        // Anything between the closing quote and the separator is kept, as spreadsheets do.
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') field += text[i++];
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') field += text[i++];
      }
      record.fields.push_back(field);
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      // End of line (LF, CRLF or a lone CR) or end of text.
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      end_of_record = true;
    }
    bool blank = record.fields.size() == 1 && record.fields[0].empty();
    if (!blank) records.push_back(std::move(record));
  }
  return records;
}

std::string csv_field(std::string_view text) {
  bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

ApplyResult apply_import(const Journal& journal, const ImportPlan& plan, bool dry_run,
                         LogDiagnostics& diagnostics) {
  ApplyResult result;
  // 1. Validate everything first.
  // Each goal's file text, checked to read back as the goal: the slow part of a large
  // import, on every core.
  std::vector<std::string> texts(plan.goals.size());
  std::vector<std::exception_ptr> failures(plan.goals.size());
  parallel_for(plan.goals.size(), [&](size_t i) {
    try {
      texts[i] = checked_goal_text(plan.goals[i]);
    } catch (...) {
      failures[i] = std::current_exception();
    }
  });
  for (const auto& failure : failures)  // the first in the plan's order, as one thread would find
    if (failure) std::rethrow_exception(failure);
  std::set<std::string> plan_ids;
  for (const auto& goal : plan.goals)
    if (!plan_ids.insert(goal.id).second)
      throw data_error("the import names goal '" + goal.id + "' twice");
  for (const auto& event : plan.events) validate_event(event);
  // From the reads that decide what is new to the last write: no other change in between.
  std::optional<JournalLock> lock;
  if (!dry_run) lock.emplace(journal.lock());

  // 2. Which goals are new, identical or different.
  std::vector<const Goal*> to_write;
  for (const auto& goal : plan.goals) {
    if (!journal.has_goal(goal.id)) {
      to_write.push_back(&goal);
      result.goals_added.push_back(goal.id);
    } else if (journal.load_goal(goal.id) == goal) {
      result.goals_unchanged.push_back(goal.id);
    } else {
      result.goals_kept.push_back(goal.id);
    }
  }

  // 3. The events the log already holds, as a multiset.
  std::map<EventKey, size_t> present;
  auto existing = journal.read_events({}, Day::min(), Day::max(), diagnostics);
  throw_if_errors(diagnostics);
  for (const auto& e : existing) ++present[key_of(e)];

  std::vector<const Event*> to_append;
  std::map<std::string, size_t> unknown;  // goal id -> check-ins skipped
  std::set<std::string> known = plan_ids;
  for (auto& id : journal.goal_ids()) known.insert(std::move(id));
  for (const auto& event : plan.events) {
    if (event.kind != EventKind::mood && !known.count(event.goal)) {
      ++unknown[event.goal];
      continue;
    }
    auto it = present.find(key_of(event));
    if (it != present.end() && it->second > 0) {
      --it->second;
      ++result.events_present;
      continue;
    }
    to_append.push_back(&event);
  }
  for (const auto& [id, count] : unknown)
    result.skipped.push_back(count_with_unit(static_cast<long>(count), "check-in") +
                             " of goal '" + id +
                             "', which is neither in the import nor in the journal");
  result.events_added = to_append.size();
  if (dry_run) return result;

  // 4. Write, all or nothing: goals first, so that no check-in ever names a goal that has no file.
  if (!to_write.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(journal.goals_dir(), ec);
    if (ec) throw io_error("cannot create " + journal.goals_dir().string() + ": " + ec.message());
  }
  std::vector<NewGoalFile> files(to_write.size());
  for (size_t i = 0; i < to_write.size(); ++i) files[i] = {to_write[i]->id, texts[to_write[i] - plan.goals.data()]};
  std::vector<Event> batch;
  for (const Event* event : to_append) batch.push_back(*event);
  publish_goals(journal.goals_dir(), *lock, files, batch);
  return result;
}

}  // namespace microstep
