#include "core/log_line.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>

#include "core/amount.hpp"
#include "core/escape.hpp"
#include "core/goal_id.hpp"

namespace microstep {

namespace {

constexpr size_t kMaxLineBytes = 1 << 20;

LineParse problem(std::string text) {
  LineParse result;
  result.kind = LineParse::Kind::error;
  result.problem = std::move(text);
  return result;
}

/// Are all escapes \\ \t \n or \r? Those unescape to ASCII, so a field that is valid UTF-8
/// stays so; only \xHH (or an unknown escape) needs the field unescaped to be sure.
bool only_simple_escapes(std::string_view field) {
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\') continue;
    if (++i == field.size()) return false;
    if (field[i] != '\\' && field[i] != 't' && field[i] != 'n' && field[i] != 'r') return false;
  }
  return true;
}

/// A note field is fine when it unescapes and is valid UTF-8; checked without copying
/// unless it holds a \xHH escape.
std::optional<std::string> check_text_field(std::string_view field, std::string_view name) {
  for (unsigned char c : field)
    if (c < 0x20 || c == 0x7f)
      return std::string(name) + " contains a raw control character (it must be escaped)";
  if (!is_valid_utf8(field)) return std::string(name) + " is not valid UTF-8";
  if (field.find('\\') != std::string_view::npos && !only_simple_escapes(field)) {
    auto text = unescape_field(field);
    if (!text) return std::string(name) + " has an unknown escape (use \\\\ \\t \\n \\r or \\xHH)";
    if (!is_valid_utf8(*text)) return std::string(name) + " is not valid UTF-8 once unescaped";
  }
  return std::nullopt;
}

}  // namespace

bool is_conflict_marker(std::string_view line) {
  return line.starts_with("<<<<<<<") || line.starts_with(">>>>>>>") ||
         line.starts_with("=======") || line.starts_with("|||||||");
}

