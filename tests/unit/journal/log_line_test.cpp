// parse_log_line takes a fast path for the lines microstep writes; it must give exactly what
// the reference (every check, in order) gives, for good lines and for lines one edit away.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/journal/log_line.hpp"

namespace microstep {

namespace {

/// A deterministic source of test data (splitmix64), the same on every machine.
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
};

/// A note made of pieces that exercise escapes, control characters and UTF-8.
std::string random_text(Random& rng) {
  static const std::vector<std::string> pieces = {
      "", "a", "note", " ", "\t", "\n", "\r", "\\", "\x01", "\x7f", "é", "日本", "🎉", "x y z", "\\n"};
  std::string text;
  for (size_t i = rng.below(4); i > 0; --i) text += pieces[rng.below(pieces.size())];
  return text;
}

Event random_event(Random& rng) {
  static const std::vector<std::string> goals = {"floss", "read-2", "a", "write-a-novel", "x9"};
  Event e;
  e.day = *parse_iso_day("2026-03-29") + date::days{static_cast<long>(rng.below(400)) - 200};
  long minutes = static_cast<long>(rng.below(3 * 24 * 60));
  std::chrono::minutes offset{(static_cast<long>(rng.below(29)) - 14) * 60 + (rng.below(4) == 0 ? 30 : 0)};
  e.written = Moment{date::sys_seconds{e.day} + std::chrono::minutes{minutes} - offset, offset};
  e.kind = static_cast<EventKind>(rng.below(5));
  e.goal = goals[rng.below(goals.size())];
  if (e.kind == EventKind::done && rng.below(2) == 0)
    e.amount = static_cast<double>(rng.below(5000)) / (rng.below(2) == 0 ? 1 : 8);
  e.note = random_text(rng);
  if (rng.below(4) == 0) e.truth = random_text(rng);
  return e;
}

/// Both parsers agree: the same kind, the same problem, the same fields.
void check_same(const std::string& line) {
  CAPTURE(line);
  LineParse fast = parse_log_line(line);
  LineParse reference = parse_log_line_reference(line);
  REQUIRE(fast.kind == reference.kind);
  CHECK(fast.problem == reference.problem);
  if (fast.kind != LineParse::Kind::event) return;
  CHECK(fast.event.day == reference.event.day);
  CHECK(fast.event.written == reference.event.written);
  CHECK(fast.event.kind == reference.event.kind);
  CHECK(fast.event.goal == reference.event.goal);
  CHECK(fast.event.amount == reference.event.amount);
  CHECK(fast.event.note_escaped == reference.event.note_escaped);
  CHECK(fast.event.truth_escaped == reference.event.truth_escaped);
}

}  // namespace

TEST_CASE("the fast path reads the lines microstep writes as the reference does") {
  Random rng{42};
  for (int i = 0; i < 2000; ++i) {
    Event event = random_event(rng);
    std::string line = format_log_line(event);
    line.pop_back();  // the newline
    check_same(line);
    LineParse parsed = parse_log_line(line);
    REQUIRE(parsed.kind == LineParse::Kind::event);
    CHECK(to_event(parsed.event) == event);
  }
}

TEST_CASE("the fast path agrees with the reference on lines one edit away from good ones") {
  // Every position, with a byte replaced, removed or doubled: bad lines must keep their exact
  // problem, and lines the fast path does not take must still read as before.
  const std::string replacements("\t\0\r\n\\x-+:T 0123456789Z\x80\xff", 24);
  Random rng{7};
  for (int i = 0; i < 150; ++i) {
    std::string line = format_log_line(random_event(rng));
    line.pop_back();
    for (size_t at = 0; at < line.size(); ++at) {
      for (char c : replacements) {
        std::string edited = line;
        edited[at] = c;
        check_same(edited);
      }
      check_same(line.substr(0, at) + line.substr(at + 1));
      check_same(line.substr(0, at + 1) + line.substr(at));
    }
    check_same(line + "\r");
    check_same(line + "\r\r");
    check_same(line + "\t");
    check_same(line + "\tmore\tfields");
  }
}

