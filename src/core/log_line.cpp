#include "core/log_line.hpp"

#include <array>

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

bool is_conflict_marker(std::string_view line) {
  return line.starts_with("<<<<<<<") || line.starts_with(">>>>>>>") ||
         line.starts_with("=======") || line.starts_with("|||||||");
}

/// A note field is fine when it unescapes and is valid UTF-8; checked without copying
/// in the common case of a note with no escapes.
std::optional<std::string> check_text_field(std::string_view field, std::string_view name) {
  for (unsigned char c : field)
    if (c < 0x20 || c == 0x7f)
      return std::string(name) + " contains a raw control character (it must be escaped)";
  if (!is_valid_utf8(field)) return std::string(name) + " is not valid UTF-8";
  if (field.find('\\') != std::string_view::npos) {
    auto text = unescape_field(field);
    if (!text) return std::string(name) + " has an unknown escape (use \\\\ \\t \\n \\r or \\xHH)";
    if (!is_valid_utf8(*text)) return std::string(name) + " is not valid UTF-8 once unescaped";
  }
  return std::nullopt;
}

}  // namespace

LineParse parse_log_line(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
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