namespace {

/// Every check, in the order that decides which problem a bad line reports: for any line
/// (its '\r' already removed).
LineParse parse_any_line(std::string_view line) {
  if (line.empty() || line.front() == '#') return {};
  if (line.find_first_not_of(" \t") == std::string_view::npos) return {};
  if (line.size() > kMaxLineBytes) return problem("line is longer than 1 MiB");
  if (is_conflict_marker(line))
    return problem("git conflict marker left by a failed merge; keep the lines of both sides "
                   "and delete the marker lines");
  if (line.find('\0') != std::string_view::npos) return problem("contains a NUL byte");

  std::array<std::string_view, 8> fields;
  size_t count = 0;
  for (size_t start = 0;;) {
    size_t tab = line.find('\t', start);
    if (count == fields.size()) return problem("expected 6 or 7 tab-separated fields, found more");
    fields[count++] = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  if (count < 6 || count > 7)
    return problem("expected 6 or 7 tab-separated fields (day, written, event, goal, amount, "
                   "note[, truth]), found " + std::to_string(count));

  LineParse result;
  result.kind = LineParse::Kind::event;
  EventView& event = result.event;
  auto day = parse_iso_day(fields[0]);
  if (!day) return problem("day '" + std::string(fields[0]) + "' is not a date (expected YYYY-MM-DD)");
  event.day = *day;
  auto written = parse_moment(fields[1]);
  if (!written)
    return problem("written '" + std::string(fields[1]) +
                   "' is not a timestamp (expected YYYY-MM-DDTHH:MM:SS+HH:MM)");
  event.written = *written;
  auto kind = parse_event_kind(fields[2]);
  if (!kind)
    return problem("event '" + std::string(fields[2]) +
                   "' is unknown (expected done, skip, undo, pause or resume)");
  event.kind = *kind;
  if (!is_valid_goal_id(fields[3]))
    return problem("goal id '" + std::string(fields[3]) + "' is not valid (" + kGoalIdRule + ")");
  event.goal = fields[3];
  if (!fields[4].empty()) {
    if (event.kind != EventKind::done) return problem("only a done may carry an amount");
    event.amount = parse_amount(fields[4]);
    if (!event.amount)
      return problem("amount '" + std::string(fields[4]) + "' is not " + kAmountRule);
  }
  if (auto bad = check_text_field(fields[5], "note")) return problem(*bad);
  event.note_escaped = fields[5];
  if (count == 7) {
    if (auto bad = check_text_field(fields[6], "truth")) return problem(*bad);
    event.truth_escaped = fields[6];
  }
  return result;
}

/// Printable ASCII without a backslash: a text field that needs no further check.
bool is_plain_text(std::string_view field) {
  for (unsigned char c : field)
    if (c < 0x20 || c >= 0x7f || c == '\\') return false;
  return true;
}

/// The field starting at `pos`, up to the next tab or the end of the line; `pos` moves past
/// that tab (or to npos at the end). Fields are short: a plain loop beats a memchr call.
std::string_view next_field(std::string_view line, size_t& pos) {
  size_t start = pos;
  while (pos < line.size() && line[pos] != '\t') ++pos;
  std::string_view field = line.substr(start, pos - start);
  pos = pos < line.size() ? pos + 1 : std::string_view::npos;
  return field;
}

/// "YYYY-MM-DDTHH:MM:SS+HH:MM", as format_moment writes it, checked as parse_moment checks it.
/// Its date is nearly always the line's day, which is then not parsed again.
std::optional<Moment> parse_written_moment(std::string_view text, std::string_view day_text, Day day) {
  if (text.size() != 25 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[22] != ':' ||
      (text[19] != '+' && text[19] != '-'))
    return std::nullopt;
  auto two_digits = [&](size_t at) {
    unsigned hi = static_cast<unsigned char>(text[at]) - '0', lo = static_cast<unsigned char>(text[at + 1]) - '0';
    return hi < 10 && lo < 10 ? static_cast<int>(hi * 10 + lo) : 100;
  };
  int hh = two_digits(11), mm = two_digits(14), ss = two_digits(17), oh = two_digits(20), om = two_digits(23);
  if (hh > 23 || mm > 59 || ss > 59 || oh > 23 || om > 59) return std::nullopt;
  std::string_view date = text.substr(0, 10);
  if (std::memcmp(date.data(), day_text.data(), 10) != 0) {
    auto other = parse_iso_day(date);
    if (!other) return std::nullopt;
    day = *other;
  }
  std::chrono::minutes offset{(oh * 60 + om) * (text[19] == '-' ? -1 : 1)};
  auto wall = date::sys_seconds{day} + std::chrono::seconds{hh * 3600 + mm * 60 + ss};
  return Moment{wall - offset, offset};
}

/// The fast path, for lines as microstep writes them: the day, a tab, the written moment in
/// the form above, a tab, and then the other fields. It checks what parse_any_line checks,
/// field by field, and gives up (false) on anything else: a blank or bad line, a moment
/// written another way, a note that fails. Fills `event` in place (copying a finished
/// EventView costs as much as checking a field). It needs no NUL check: a NUL byte fails the
/// check of whichever field holds it.
bool parse_written_line(std::string_view line, EventView& event) {
  constexpr size_t kWrittenEnd = 36;  // 10 + 1 + 25
  if (line.size() <= kWrittenEnd || line.size() > kMaxLineBytes) return false;
  if (line[10] != '\t' || line[kWrittenEnd] != '\t') return false;
  // Lines come in runs of the same day: the day of the last line read on this thread is
  // kept, and a day in the same text is not parsed again (a parse that returns an optional
  // through memory, which costs as much as the rest of the line's checks).
  thread_local std::array<char, 10> last_text{'1', '9', '7', '0', '-', '0', '1', '-', '0', '1'};
  thread_local Day last_day{};  // 1970-01-01, as the text says
  std::string_view day_text = line.substr(0, 10);
  if (std::memcmp(day_text.data(), last_text.data(), 10) != 0) {
    auto parsed = parse_iso_day(day_text);
    if (!parsed) return false;
    std::copy(day_text.begin(), day_text.end(), last_text.begin());
    last_day = *parsed;
  }
  Day day = last_day;
  auto written = parse_written_moment(line.substr(11, 25), day_text, day);
  if (!written) return false;

  size_t pos = kWrittenEnd + 1;
  auto kind = parse_event_kind(next_field(line, pos));
  std::string_view goal = pos != std::string_view::npos ? next_field(line, pos) : "";
  std::string_view amount = pos != std::string_view::npos ? next_field(line, pos) : "";
  if (!kind || !is_valid_goal_id(goal) || pos == std::string_view::npos) return false;
  // The note (and truth) may be long: memchr finds the tab between them.
  std::string_view note = line.substr(pos), truth;
  if (size_t tab = note.find('\t'); tab != std::string_view::npos) {
    truth = note.substr(tab + 1);
    note = note.substr(0, tab);
    if (truth.empty() || truth.find('\t') != std::string_view::npos) return false;
  }

  event.day = day;
  event.written = *written;
  event.kind = *kind;
  event.goal = goal;
  if (!amount.empty()) {
    event.amount = parse_amount(amount);
    if (!event.amount || event.kind != EventKind::done) return false;
  }
  for (std::string_view text : {note, truth})
    if (!is_plain_text(text) && check_text_field(text, "note")) return false;
  event.note_escaped = note;
  event.truth_escaped = truth;
  return true;
}

}  // namespace

LineParse parse_log_line(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  LineParse result;
  if (parse_written_line(line, result.event)) {
    result.kind = LineParse::Kind::event;
    return result;
  }
  return parse_any_line(line);
}

LineParse parse_log_line_reference(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return parse_any_line(line);
}

Event to_event(const EventView& view) {
  Event event;
  event.day = view.day;
  event.written = view.written;
  event.kind = view.kind;
  event.goal = std::string(view.goal);
  event.amount = view.amount;
  event.note = unescape_field(view.note_escaped).value_or(std::string(view.note_escaped));
  event.truth = unescape_field(view.truth_escaped).value_or(std::string(view.truth_escaped));
  return event;
}

std::string format_log_line(const Event& event) {
  std::string line = format_day(event.day);
  line += '\t';
  line += format_moment(event.written);
  line += '\t';
  line += to_string(event.kind);
  line += '\t';
  line += event.goal;
  line += '\t';
  if (event.amount) line += format_amount(*event.amount);
  line += '\t';
  line += escape_field(event.note);
  if (!event.truth.empty()) {
    line += '\t';
    line += escape_field(event.truth);
  }
  line += '\n';
  return line;
}

}  // namespace microstep
