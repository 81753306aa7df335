#include "core/export.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/amount.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/goal_id.hpp"
#include "core/intention.hpp"
#include "core/json_writer.hpp"
#include "core/report.hpp"

namespace microstep {

namespace {

constexpr std::string_view kFormatName = "microstep-export";
constexpr int kFormatVersion = 1;

const std::vector<std::string> kGoalColumns{"id",     "goal",    "step", "after",   "schedule",
                                            "started", "since",  "status", "feeling", "unit",
                                            "minimum", "minutes", "at"};
const std::vector<std::string> kVersionColumns{"goal", "from", "step", "schedule", "minimum", "after"};
const std::vector<std::string> kEventColumns{"day", "written", "event", "goal", "amount", "note", "truth"};

std::string number_text(const std::optional<double>& v) { return v ? format_amount(*v) : ""; }

std::string csv_row(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += csv_field(fields[i]);
  }
  return out + "\n";
}

std::string csv_header(std::string_view type, const std::vector<std::string>& columns) {
  std::vector<std::string> fields{"#" + std::string(type)};
  fields.insert(fields.end(), columns.begin(), columns.end());
  return csv_row(fields);
}

// ---- reading goals and events from named fields (shared by csv and json) --------------------

/// The present, non-null fields of one record, by name, and where it is.
struct Fields {
  std::string where;  ///< "FILE:LINE: "
  std::map<std::string, std::string, std::less<>> values;

  std::string text(std::string_view name) const {
    auto it = values.find(name);
    return it == values.end() ? "" : it->second;
  }
  [[noreturn]] void fail(const std::string& what) const { throw data_error(where + what); }
  Day day(std::string_view name, bool required) const {
    std::string t = text(name);
    if (t.empty()) {
      if (required) fail("missing " + std::string(name) + " (a date, YYYY-MM-DD)");
      return Day{};
    }
    auto d = parse_iso_day(t);
    if (!d) fail(std::string(name) + " '" + t + "' is not a date (YYYY-MM-DD)");
    return *d;
  }
  std::optional<double> number(std::string_view name) const {
    std::string t = text(name);
    if (t.empty()) return std::nullopt;
    auto v = parse_amount(t);
    if (!v) fail(std::string(name) + " '" + t + "' is not " + kAmountRule);
    return v;
  }
  Schedule schedule(std::string& text_out) const {
    text_out = text("schedule");
    if (text_out.empty()) text_out = "daily";
    auto s = parse_schedule(text_out);
    if (!s) fail("schedule '" + text_out + "' is not valid; use " + kScheduleRule);
    return *s;
  }
};

Goal goal_from(const Fields& f) {
  Goal g;
  g.id = f.text("id");
  if (!is_valid_goal_id(g.id)) f.fail("goal id '" + g.id + "' is not valid: use " + kGoalIdRule);
  g.step = f.text("step");
  if (g.step.empty()) f.fail("goal " + g.id + " has no step");
  g.goal = f.text("goal");
  g.after = f.text("after");
  g.schedule = f.schedule(g.schedule_text);
  g.started = f.day("started", true);
  g.since = f.text("since").empty() ? g.started : f.day("since", true);
  if (g.since < g.started) f.fail("since must not be before started");
  if (std::string status = f.text("status"); !status.empty()) {
    auto parsed = parse_goal_status(status);
    if (!parsed) f.fail("status '" + status + "' is not active, paused, done or archived");
    g.status = *parsed;
  }
  g.feeling = f.text("feeling");
  g.unit = f.text("unit");
  g.minimum = f.number("minimum");
  g.minutes = f.number("minutes");
  g.at = f.text("at");
  if (!g.at.empty() && !parse_time_of_day(g.at)) f.fail("at '" + g.at + "' is not a time of day (HH:MM)");
  return g;
}

StepVersion version_from(const Fields& f) {
  StepVersion v;
  v.from = f.day("from", true);
  v.step = f.text("step");
  v.schedule = f.schedule(v.schedule_text);
  v.minimum = f.number("minimum");
  v.after = f.text("after");
  return v;
}

void check_history(const Goal& g, const std::string& where) {
  Day previous = Day::min();
  for (const auto& v : g.history) {
    if (v.from < previous || v.from >= g.since)
      throw data_error(where + "the earlier versions of " + g.id +
                       " must be in order and before its since: " + format_day(g.since));
    previous = v.from;
  }
}

Event event_from(const Fields& f) {
  Event e;
  e.day = f.day("day", true);
  std::string written = f.text("written");
  if (written.empty()) {
    e.written = import_moment(e.day);
  } else {
    auto m = parse_moment(written);
    if (!m) f.fail("written '" + written + "' is not a moment (YYYY-MM-DDTHH:MM:SS+HH:MM)");
    e.written = *m;
  }
  std::string kind = f.text("event");
  auto k = parse_event_kind(kind);
  if (!k) f.fail("event '" + kind + "' is not done, skip, undo, pause, resume or mood");
  e.kind = *k;
  e.goal = f.text("goal");
  if (e.kind != EventKind::mood && !is_valid_goal_id(e.goal))
    f.fail("goal id '" + e.goal + "' is not valid: use " + kGoalIdRule);
  e.amount = f.number("amount");
  e.note = f.text("note");
  e.truth = f.text("truth");
  return e;
}

/// Collects goals, checking that no id comes twice.
struct GoalList {
  std::vector<Goal> goals;
  std::map<std::string, size_t> index;
  void add(Goal g, const std::string& where) {
    if (index.count(g.id)) throw data_error(where + "goal " + g.id + " comes twice");
    index.emplace(g.id, goals.size());
    goals.push_back(std::move(g));
  }
};

// ---- a small strict JSON reader --------------------------------------------------------------

struct JsonValue {
  enum class Type { null, boolean, number, string, array, object } type = Type::null;
  bool flag = false;
  double number = 0;
  std::string text;
  std::vector<JsonValue> items;
  /// An object's members, each with its name in `key`. (A vector of pairs of a name and a
  /// JsonValue would instantiate the pair while JsonValue is incomplete: clang refuses it.)
  std::vector<JsonValue> members;
  std::string key;  ///< the name of this value in the object that holds it
  size_t line = 1;

