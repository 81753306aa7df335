/// Fuzzes one line of checkins.log: parse_log_line, to_event, format_log_line and checked_log_line.
///
/// Properties: the fast path parse_log_line takes for the lines microstep writes gives what
/// the reference (every check, in order) gives: the same kind, problem and event; an error always says what was wrong; a blank line really is blank (empty,
/// a comment, or only spaces and tabs); an event re-serialised is one line that parses back
/// to an equal Event and re-serialises to the same text, which checked_log_line (the check
/// before every append) lets through unchanged. Events are compared, not texts:
/// a line may end in "\r\n" or have escapes written in upper-case hex, and still be the same.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/journal/log_line.hpp"
#include "fuzz_check.hpp"

using namespace microstep;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  const LineParse parsed = parse_log_line(line);
  const LineParse reference = parse_log_line_reference(line);
  FUZZ_CHECK(parsed.kind == reference.kind && parsed.problem == reference.problem,
             "the fast path and the reference disagree on: " + std::string(line));
  if (parsed.kind == LineParse::Kind::event)
    FUZZ_CHECK(to_event(parsed.event) == to_event(reference.event),
               "the fast path and the reference read different events from: " + std::string(line));

  switch (parsed.kind) {
    case LineParse::Kind::error:
      FUZZ_CHECK(!parsed.problem.empty(), "an error without a problem text");
      return 0;
    case LineParse::Kind::blank: {
      std::string_view body = line;
      if (!body.empty() && body.back() == '\r') body.remove_suffix(1);
      FUZZ_CHECK(body.empty() || body.front() == '#' ||
                     body.find_first_not_of(" \t") == std::string_view::npos,
                 "a line with content was taken for a blank line: " + std::string(line));
      return 0;
    }
    case LineParse::Kind::event:
      break;
  }

  const Event event = to_event(parsed.event);
  const std::string text = format_log_line(event);
  FUZZ_CHECK(!text.empty() && text.back() == '\n', "format_log_line did not end the line");
  FUZZ_CHECK(text.find('\n') == text.size() - 1, "format_log_line wrote more than one line: " + text);
  FUZZ_CHECK(text.find('\r') == std::string::npos, "format_log_line wrote a raw CR: " + text);

  const std::string_view body(text.data(), text.size() - 1);
  const LineParse again = parse_log_line(body);
  FUZZ_CHECK(again.kind == LineParse::Kind::event,
             "the re-serialised line does not parse: " + text + "problem: " + again.problem);
  const Event event_again = to_event(again.event);
  FUZZ_CHECK(event_again == event,
             "round trip changed the event:\n  first:  " + format_log_line(event) + "  second: " + format_log_line(event_again));
  FUZZ_CHECK(format_log_line(event_again) == text, "formatting is not stable: " + text);
  // What the reader takes, the writer's read-back check lets through: an event a journal
  // holds can always be appended again (by an import of an export, say).
  std::string checked;
  try {
    checked = checked_log_line(event);
  } catch (const std::exception& e) {
    FUZZ_CHECK(false, std::string("checked_log_line refused a line the reader took: ") + e.what() + "\n  " + text);
  }
  FUZZ_CHECK(checked == text, "checked_log_line wrote another line: " + checked);
  return 0;
}
