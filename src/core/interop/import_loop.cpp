// Importing Loop Habit Tracker's CSV export. Formats followed: Loop 2.x (HabitsCSVExporter.kt,
// HabitList.writeCSV with Type/FrequencyNumerator/.../Archived? columns, per-habit
// Checkmarks.csv "Date,Value,Notes" with symbolic values) and Loop 1.x (HabitList.writeCSV with
// NumRepetitions/Interval, numeric check-mark values). See import_loop.hpp.
#include "core/interop/import_loop.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <tuple>

#include "core/base/amount.hpp"
#include "core/base/error.hpp"

namespace fs = std::filesystem;

namespace microstep {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

std::optional<long> parse_long(std::string_view text) {
  text = trim(text);
  long n = 0;
  if (text.empty()) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return n;
}

std::optional<double> parse_decimal(std::string_view text) {
  std::string s(trim(text));
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (!end || *end != '\0' || !std::isfinite(v)) return std::nullopt;
  return v;
}

/// Column positions by header name.
class Columns {
 public:
  explicit Columns(const std::vector<std::string>& header) {
    for (size_t i = 0; i < header.size(); ++i) names_.emplace_back(trim(header[i]), i);
  }
  std::optional<size_t> find(std::string_view name) const {
    for (const auto& [n, i] : names_)
      if (n == name) return i;
    return std::nullopt;
  }
  static std::string get(const std::vector<std::string>& row, std::optional<size_t> column) {
    return column && *column < row.size() ? row[*column] : std::string();
  }

 private:
  std::vector<std::pair<std::string, size_t>> names_;
};

struct Mark {
  enum Kind { none, done, skip, bad } kind = none;
  std::optional<double> amount;
  /// "NO" (2.x): a day the person marked as not done. Loop 1.x's numeric 0 also stood for
  /// days without data, so it does not count.
  bool explicit_no = false;
};

/// One check-mark value, symbolic (2.x) or numeric (1.x).
Mark interpret(std::string_view text, bool numerical) {
  text = trim(text);
  Mark m;
  long raw = 0;
  if (text == "YES_MANUAL") raw = 2;
  else if (text == "YES_AUTO") raw = 1;
  else if (text == "NO") raw = 0;
  else if (text == "UNKNOWN" || text.empty()) raw = -1;
  else if (text == "SKIP") {
    m.kind = Mark::skip;
    return m;
  } else if (auto n = parse_long(text)) {
    raw = *n;
  } else {
    m.kind = Mark::bad;
    return m;
  }
  if (numerical) {
    if (raw > 0) {
      m.kind = Mark::done;
      m.amount = static_cast<double>(raw) / 1000.0;
    } else if (raw == -3) {
      m.kind = Mark::skip;
    } else {
      m.explicit_no = text == "NO";
    }
    return m;
  }
  switch (raw) {
    case 2: m.kind = Mark::done; break;
    case 3:
    case -3: m.kind = Mark::skip; break;
    case 0: m.explicit_no = text == "NO"; break;
    case 1:
    case -1: break;
    default: m.kind = Mark::bad;
  }
  return m;
}

struct LoopHabit {
  size_t line = 0;
  std::string position, name, question, description, unit, target_type, frequency_text;
  bool numerical = false;
  bool archived = false;
  std::optional<double> target;
  unsigned numerator = 1, denominator = 1;
};

struct DayMark {
  Day day;
  Mark mark;
  std::string note;
  std::string where;  ///< "FILE:LINE: "
};

std::string period_name(unsigned denominator) {
  if (denominator == 1) return "daily";
  if (denominator == 7) return "weekly";
  if (denominator == 30 || denominator == 31) return "monthly";
  return std::to_string(denominator) + "-day";
}

/// Reads one habit's Checkmarks.csv (2.x with a header, 1.x perhaps without).
std::vector<DayMark> read_habit_checkmarks(std::string_view text, const std::string& display,
                                           const LoopHabit& habit, ImportPlan& plan) {
  std::vector<DayMark> marks;
  auto records = parse_csv(text, display);
  size_t first = 0;
  std::optional<size_t> date_col = 0, value_col = 1, notes_col = 2;
  if (!records.empty() && !records[0].fields.empty() && trim(records[0].fields[0]) == "Date") {
    Columns columns(records[0].fields);
    date_col = columns.find("Date");
    value_col = columns.find("Value");
    notes_col = columns.find("Notes");
    if (!value_col)
      throw data_error(display + ":1: no Value column; not a Loop Habit Tracker check-marks file");
    first = 1;
  }
  for (size_t r = first; r < records.size(); ++r) {
    const auto& row = records[r].fields;
    std::string where = display + ":" + std::to_string(records[r].line) + ": ";
    std::string date_text = Columns::get(row, date_col);
    auto day = parse_iso_day(trim(date_text));
    if (!day) {
      plan.not_carried.push_back(where + in_quotes(date_text) + " is not a date (YYYY-MM-DD); the row is not imported");
      continue;
    }
    std::string value = Columns::get(row, value_col);
    Mark mark = interpret(value, habit.numerical);
    if (mark.kind == Mark::bad) {
      plan.not_carried.push_back(where + "the value " + in_quotes(value) + " of " + habit.name + " on " +
                                 format_day(*day) + " is not a Loop check-mark; not imported");
      continue;
    }
    marks.push_back({*day, mark, std::string(trim(Columns::get(row, notes_col))), where});
  }
  return marks;
}

/// The columns of the combined Checkmarks.csv, by habit name.
struct CombinedCheckmarks {
  std::vector<CsvRecord> records;
  std::map<std::string, size_t, std::less<>> column_of;
};

CombinedCheckmarks read_combined(std::string_view text) {
  CombinedCheckmarks combined;
  combined.records = parse_csv(text, "Checkmarks.csv");
  if (combined.records.empty()) return combined;
  const auto& header = combined.records[0].fields;
  if (header.empty() || trim(header[0]) != "Date")
    throw data_error("Checkmarks.csv:1: the first column is not Date; not a Loop Habit Tracker export");
  for (size_t i = 1; i < header.size(); ++i)
    if (!header[i].empty()) combined.column_of.emplace(header[i], i);
  return combined;
}

std::vector<DayMark> read_combined_column(const CombinedCheckmarks& combined, size_t column,
                                          const LoopHabit& habit, ImportPlan& plan) {
  std::vector<DayMark> marks;
  for (size_t r = 1; r < combined.records.size(); ++r) {
    const auto& rec = combined.records[r];
    std::string where = "Checkmarks.csv:" + std::to_string(rec.line) + ": ";
    auto day = parse_iso_day(trim(Columns::get(rec.fields, 0)));
    if (!day) {
      plan.not_carried.push_back(where + in_quotes(Columns::get(rec.fields, 0)) +
                                 " is not a date (YYYY-MM-DD); the row is not imported");
      continue;
    }
    std::string value = Columns::get(rec.fields, column);
    Mark mark = interpret(value, habit.numerical);
    if (mark.kind == Mark::bad) {
      plan.not_carried.push_back(where + "the value " + in_quotes(value) + " of " + habit.name + " on " +
                                 format_day(*day) + " is not a Loop check-mark; not imported");
      continue;
    }
    marks.push_back({*day, mark, "", where});
  }
  return marks;
}

}  // namespace