  const JsonValue* get(std::string_view name) const {
    for (const auto& member : members)
      if (member.key == name) return &member;
    return nullptr;
  }
};

class JsonParser {
 public:
  JsonParser(std::string_view text, const std::string& display) : text_(text), display_(display) {}

  JsonValue document() {
    JsonValue v = value(0);
    skip_space();
    if (pos_ != text_.size()) fail("unexpected text after the JSON document");
    return v;
  }

 private:
  std::string_view text_;
  const std::string& display_;
  size_t pos_ = 0, line_ = 1;

  [[noreturn]] void fail(const std::string& what) const {
    throw data_error(display_ + ":" + std::to_string(line_) + ": " + what);
  }
  void skip_space() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '\n') ++line_;
      else if (c != ' ' && c != '\t' && c != '\r') break;
      ++pos_;
    }
  }
  bool take(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void expect(char c, const char* what) {
    if (!take(c)) fail(std::string("expected ") + what);
  }

  JsonValue value(int depth) {
    if (depth > 32) fail("nested too deeply");
    skip_space();
    if (pos_ >= text_.size()) fail("unexpected end of the document");
    JsonValue v;
    v.line = line_;
    char c = text_[pos_];
    if (c == '{') {
      ++pos_;
      v.type = JsonValue::Type::object;
      if (take('}')) return v;
      do {
        skip_space();
        if (pos_ >= text_.size() || text_[pos_] != '"') fail("expected a member name in quotes");
        std::string key = string_body();
        if (v.get(key)) fail("member \"" + key + "\" comes twice");
        expect(':', "':' after a member name");
        JsonValue member = value(depth + 1);
        member.key = std::move(key);
        v.members.push_back(std::move(member));
      } while (take(','));
      expect('}', "',' or '}' in an object");
      return v;
    }
    if (c == '[') {
      ++pos_;
      v.type = JsonValue::Type::array;
      if (take(']')) return v;
      do v.items.push_back(value(depth + 1));
      while (take(','));
      expect(']', "',' or ']' in an array");
      return v;
    }
    if (c == '"') {
      v.type = JsonValue::Type::string;
      v.text = string_body();
      return v;
    }
    if (literal("true")) {
      v.type = JsonValue::Type::boolean;
      v.flag = true;
      return v;
    }
    if (literal("false")) {
      v.type = JsonValue::Type::boolean;
      return v;
    }
    if (literal("null")) return v;
    if (c == '-' || (c >= '0' && c <= '9')) {
      v.type = JsonValue::Type::number;
      size_t start = pos_;
      auto digits = [&] {
        size_t from = pos_;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
        return pos_ > from;
      };
      if (text_[pos_] == '-') ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '0') ++pos_;
      else if (!digits()) fail("a malformed number");
      if (pos_ < text_.size() && text_[pos_] == '.') {
        ++pos_;
        if (!digits()) fail("a malformed number");
      }
      if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
        ++pos_;
        if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
        if (!digits()) fail("a malformed number");
      }
      v.text = std::string(text_.substr(start, pos_ - start));
      auto [end, ec] = std::from_chars(v.text.data(), v.text.data() + v.text.size(), v.number);
      if (ec != std::errc{} || !std::isfinite(v.number)) fail("the number " + v.text + " is out of range");
      return v;
    }
    fail(std::string("unexpected character '") + c + "'");
  }

  bool literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  unsigned hex4() {
    if (pos_ + 4 > text_.size()) fail("a \\u escape cut short");
    unsigned code = 0;
    for (int i = 0; i < 4; ++i) {
      char h = text_[pos_++];
      code <<= 4;
      if (h >= '0' && h <= '9') code |= static_cast<unsigned>(h - '0');
      else if (h >= 'a' && h <= 'f') code |= static_cast<unsigned>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') code |= static_cast<unsigned>(h - 'A' + 10);
      else fail("a malformed \\u escape");
    }
    return code;
  }

  static void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  /// At the opening quote; returns the unescaped text.
  std::string string_body() {
    ++pos_;
    std::string out;
    while (true) {
      if (pos_ >= text_.size()) fail("a string is never closed");
      char c = text_[pos_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("a control character inside a string (escape it)");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) fail("a string is never closed");
      char e = text_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xDC00 && cp <= 0xDFFF) fail("a lone low surrogate in a \\u escape");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (text_.substr(pos_, 2) != "\\u") fail("a lone high surrogate in a \\u escape");
            pos_ += 2;
            unsigned low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) fail("a high surrogate without its low half");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default: fail(std::string("an unknown escape \\") + e);
      }
    }
  }
};

