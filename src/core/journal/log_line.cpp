#include "core/journal/log_line.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/base/amount.hpp"
#include "core/base/error.hpp"
#include "core/base/escape.hpp"
#include "core/model/goal_id.hpp"

namespace microstep {

namespace {

constexpr size_t kMaxLineBytes = 1 << 20;

LineParse problem(std::string text) {
  LineParse result;
  result.kind = LineParse::Kind::error;
  result.problem = std::move(text);
  return result;
}

/// Is `c`, after a backslash, one of the escapes \\ \t \n \r? Those unescape to ASCII, so a
/// field that is valid UTF-8 stays so; only \xHH (or an unknown escape) needs the field
/// unescaped to be sure.
bool is_simple_escape(char c) { return c == '\\' || c == 't' || c == 'n' || c == 'r'; }

/// Are all the field's escapes simple ones?
bool only_simple_escapes(std::string_view field) {
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\') continue;
    if (++i == field.size() || !is_simple_escape(field[i])) return false;
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
  if (!kind) {
    // A plain word may be an event a newer microstep writes: say so, rather than "garbage".
    bool word = !fields[2].empty() && std::all_of(fields[2].begin(), fields[2].end(),
                                                   [](char c) { return c >= 'a' && c <= 'z'; });
    if (word)
      return problem("event '" + std::string(fields[2]) +
                     "' is not one this microstep knows (done, skip, undo, pause, resume, mood): a newer "
                     "version may have written it; update microstep to read this line");
    return problem("event '" + std::string(fields[2]) +
                   "' is unknown (expected done, skip, undo, pause, resume or mood)");
  }
  event.kind = *kind;
  if (event.kind == EventKind::mood) {
    if (!fields[3].empty())
      return problem("a mood belongs to no goal: its goal field must be empty, not '" + std::string(fields[3]) + "'");
    event.amount = parse_amount(fields[4]);
    if (!event.amount || *event.amount != static_cast<int>(*event.amount) || *event.amount < kMoodLow ||
        *event.amount > kMoodHigh)
      return problem("mood '" + std::string(fields[4]) + "' is not a whole number from 1 to 5");
  } else {
    if (!is_valid_goal_id(fields[3]))
      return problem("goal id '" + std::string(fields[3]) + "' is not valid (" + kGoalIdRule + ")");
    event.goal = fields[3];
    if (!fields[4].empty()) {
      if (event.kind != EventKind::done) return problem("only a done (or a mood) may carry an amount");
      event.amount = parse_amount(fields[4]);
      if (!event.amount)
        return problem("amount '" + std::string(fields[4]) + "' is not " + kAmountRule);
    }
  }
  if (auto bad = check_text_field(fields[5], "note")) return problem(*bad);
  event.note_escaped = fields[5];
  if (count == 7) {
    if (auto bad = check_text_field(fields[6], "truth")) return problem(*bad);
    event.truth_escaped = fields[6];
  }
  return result;
}

/// Byte classes for the fast path, one table lookup per byte.
struct ByteClasses {
  bool id[256]{};     ///< may appear in a goal id: a-z, 0-9, '-'
  bool plain[256]{};  ///< printable ASCII but '\\': a note byte that needs no further check
  constexpr ByteClasses() {
    for (int c = 'a'; c <= 'z'; ++c) id[c] = true;
    for (int c = '0'; c <= '9'; ++c) id[c] = true;
    id[static_cast<unsigned char>('-')] = true;
    for (int c = 0x20; c < 0x7f; ++c) plain[c] = c != '\\';
  }
};
constexpr ByteClasses kBytes;

inline bool byte_is(const bool (&table)[256], char c) { return table[static_cast<unsigned char>(c)]; }

/// Two ASCII digits as a number, or 100 when either is not a digit (out of every range).
inline int two_digits(const char* at) {
  unsigned hi = static_cast<unsigned char>(at[0]) - '0', lo = static_cast<unsigned char>(at[1]) - '0';
  return hi < 10 && lo < 10 ? static_cast<int>(hi * 10 + lo) : 100;
}

/// Do two YYYY-MM-DD texts hold the same 10 bytes? Compared as two words each: a memcmp
/// call costs more, twice a line.
inline bool same_date_text(const char* a, const char* b) {
  std::uint64_t a8, b8;
  std::uint16_t a2, b2;
  std::memcpy(&a8, a, 8);
  std::memcpy(&b8, b, 8);
  std::memcpy(&a2, a + 8, 2);
  std::memcpy(&b2, b + 8, 2);
  return a8 == b8 && a2 == b2;
}

/// The day of the last YYYY-MM-DD text read through it. Lines come in runs of the same day
/// (and are mostly written on it), so most texts are the one before and are not parsed again.
struct RecentDay {
  std::array<char, 10> text{'1', '9', '7', '0', '-', '0', '1', '-', '0', '1'};
  Day day{};  // 1970-01-01, as the text says
  /// Reads the 10 bytes at `at` into `day`; false (and `day` unchanged) when they are no date.
  bool read(const char* at) {
    if (same_date_text(at, text.data())) return true;
    auto parsed = parse_iso_day(std::string_view(at, 10));
    if (!parsed) return false;
    std::memcpy(text.data(), at, 10);
    day = *parsed;
    return true;
  }
};

/// "YYYY-MM-DDTHH:MM:SS+HH:MM", as format_moment writes it, checked as parse_moment checks it.
/// Writes `moment` in place (a returned optional is copied through memory: as slow as
/// checking the text).
bool parse_written_moment(std::string_view text, RecentDay& date, Moment& moment) {
  if (text.size() != 25 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[22] != ':' ||
      (text[19] != '+' && text[19] != '-'))
    return false;
  const char* t = text.data();
  int hh = two_digits(t + 11), mm = two_digits(t + 14), ss = two_digits(t + 17);
  int oh = two_digits(t + 20), om = two_digits(t + 23);
  if (hh > 23 || mm > 59 || ss > 59 || oh > 23 || om > 59 || !date.read(t)) return false;
  moment.offset = std::chrono::minutes{(oh * 60 + om) * (text[19] == '-' ? -1 : 1)};
  moment.utc = date::sys_seconds{date.day} + std::chrono::seconds{hh * 3600 + mm * 60 + ss} - moment.offset;
  return true;
}

/// The event name and its tab at `pos`; `pos` moves past the tab. The first letter tells
/// which name it can be, so a line is compared with one name only.
std::optional<EventKind> read_event_kind(std::string_view line, size_t& pos) {
  auto named = [&](std::string_view name, EventKind kind) -> std::optional<EventKind> {
    if (line.size() - pos <= name.size() || std::memcmp(line.data() + pos, name.data(), name.size()) != 0 ||
        line[pos + name.size()] != '\t')
      return std::nullopt;
    pos += name.size() + 1;
    return kind;
  };
  switch (pos < line.size() ? line[pos] : '\0') {
    case 'd': return named("done", EventKind::done);
    case 's': return named("skip", EventKind::skip);
    case 'u': return named("undo", EventKind::undo);
    case 'p': return named("pause", EventKind::pause);
    case 'r': return named("resume", EventKind::resume);
    default: return std::nullopt;
  }
}

/// The text from `pos` to the next tab (or the line's end), the tab not included.
std::string_view field_at(std::string_view line, size_t pos) {
  size_t tab = line.find('\t', pos);
  return line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos);
}

/// Are the 8 bytes at `p` all plain? Notes are mostly ASCII text, so they are checked a
/// word at a time: each test sets the high bit of a byte that fails it (exact for bytes below
/// 0x80, and a byte of 0x80 or more has its high bit set already).
inline bool eight_plain_bytes(const char* p) {
  constexpr std::uint64_t kOnes = 0x0101010101010101u, kHighs = 0x8080808080808080u;
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  std::uint64_t below_space = (word - kOnes * 0x20) & ~word;
  std::uint64_t delete_or_more = word + kOnes;  // 0x7f + 1 reaches the high bit
  std::uint64_t backslash_xor = word ^ (kOnes * '\\');
  std::uint64_t backslash = (backslash_xor - kOnes) & ~backslash_xor;
  return ((word | below_space | delete_or_more | backslash) & kHighs) == 0;
}

/// A note or truth field from `pos` to the next tab or the end of the line, checked in one
/// pass as check_text_field checks it; `pos` moves to the tab (or the end). Printable ASCII,
/// UTF-8 characters and the escapes \\ \t \n \r are read here; a \xHH escape (whose byte
/// may be anything) or a broken one sends the field to check_text_field; other bytes fail.
bool read_text_field(std::string_view line, size_t& pos, std::string_view& field) {
  // A local index: the compiler must assume a write through `pos` could change the bytes.
  const size_t start = pos;
  size_t at = pos;
  while (at < line.size()) {
    if (at + 8 <= line.size() && eight_plain_bytes(line.data() + at)) {
      at += 8;
      continue;
    }
    const char c = line[at];
    if (byte_is(kBytes.plain, c)) {
      ++at;
    } else if (c == '\t') {
      break;
    } else if (c == '\\') {
      if (at + 1 == line.size() || !is_simple_escape(line[at + 1])) {
        field = field_at(line, start);
        pos = start + field.size();
        return !check_text_field(field, "note");
      }
      at += 2;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      size_t length = utf8_sequence_length(line, at);
      if (length == 0) return false;
      at += length;
    } else {
      return false;  // a raw control character
    }
  }
  field = line.substr(start, at - start);
  pos = at;
  return true;
}

}  // namespace

