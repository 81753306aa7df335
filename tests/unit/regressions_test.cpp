/// Regression tests for bugs the fuzz targets (fuzz/) found: each input is the minimal
/// reproducer of a crash or a broken property, kept here so the normal suite guards it.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/base/content_hash.hpp"
#include "core/base/error.hpp"
#include "core/model/goal_change.hpp"
#include "core/journal/goal_file.hpp"
#include "core/journal/log_line.hpp"
#include "core/journal/settings.hpp"
#include "core/journal/yaml_text.hpp"

namespace microstep {

namespace {

/// The exit code of the Failure `action` throws, or nothing when it throws none.
template <typename Action>
std::optional<ExitCode> failure_code(Action action, std::string& message) {
  try {
    action();
  } catch (const Failure& f) {
    message = f.what();
    return f.code();
  }
  return std::nullopt;
}

}  // namespace

// fuzz_goal_file: yaml-cpp reads a last line without a colon ("sin") as a key with no value,
// so the file parses; `set` appended since: and history: after it, the edited text no longer
// parsed, and the data error named line 5 of a text that was never written (exit 3 for a
// journal that is fine). Editing must refuse (a usage Failure) and leave the file as it is.
TEST_CASE("rewrite_goal_text refuses a file ending in a bare word instead of failing on its own text") {
  const std::string text = "id: since\nstep: Read\nstarted: 2026-11-10\nsin\n";
  const Goal goal = parse_goal_text(text, "goals/since.yaml");
  CHECK(goal.step == "Read");

  StepChange change;
  change.step = "Write two sentences";
  const Goal edited = apply_step_change(goal, change, goal.since + date::days{1});
  std::string message;
  auto code = failure_code([&] { rewrite_goal_text(text, goal, edited, "goals/since.yaml"); }, message);
  CAPTURE(message);
  REQUIRE(code.has_value());
  CHECK(*code == ExitCode::usage);
  CHECK(message.starts_with("goals/since.yaml: cannot rewrite"));
}

// fuzz_goal_file: yaml_scalar wrote "Call Mum &Dad" plain, and load_yaml_mapping (whose scan
// of the text took any "&x" after a space for an anchor) then refused the very file microstep
// had written: `add --step "Call Mum &Dad"` made a goal that could never be read again. Texts
// with '&' or '*' are now written double-quoted, and a rendered goal always reads back.
TEST_CASE("a step with &name or *name in it survives render_new_goal and reads back") {
  for (const std::string step : {"Call Mum &Dad", "Read *one* page", "a,&b", "x'y &b", "Tom&Jerry"}) {
    CAPTURE(step);
    const std::string text = "id: amp\nstep: \"" + step + "\"\nstarted: 2026-11-01\n";
    const Goal goal = parse_goal_text(text, "goals/amp.yaml");
    CHECK(goal.step == step);
    const std::string rendered = render_new_goal(goal);
    CAPTURE(rendered);
    std::string message;
    std::optional<Goal> again;
    auto code = failure_code([&] { again = parse_goal_text(rendered, "goals/amp.yaml"); }, message);
    CAPTURE(message);
    REQUIRE_FALSE(code.has_value());
    CHECK(*again == goal);
    CHECK(yaml_scalar(step).front() == '"');
  }
}

// fuzz_settings: the scan of the text that refuses anchors and aliases missed an anchor right
// after a byte-order mark, and everything after a quote opened inside a plain scalar, so an
// alias could be used after all. The parser's own events now find them.
TEST_CASE("anchors and aliases are refused after a BOM and after a quote in a plain scalar") {
  for (const std::string& text : {std::string("\xEF\xBB\xBF&;\ncelebrat#ons:"),
                                 std::string("x: a \"b\ny: &a [hi, yo]\ncelebrations: *a\n")}) {
    CAPTURE(text);
    std::string message;
    auto code = failure_code([&] { parse_settings_text(text, "microstep.yaml"); }, message);
    CAPTURE(message);
    REQUIRE(code.has_value());
    CHECK(*code == ExitCode::data);
    CHECK(message.find("anchors and aliases") != std::string::npos);
    CHECK(message.starts_with("microstep.yaml:"));
  }
  // The line named is the anchor's.
  std::string message;
  failure_code([&] { parse_settings_text("week_starts: mon\nx: a \"b\ny: &a [hi]\n", "m.yaml"); }, message);
  CHECK(message.starts_with("m.yaml:3: anchors and aliases"));
  // And a '&' or '*' inside a plain text is no anchor: a hand-written step keeps it.
  const Goal goal = parse_goal_text("id: amp\nstep: Call Mum &Dad *now*\nstarted: 2026-11-01\n", "g.yaml");
  CHECK(goal.step == "Call Mum &Dad *now*");
}

// fuzz_log_line: a line that ends just after the tab following its written moment made the
// fast path read the byte past its end, looking for the event's first letter (the sanitizer
// saw it; a std::string hides it behind its terminating NUL, so the line sits in a buffer of
// exactly its size here).
TEST_CASE("the fast path reads no byte past a line that ends after its written moment") {
  const std::string text = "2026-11-01\t2026-11-01T07:40:00+01:00\t";
  const std::vector<char> bytes(text.begin(), text.end());
  const std::string_view line(bytes.data(), bytes.size());
  EventView view;
  CHECK_FALSE(parse_written_log_line(line, view));
  LineParse parsed = parse_log_line(line);
  REQUIRE(parsed.kind == LineParse::Kind::error);
  CHECK(parsed.problem == parse_log_line_reference(line).problem);
}

// fuzz_log: an amount of 20 digits overflowed the whole number the fast path builds (undefined
// behaviour, which UBSan reported); only the first 9 digits are added up now, and a longer
// amount goes to the full parser, which refuses it as too large.
TEST_CASE("an amount of many digits is refused as too large without overflowing") {
  const std::string line = "2026-10-26\t2026-10-26T07:40:00+01:00\tdone\twrite-a-novel\t"
                           "33333333333333333333333\t";
  LineParse parsed = parse_log_line(line);
  REQUIRE(parsed.kind == LineParse::Kind::error);
  CHECK(parsed.problem.starts_with("amount '33333333333333333333333' is not a number"));
  // Nine digits are still read on the fast path, and ten on the long way.
  const std::string head = "2026-10-26\t2026-10-26T07:40:00+01:00\tdone\twrite-a-novel\t";
  EventView view;
  REQUIRE(parse_written_log_line(head + "333333333\t", view));
  CHECK(view.amount == 333333333.0);
  CHECK_FALSE(parse_written_log_line(head + "0333333333\t", view));
  CHECK(parse_log_line(head + "0333333333\t").event.amount == 333333333.0);
}

// fuzz_log_cache: a goal with no big amount hashed its empty list of them, and
// ContentHash::update copied 0 bytes from the empty vector's null data() (undefined
// behaviour, which UBSan reported). An empty update now returns at once.
TEST_CASE("hashing no bytes, from a null pointer, changes nothing") {
  const std::vector<double> none;
  ContentHash hash;
  hash.update("abc");
  const std::uint64_t before = hash.digest();
  hash.update(std::string_view(reinterpret_cast<const char*>(none.data()), 0));
  CHECK(hash.digest() == before);
  CHECK(hash.digest() == hash_bytes("abc"));
}

// fuzz_goal_file: a step written "Say \"hi\"\tto a neighbour\N" was read as text ending in the
// single byte 0x85 (yaml-cpp's reading of \N), and render_new_goal wrote that byte into a file
// microstep then refused as not UTF-8. Such a text is now refused where it is read.
TEST_CASE("a goal file whose escapes read as a byte that is not UTF-8 is refused at its line") {
  const std::string text =
      "id: quotes\nstep: \"Say \\\"hi\\\"\\tto a neighbour\\N\"\ngoal: 'It''s time'\n"
      "started: 2026-11-01\nfeeling: \"yes\"\n";
  CHECK_THROWS_WITH_AS(parse_goal_text(text, "goals/quotes.yaml"),
                       doctest::Contains("goals/quotes.yaml:2: not valid UTF-8 once its escapes are read"), Failure);
}

}  // namespace microstep