/// The members of a JSON object as Fields: strings as they are, numbers as plain decimals,
/// nulls left out. Arrays and objects are left to the caller.
Fields fields_of(const JsonValue& object, const std::string& display, const std::string& what) {
  Fields f;
  f.where = display + ":" + std::to_string(object.line) + ": ";
  if (object.type != JsonValue::Type::object) f.fail(what + " must be an object");
  for (const auto& v : object.members) {
    const std::string& key = v.key;
    switch (v.type) {
      case JsonValue::Type::string: f.values[key] = v.text; break;
      case JsonValue::Type::number:
        // Writers may use an exponent (1e+09); the readers of amounts take plain decimals.
        f.values[key] = v.number < 0 ? v.text : format_amount(v.number);
        break;
      case JsonValue::Type::null: break;
      case JsonValue::Type::boolean: f.values[key] = v.flag ? "true" : "false"; break;
      default: break;
    }
  }
  return f;
}

// ---- iCalendar ---------------------------------------------------------------------------------

constexpr std::string_view kIcsDays[7] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

std::string ics_date(Day day) {
  date::year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string ics_utc(const Moment& m) {
  auto day = date::floor<date::days>(m.utc);
  date::hh_mm_ss<std::chrono::seconds> t{m.utc - day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d%02d%02dZ", static_cast<int>(t.hours().count()),
                static_cast<int>(t.minutes().count()), static_cast<int>(t.seconds().count()));
  return ics_date(Day{day}) + buf;
}

/// The days of a quota spread evenly over a week from `first_weekday`: 3 from Monday -> 0, 2, 4.
std::vector<unsigned> spread_weekdays(unsigned n, unsigned first_weekday) {
  std::vector<unsigned> days;
  for (unsigned i = 0; i < n; ++i) days.push_back((first_weekday + (i * 7) / n) % 7);
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

/// Days of the month (1-28) spread evenly from `first_day`.
std::vector<unsigned> spread_month_days(unsigned n, unsigned first_day) {
  unsigned base = std::min(first_day, 28u) - 1;
  std::vector<unsigned> days;
  for (unsigned i = 0; i < n; ++i) days.push_back((base + (i * 28) / n) % 28 + 1);
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

unsigned day_of_month(Day day) { return static_cast<unsigned>(date::year_month_day{day}.day()); }

bool daily(const Schedule& s) {
  return s.asks_every_day() ||
         (s.kind == Schedule::Kind::per_week && s.n >= 7);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

}  // namespace

// ---- export ------------------------------------------------------------------------------------

std::vector<Event> events_since(const std::vector<Event>& events, std::optional<Day> since) {
  if (!since) return events;
  std::vector<Event> kept;
  for (const auto& e : events)
    if (e.day >= *since) kept.push_back(e);
  return kept;
}

std::string export_csv(const std::vector<Goal>& goals, const std::vector<Event>& events) {
  std::string out = csv_row({"#" + std::string(kFormatName), std::to_string(kFormatVersion)});
  out += csv_header("goal", kGoalColumns);
  for (const auto& g : goals)
    out += csv_row({"goal", g.id, g.goal, g.step, g.after, g.schedule_text, format_day(g.started),
                    format_day(g.since), std::string(to_string(g.status)), g.feeling, g.unit,
                    number_text(g.minimum), number_text(g.minutes), g.at});
  bool any_history = std::any_of(goals.begin(), goals.end(), [](const Goal& g) { return !g.history.empty(); });
  if (any_history) {
    out += csv_header("version", kVersionColumns);
    for (const auto& g : goals)
      for (const auto& v : g.history)
        out += csv_row({"version", g.id, format_day(v.from), v.step, v.schedule_text, number_text(v.minimum),
                        v.after});
  }
  out += csv_header("event", kEventColumns);
  for (const auto& e : events)
    out += csv_row({"event", format_day(e.day), format_moment(e.written), std::string(to_string(e.kind)), e.goal,
                    number_text(e.amount), e.note, e.truth});
  return out;
}

std::string export_json(const std::vector<Goal>& goals, const std::vector<Event>& events) {
  JsonWriter json;
  json.begin_object().field("format", kFormatName).field("version", kFormatVersion);
  json.key("goals").begin_array();
  for (const auto& g : goals) write_goal_json(json, g);
  json.end_array();
  json.key("events").begin_array();
  for (const auto& e : events) {
    json.begin_object()
        .field("day", e.day)
        .field("written", format_moment(e.written))
        .field("event", to_string(e.kind))
        .field("goal", e.goal)
        .field("amount", e.amount)
        .field("note", e.note)
        .field("truth", e.truth)
        .end_object();
  }
  json.end_array().end_object();
  return json.str();
}

// ---- reading exports back ----------------------------------------------------------------------

ImportPlan parse_export_csv(std::string_view text, const std::string& display_path) {
  ImportPlan plan;
  auto records = parse_csv(text, display_path);
  auto where = [&](const CsvRecord& r) { return display_path + ":" + std::to_string(r.line) + ": "; };
  if (records.empty() || records[0].fields.empty() || records[0].fields[0] != "#" + std::string(kFormatName))
    throw data_error(display_path + ":1: not a microstep csv export (it starts with #" +
                     std::string(kFormatName) + ",1)");
  if (records[0].fields.size() < 2 || records[0].fields[1] != std::to_string(kFormatVersion))
    throw data_error(display_path + ":1: export version '" +
                     (records[0].fields.size() < 2 ? std::string() : records[0].fields[1]) +
                     "' is not one this microstep reads (1)");
  std::map<std::string, std::vector<std::string>> headers;  // record type -> column names
  GoalList goals;
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    const std::string& type = rec.fields[0];
    if (type.starts_with("#")) {
      headers[type.substr(1)] = std::vector<std::string>(rec.fields.begin() + 1, rec.fields.end());
      continue;
    }
    auto header = headers.find(type);
    if (type != "goal" && type != "version" && type != "event") {
      plan.not_carried.push_back(where(rec) + "a record of unknown type '" + type + "'; ignored");
      continue;
    }
    if (header == headers.end())
      throw data_error(where(rec) + "a " + type + " record before its #" + type + " header row");
    Fields f;
    f.where = where(rec);
    for (size_t i = 0; i < header->second.size() && i + 1 < rec.fields.size(); ++i)
      if (!rec.fields[i + 1].empty()) f.values[header->second[i]] = rec.fields[i + 1];
    if (type == "goal") {
      goals.add(goal_from(f), f.where);
    } else if (type == "version") {
      std::string id = f.text("goal");
      auto it = goals.index.find(id);
      if (it == goals.index.end()) f.fail("a version of goal '" + id + "', which no goal row above names");
      Goal& g = goals.goals[it->second];
      g.history.push_back(version_from(f));
      check_history(g, f.where);
    } else {
      plan.events.push_back(event_from(f));
    }
  }
  plan.goals = std::move(goals.goals);
  return plan;
}

ImportPlan parse_export_json(std::string_view text, const std::string& display_path) {
  JsonValue doc = JsonParser(text, display_path).document();
  auto at = [&](const JsonValue& v) { return display_path + ":" + std::to_string(v.line) + ": "; };
  const JsonValue* format = doc.type == JsonValue::Type::object ? doc.get("format") : nullptr;
  if (!format || format->type != JsonValue::Type::string || format->text != kFormatName)
    throw data_error(at(doc) + "not a microstep json export (no \"format\": \"" + std::string(kFormatName) + "\")");
  const JsonValue* version = doc.get("version");
  if (!version || version->type != JsonValue::Type::number || version->number != kFormatVersion)
    throw data_error(at(doc) + "export version is not one this microstep reads (1)");
  ImportPlan plan;
  GoalList goals;
  if (const JsonValue* list = doc.get("goals")) {
    if (list->type != JsonValue::Type::array) throw data_error(at(*list) + "goals must be an array");
    for (const auto& item : list->items) {
      Fields f = fields_of(item, display_path, "each goal");
      Goal g = goal_from(f);
      if (const JsonValue* history = item.get("history"); history && history->type != JsonValue::Type::null) {
        if (history->type != JsonValue::Type::array) throw data_error(at(*history) + "history must be an array");
        for (const auto& entry : history->items) g.history.push_back(version_from(fields_of(entry, display_path, "each history entry")));
        check_history(g, f.where);
      }
      goals.add(std::move(g), f.where);
    }
  }
  if (const JsonValue* list = doc.get("events")) {
    if (list->type != JsonValue::Type::array) throw data_error(at(*list) + "events must be an array");
    for (const auto& item : list->items) plan.events.push_back(event_from(fields_of(item, display_path, "each event")));
  }
  plan.goals = std::move(goals.goals);
  return plan;
}

// ---- iCalendar ---------------------------------------------------------------------------------

std::string ics_escape_text(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n': out += "\\n"; break;
      case '\t': out += c; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) out += ' ';
        else out += c;
    }
  }
  return out;
}