/// The fast path, for lines as microstep writes them: the day, a tab, the written moment in
/// the form above, a tab, then the other fields, each checked as it is read, in one pass
/// over the line's bytes. It checks what parse_any_line checks and gives up (false) on
/// anything else: a blank or bad line, a moment written another way, a note that fails.
/// Fills `event` in place, field by field (copying a finished EventView costs as much as
/// checking a field); a false leaves it half-filled. It needs no NUL check: a NUL byte fails
/// the field that holds it.
bool parse_written_log_line(std::string_view line, EventView& event) {
  constexpr size_t kWrittenEnd = 36;  // 10 + 1 + 25
  if (line.size() <= kWrittenEnd || line.size() > kMaxLineBytes) return false;
  if (line[10] != '\t' || line[kWrittenEnd] != '\t') return false;
  // One of each per thread: the day of the last line, and the date of its written moment.
  thread_local RecentDay line_day, written_date;
  if (!line_day.read(line.data())) return false;
  event.day = line_day.day;
  if (!parse_written_moment(line.substr(11, 25), written_date, event.written)) return false;

  size_t pos = kWrittenEnd + 1;
  auto kind = read_event_kind(line, pos);
  if (!kind) return false;
  event.kind = *kind;

  const size_t goal_start = pos;
  while (pos < line.size() && byte_is(kBytes.id, line[pos])) ++pos;
  event.goal = line.substr(goal_start, pos - goal_start);
  if (event.goal.empty() || event.goal.size() > 64 || event.goal[0] == '-' || pos == line.size() ||
      line[pos] != '\t')
    return false;
  ++pos;

  // Whole numbers of up to 9 digits are read here; anything else goes to parse_amount.
  const size_t amount_start = pos;
  long whole = 0;
  for (; pos < line.size() && line[pos] >= '0' && line[pos] <= '9'; ++pos)
    if (pos - amount_start < 9) whole = whole * 10 + (line[pos] - '0');  // longer: see below
  if (pos == line.size()) return false;  // no note field
  if (line[pos] != '\t') {
    std::string_view text = field_at(line, amount_start);
    event.amount = parse_amount(text);
    if (!event.amount) return false;
    pos = amount_start + text.size();
    if (pos == line.size()) return false;
  } else if (pos > amount_start) {
    if (pos - amount_start > 9) return false;
    event.amount = static_cast<double>(whole);
  } else {
    event.amount.reset();
  }
  if (event.amount && event.kind != EventKind::done) return false;
  ++pos;  // the tab before the note

  event.truth_escaped = {};
  if (pos == line.size()) {  // most lines: no note
    event.note_escaped = {};
    return true;
  }
  if (!read_text_field(line, pos, event.note_escaped)) return false;
  if (pos < line.size()) {  // a tab: the truth follows, and must be the last field
    ++pos;
    if (pos == line.size() || !read_text_field(line, pos, event.truth_escaped) || pos != line.size())
      return false;
  }
  return true;
}