std::string loop_habit_folder(unsigned position, std::string_view name) {
  std::string kept;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' ||
              c == '.' || c == '_' || c == '-';
    if (ok) kept += c;
  }
  if (kept.size() > 100) kept.resize(100);
  char number[16];
  std::snprintf(number, sizeof number, "%03u", position);
  std::string folder = std::string(number) + " " + kept;
  return std::string(trim(folder));
}

ImportPlan import_loop_files(const LoopFiles& files, Day today) {
  ImportPlan plan;
  auto records = parse_csv(files.habits, "Habits.csv");
  if (records.empty()) throw data_error("Habits.csv:1: empty; not a Loop Habit Tracker export");
  Columns columns(records[0].fields);
  auto c_position = columns.find("Position"), c_name = columns.find("Name"), c_type = columns.find("Type"),
       c_question = columns.find("Question"), c_description = columns.find("Description"),
       c_color = columns.find("Color"), c_unit = columns.find("Unit"),
       c_target_type = columns.find("Target Type"), c_target = columns.find("Target Value"),
       c_archived = columns.find("Archived?");
  auto c_numerator = columns.find("FrequencyNumerator");
  auto c_denominator = columns.find("FrequencyDenominator");
  if (!c_numerator) c_numerator = columns.find("NumRepetitions");  // Loop 1.x
  if (!c_denominator) c_denominator = columns.find("Interval");
  if (!c_name || !c_numerator || !c_denominator)
    throw data_error("Habits.csv:1: no Name and frequency columns (FrequencyNumerator and "
                     "FrequencyDenominator, or NumRepetitions and Interval); not a Loop Habit "
                     "Tracker export");

  std::vector<LoopHabit> habits;
  bool colors = false;
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& row = records[r].fields;
    std::string where = "Habits.csv:" + std::to_string(records[r].line) + ": ";
    LoopHabit h;
    h.line = records[r].line;
    h.position = std::string(trim(Columns::get(row, c_position)));
    h.name = std::string(trim(Columns::get(row, c_name)));
    h.question = std::string(trim(Columns::get(row, c_question)));
    h.description = std::string(trim(Columns::get(row, c_description)));
    h.numerical = trim(Columns::get(row, c_type)) == "NUMERICAL";
    h.unit = std::string(trim(Columns::get(row, c_unit)));
    h.target_type = std::string(trim(Columns::get(row, c_target_type)));
    h.target = parse_decimal(Columns::get(row, c_target));
    h.archived = trim(Columns::get(row, c_archived)) == "true";
    if (!trim(Columns::get(row, c_color)).empty()) colors = true;
    if (h.name.empty()) {
      plan.not_carried.push_back(where + "a habit without a name; not imported");
      continue;
    }
    auto num = parse_long(Columns::get(row, c_numerator));
    auto den = parse_long(Columns::get(row, c_denominator));
    if (!num || !den || *num < 1 || *den < 1 || *num > 10000 || *den > 10000) {
      plan.not_carried.push_back(where + h.name + ": the frequency " + in_quotes(Columns::get(row, c_numerator)) +
                                 "/" + in_quotes(Columns::get(row, c_denominator)) +
                                 " is not two positive whole numbers; not imported");
      continue;
    }
    h.numerator = static_cast<unsigned>(*num);
    h.denominator = static_cast<unsigned>(*den);
    h.frequency_text = std::to_string(h.numerator) + "/" + std::to_string(h.denominator);
    habits.push_back(std::move(h));
  }
  if (colors) plan.not_carried.push_back("Habits.csv: habit colors are not carried over (microstep has none)");

  std::optional<CombinedCheckmarks> combined;
  if (files.checkmarks) combined = read_combined(*files.checkmarks);

  std::set<std::string> taken;
  for (const auto& h : habits) {
    std::string where = "Habits.csv:" + std::to_string(h.line) + ": ";
    Goal goal;
    goal.id = unique_goal_id(slug_goal_id(h.name), taken);
    goal.step = h.name;
    goal.goal = h.description;
    MappedSchedule mapped = map_times_in_days(h.numerator, h.denominator);
    // Loop's "times per month" (K/30, K/31) rolls over windows as long as the month they
    // start in (EntryList.buildIntervals): 28 to 31 days, which no fixed N is.
    if ((h.denominator == 30 || h.denominator == 31) && h.numerator < h.denominator) {
      mapped.exact = false;
      mapped.meaning = (h.numerator == 1 ? std::string("once") : std::to_string(h.numerator) + " times") +
                       " a month: Loop's windows last the month they start in, 28 to 31 days";
    }
    goal.schedule = mapped.schedule;
    goal.schedule_text = to_string(goal.schedule);
    if (h.archived) goal.status = GoalStatus::archived;
    if (!mapped.exact)
      plan.approximations.push_back(where + h.name + ": " + h.frequency_text + " (" + mapped.meaning +
                                    ") has no exact equivalent; mapped to " + goal.schedule_text);
    if (!h.question.empty())
      plan.not_carried.push_back(where + h.name + ": the question " + in_quotes(h.question) +
                                 " is not carried over (a goal file has no place for it)");
    if (h.numerical) {
      goal.unit = h.unit;
      if (h.target && *h.target > 0 && h.target_type != "AT_MOST") {
        std::string target = format_amount(*h.target) + (h.unit.empty() ? "" : " " + h.unit);
        if (h.denominator == 1 && *h.target <= kMaxAmount) {
          goal.minimum = parse_amount(format_amount(*h.target));
        } else {
          plan.approximations.push_back(where + h.name + ": the " + period_name(h.denominator) +
                                        " total target of " + target +
                                        " is not kept (microstep counts days, not totals)");
        }
      } else if (h.target && h.target_type == "AT_MOST") {
        plan.not_carried.push_back(where + h.name + ": the upper limit (at most " + format_amount(*h.target) +
                                   (h.unit.empty() ? "" : " " + h.unit) + ") has no equivalent; not kept");
      }
    }

    // The check-marks: the habit's own folder, else its column in the combined file.
    std::vector<DayMark> marks;
    bool found = false;
    auto position = parse_long(h.position);
    std::string folder = position && *position > 0 ? loop_habit_folder(static_cast<unsigned>(*position), h.name) : "";
    auto it = files.habit_checkmarks.find(folder);
    if (it == files.habit_checkmarks.end() && !h.position.empty())
      it = std::find_if(files.habit_checkmarks.begin(), files.habit_checkmarks.end(), [&](const auto& entry) {
        return entry.first == h.position || entry.first.starts_with(h.position + " ");
      });
    if (it != files.habit_checkmarks.end()) {
      marks = read_habit_checkmarks(it->second, it->first + "/Checkmarks.csv", h, plan);
      found = true;
    } else if (combined) {
      if (auto col = combined->column_of.find(h.name); col != combined->column_of.end()) {
        marks = read_combined_column(*combined, col->second, h, plan);
        found = true;
      }
    }
    if (!found)
      plan.not_carried.push_back(where + h.name + ": no check-marks found (no '" + folder +
                                 "/Checkmarks.csv' and no column in Checkmarks.csv); the goal is "
                                 "imported without history");

    std::sort(marks.begin(), marks.end(), [](const DayMark& a, const DayMark& b) { return a.day < b.day; });
    std::optional<Day> first_checked, first_known;
    size_t below_target = 0;
    for (const auto& m : marks) {
      bool checked = m.mark.kind == Mark::done || m.mark.kind == Mark::skip;
      if (checked && !first_checked) first_checked = m.day;
      if ((checked || m.mark.explicit_no) && !first_known) first_known = m.day;
      if (!checked) {
        if (!m.note.empty())
          plan.not_carried.push_back(m.where + "the note " + in_quotes(m.note) + " of " + h.name + " on " +
                                     format_day(m.day) + " has no check-in to go with");
        continue;
      }
      Event e;
      e.day = m.day;
      e.written = import_moment(m.day);
      e.kind = m.mark.kind == Mark::done ? EventKind::done : EventKind::skip;
      e.goal = goal.id;
      e.note = m.note;
      if (e.kind == EventKind::done && m.mark.amount) {
        if (*m.mark.amount > kMaxAmount) {
          plan.not_carried.push_back(m.where + "the amount of " + h.name + " on " + format_day(m.day) +
                                     " is over " + format_amount(kMaxAmount) + "; not kept");
        } else {
          e.amount = m.mark.amount;
          if (goal.minimum && *e.amount < *goal.minimum) ++below_target;
        }
      }
      plan.events.push_back(std::move(e));
    }
    if (below_target > 0)
      plan.approximations.push_back(where + h.name + ": " + std::to_string(below_target) +
                                    (below_target == 1 ? " day" : " days") + " below the daily target of " +
                                    format_amount(*goal.minimum) +
                                    " counted as not done in Loop; in microstep every logged amount counts");
    goal.started = first_checked.value_or(first_known.value_or(today));
    if (first_known && *first_known < goal.started) goal.started = *first_known;
    goal.since = goal.started;
    plan.goals.push_back(std::move(goal));
  }
  std::stable_sort(plan.events.begin(), plan.events.end(), [](const Event& a, const Event& b) {
    return std::tie(a.day, a.goal) < std::tie(b.day, b.goal);
  });
  sort_by_place(plan.not_carried);
  sort_by_place(plan.approximations);
  return plan;
}