std::string ics_fold_line(std::string_view line) {
  std::string out;
  size_t limit = 75;
  while (line.size() > limit) {
    size_t cut = limit;
    // Never split a UTF-8 sequence: back up to the first byte of the character.
    while (cut > 1 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;  // the leading space of a continuation line counts
  }
  out.append(line);
  out += "\r\n";
  return out;
}

Day ics_first_day(const Goal& goal) {
  const Schedule& s = goal.schedule;
  Day start = goal.since;
  if (s.kind == Schedule::Kind::days) {
    for (int i = 0; i < 7; ++i) {
      Day d = start + date::days{i};
      if ((s.weekday_mask >> iso_weekday_index(d)) & 1u) return d;
    }
  }
  if (s.kind == Schedule::Kind::per_month && !daily(s)) {
    auto days = spread_month_days(s.n, day_of_month(start));
    for (int i = 0; i < 62; ++i) {
      Day d = start + date::days{i};
      if (std::find(days.begin(), days.end(), day_of_month(d)) != days.end()) return d;
    }
  }
  return start;
}

std::string ics_rrule(const Goal& goal) {
  const Schedule& s = goal.schedule;
  if (daily(s)) return "FREQ=DAILY";
  switch (s.kind) {
    case Schedule::Kind::days: {
      std::vector<std::string> days;
      for (unsigned i = 0; i < 7; ++i)
        if ((s.weekday_mask >> i) & 1u) days.emplace_back(kIcsDays[i]);
      return "FREQ=WEEKLY;BYDAY=" + join(days, ",");
    }
    case Schedule::Kind::every_n:
      return "FREQ=DAILY;INTERVAL=" + std::to_string(s.n);
    case Schedule::Kind::per_week: {
      std::vector<std::string> days;
      for (unsigned d : spread_weekdays(s.n, iso_weekday_index(ics_first_day(goal)))) days.emplace_back(kIcsDays[d]);
      return "FREQ=WEEKLY;BYDAY=" + join(days, ",");
    }
    case Schedule::Kind::per_month: {
      std::vector<std::string> days;
      for (unsigned d : spread_month_days(s.n, day_of_month(ics_first_day(goal)))) days.push_back(std::to_string(d));
      return "FREQ=MONTHLY;BYMONTHDAY=" + join(days, ",");
    }
    case Schedule::Kind::rolling: {
      // One day every N/K days, rounded down: each N days in a row then hold K of them.
      unsigned interval = std::max(1u, s.n / s.k);
      return interval == 1 ? "FREQ=DAILY" : "FREQ=DAILY;INTERVAL=" + std::to_string(interval);
    }
    case Schedule::Kind::tracking:
      break;  // never due: export_ics leaves such a goal out
  }
  return "FREQ=DAILY";
}

std::string export_ics(const std::vector<Goal>& goals, const Moment& stamp) {
  std::string out;
  auto line = [&](std::string_view text) { out += ics_fold_line(text); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line(std::string("PRODID:-//microstep//microstep ") + MICROSTEP_VERSION + "//EN");
  line("CALSCALE:GREGORIAN");
  for (const auto& g : goals) {
    if (g.status != GoalStatus::active || g.schedule.is_tracking()) continue;  // nothing to block time for
    Day first = ics_first_day(g);
    line("BEGIN:VEVENT");
    line("UID:" + g.id + "@microstep");
    line("DTSTAMP:" + ics_utc(stamp));
    auto at = g.at.empty() ? std::nullopt : parse_time_of_day(g.at);
    if (at) {
      char time[16];
      std::snprintf(time, sizeof time, "T%02d%02d00", static_cast<int>(at->count() / 60),
                    static_cast<int>(at->count() % 60));
      line("DTSTART:" + ics_date(first) + time);
      long minutes = g.minutes ? std::max(1L, static_cast<long>(std::ceil(*g.minutes))) : 15L;
      line("DURATION:PT" + std::to_string(minutes) + "M");
    } else {
      line("DTSTART;VALUE=DATE:" + ics_date(first));
      line("TRANSP:TRANSPARENT");
    }
    line("RRULE:" + ics_rrule(g));
    line("SUMMARY:" + ics_escape_text(g.step));
    std::vector<std::string> description{implementation_intention(g.after, g.step)};
    if (!g.goal.empty()) description.push_back("Goal: " + g.goal);
    if (g.schedule.is_quota() && !daily(g.schedule))
      description.push_back("Any " + std::to_string(g.schedule.n) + " days a " +
                            std::string(g.schedule.kind == Schedule::Kind::per_week ? "week" : "month") +
                            " count; the days in this calendar are suggestions.");
    if (g.schedule.kind == Schedule::Kind::rolling)
      description.push_back("Any " + std::to_string(g.schedule.k) + " days in " + std::to_string(g.schedule.n) +
                            " days in a row count; the days in this calendar are suggestions.");
    description.push_back("Check in: microstep done " + g.id);
    line("DESCRIPTION:" + ics_escape_text(join(description, "\n")));
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace microstep