TEST_CASE("the reference and the fast path agree on the other forms a line can take") {
  for (const char* line : {
           "",
           "# a comment",
           "   \t ",
           "<<<<<<< HEAD",
           "2026-11-22\t2026-11-22T07:40+01:00\tdone\tfloss\t\t",          // no seconds
           "2026-11-22\t2026-11-22T07:40:00Z\tdone\tfloss\t\t",            // Z
           "2026-11-22\t2026-11-22 07:40:00+01:00\tdone\tfloss\t\t",       // a space for T
           "2026-11-22\t2026-11-21T23:40:00-05:00\tdone\tfloss\t3\tnote\ttruth",
           "2026-11-22\t2026-11-22T07:40:00+01:00\tskip\tfloss\t2\t",      // amount on a skip
           "2026-11-22\t2026-11-22T07:40:00+01:00\tdone\tfloss\t\tnote\t",  // empty truth
           "2026-02-30\t2026-02-30T07:40:00+01:00\tdone\tfloss\t\t",
           "2026-11-22\t2026-11-22T24:00:00+01:00\tdone\tfloss\t\t",
           "2026-11-22\t2026-11-22T07:40:00+01:00\tdone\tFloss\t\t",
           "2026-11-22\t2026-11-22T07:40:00+01:00\tdone\tfloss\t1.\t",
           "2026-11-22\t2026-11-22T07:40:00+01:00\tdone\tfloss\t\tbad \\q escape",
           "2026-11-22\t2026-11-22T07:40:00+01:00\tdone\tfloss\t\tcut \xc3",
       })
    check_same(line);
  // A day field of NUL bytes must never be taken for a day seen before.
  check_same(std::string(10, '\0') + "\t2026-11-22T07:40:00+01:00\tdone\tfloss\t\t");
  check_same("1970-01-01\t1970-01-01T07:40:00+01:00\tdone\tfloss\t\t");
}

TEST_CASE("the fast path takes the lines microstep writes and leaves the others") {
  Random rng{3};
  EventView view;
  for (int i = 0; i < 500; ++i) {
    Event event = random_event(rng);
    std::string line = format_log_line(event);
    line.pop_back();
    CAPTURE(line);
    CHECK(parse_written_log_line(line, view));
  }
  for (const char* line : {"", "# comment", "2026-11-22\t2026-11-22T07:40:00Z\tdone\tfloss\t\t",
                           "2026-11-22\t2026-11-22T07:40:00+01:00\tdone\tfloss\t\t\r",
                           "\xEF\xBB\xBF" "2026-11-22\t2026-11-22T07:40:00+01:00\tdone\tfloss\t\t",
                           "2026-11-22\t2026-11-22T07:40:00+01:00\tdone\tfloss\t\t\t\\!torn"})
    CHECK_FALSE(parse_written_log_line(line, view));
}

TEST_CASE("every byte value at every place of a note is judged as the reference judges it") {
  // Notes are checked eight bytes at a time where they are plain ASCII: a byte that is not
  // must be caught in any of the eight places, and at the ragged end.
  const std::string head = "2026-11-22\t2026-11-22T07:40:00+01:00\tdone\tfloss\t\t";
  for (size_t at = 0; at < 19; ++at) {
    for (int byte = 0; byte < 256; ++byte) {
      std::string note(19, 'n');
      note[at] = static_cast<char>(byte);
      check_same(head + note);
      check_same(head + note.substr(0, at + 1));
      check_same(head + "note\t" + note);  // as the truth
    }
  }
}

TEST_CASE("a note's escapes are checked whether or not it must be unescaped to be sure") {
  const std::string head = "2026-11-22\t2026-11-22T07:40:00+01:00\tdone\tfloss\t\t";
  auto problem_of = [&](const std::string& note) {
    LineParse parsed = parse_log_line(head + note);
    return parsed.kind == LineParse::Kind::error ? parsed.problem : std::string("ok");
  };
  CHECK(problem_of("tab\\there, line\\nbreak, back\\\\slash, cr\\r") == "ok");
  CHECK(problem_of("caf\\xc3\\xa9") == "ok");
  CHECK(problem_of("\\\\x41 is an escaped backslash and an x") == "ok");
  CHECK(problem_of("bad \\q") == "note has an unknown escape (use \\\\ \\t \\n \\r or \\xHH)");
  CHECK(problem_of("cut short \\") == "note has an unknown escape (use \\\\ \\t \\n \\r or \\xHH)");
  CHECK(problem_of("half \\x4") == "note has an unknown escape (use \\\\ \\t \\n \\r or \\xHH)");
  CHECK(problem_of("\\xff alone") == "note is not valid UTF-8 once unescaped");
  CHECK(problem_of("raw \x01") == "note contains a raw control character (it must be escaped)");
  CHECK(problem_of("\xc3 cut") == "note is not valid UTF-8");
}

}  // namespace microstep