ImportPlan import_loop(const fs::path& path, Day today) {
  std::error_code ec;
  fs::path dir = path;
  if (!fs::is_directory(path, ec)) {
    if (!fs::exists(path, ec)) throw usage_error("no such file or directory: " + path.string());
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".zip")
      throw usage_error(path.string() + " is a zip archive; unzip it first and import the directory "
                                        "(or its Habits.csv)");
    dir = path.parent_path();
    if (dir.empty()) dir = ".";
  }
  if (!fs::exists(dir / "Habits.csv", ec))
    throw usage_error("no Habits.csv in " + dir.string() +
                      "; give the directory of Loop Habit Tracker's unzipped CSV export, or its Habits.csv");
  LoopFiles files;
  files.habits = read_import_file(dir / "Habits.csv", "Habits.csv");
  if (fs::exists(dir / "Checkmarks.csv", ec)) files.checkmarks = read_import_file(dir / "Checkmarks.csv", "Checkmarks.csv");
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_directory(ec)) continue;
    fs::path marks = it->path() / "Checkmarks.csv";
    if (!fs::exists(marks, ec)) continue;
    std::string folder = it->path().filename().string();
    files.habit_checkmarks.emplace(folder, read_import_file(marks, folder + "/Checkmarks.csv"));
  }
  if (ec) throw io_error("cannot list " + dir.string() + ": " + ec.message());
  return import_loop_files(files, today);
}

}  // namespace microstep