LineParse parse_log_line(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  LineParse result;
  if (parse_written_log_line(line, result.event)) {
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

std::string checked_log_line(const Event& event) {
  const auto offset = event.written.offset.count();
  if (offset <= -24 * 60 || offset >= 24 * 60) {
    char text[32];
    std::snprintf(text, sizeof text, "%c%02ld:%02ld", offset < 0 ? '-' : '+', static_cast<long>(std::abs(offset)) / 60,
                  static_cast<long>(std::abs(offset)) % 60);
    throw usage_error("the UTC offset " + std::string(text) +
                      " cannot be written to checkins.log (it holds offsets from -23:59 to +23:59); set TZ to a "
                      "real time zone, such as Europe/Paris, or give --now with an offset");
  }
  std::string line = format_log_line(event);
  LineParse parsed = parse_log_line(std::string_view(line).substr(0, line.size() - 1));
  std::string problem;
  if (parsed.kind != LineParse::Kind::event) {
    problem = parsed.kind == LineParse::Kind::error ? parsed.problem : "it would read as a blank line";
  } else {
    const Event back = to_event(parsed.event);
    if (back.day != event.day) problem = "its day would read back otherwise";
    else if (!(back.written == event.written)) problem = "its written time would read back otherwise";
    else if (back.kind != event.kind || back.goal != event.goal) problem = "its event would read back otherwise";
    else if (back.amount != event.amount) problem = "its amount would read back otherwise";
    else if (back.note != event.note || back.truth != event.truth) problem = "its note would read back otherwise";
  }
  if (!problem.empty())
    throw usage_error("cannot write the check-in of " + event.goal + " on " + format_day(event.day) + ": " + problem +
                      "; nothing written");
  return line;
}

}  // namespace microstep
