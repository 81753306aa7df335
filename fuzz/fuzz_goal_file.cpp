/// Fuzzes a goal file, goals/ID.yaml: parse_goal_text, render_new_goal and rewrite_goal_text;
/// and the goal cache's encoding of a goal (encode_goal, decode_goal).
///
/// Properties:
///  - parsing either gives a goal or throws a data Failure "goals/fuzz.yaml:LINE: ..."; no
///    other exception (yaml-cpp's, std's) escapes;
///  - a document with an anchor or an alias is never accepted (no "billion laughs");
///  - a parsed goal keeps its rules (valid id, a step, since not before started, history in
///    order and before since);
///  - the text render_new_goal writes for it parses back to the same goal;
///  - it encodes for the goal cache and decodes back to the same goal (every field kept);
///  - the input's bytes, read as an encoded goal, give no goal or one that encodes to them;
///  - editing the file text the way `set` and `pause` do either refuses with a usage Failure
///    or gives a text that parses to the edited goal.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <typeinfo>

#include "core/base/error.hpp"
#include "core/cache/goal_cache.hpp"
#include "core/model/goal_change.hpp"
#include "core/journal/goal_file.hpp"
#include "core/model/goal_id.hpp"
#include "fuzz_check.hpp"
#include "yaml_events.hpp"

using namespace microstep;

namespace {

const std::string kPath = "goals/fuzz.yaml";

std::string exception_text(const std::exception& e) {
  return std::string(typeid(e).name()) + ": " + e.what();
}

/// Runs `parse`, checking that a failure is a data Failure with a line number.
template <typename Parse>
std::optional<Goal> parse_checked(Parse parse, const std::string& what) {
  try {
    return parse();
  } catch (const Failure& f) {
    FUZZ_CHECK(f.code() == ExitCode::data, what + ": a failure that is not a data error: " + f.what());
    FUZZ_CHECK(fuzz::starts_with_line_number(f.what(), kPath),
               what + ": an error without " + kPath + ":LINE: " + f.what());
    return std::nullopt;
  } catch (const std::exception& e) {
    fuzz::fail(__FILE__, __LINE__, "only microstep::Failure escapes", what + ": " + exception_text(e));
  } catch (...) {
    fuzz::fail(__FILE__, __LINE__, "only microstep::Failure escapes", what + ": a non-std exception");
  }
}

void check_rules(const Goal& goal) {
  FUZZ_CHECK(is_valid_goal_id(goal.id), "invalid id accepted: " + goal.id);
  FUZZ_CHECK(!goal.step.empty(), "a goal without a step accepted");
  FUZZ_CHECK(goal.since >= goal.started, "since before started accepted");
  for (size_t i = 0; i < goal.history.size(); ++i) {
    FUZZ_CHECK(goal.history[i].from < goal.since, "a history entry not before since accepted");
    FUZZ_CHECK(i == 0 || goal.history[i - 1].from <= goal.history[i].from,
               "history out of order accepted");
  }
}

/// Edits `text` from `goal` to `edited`: a refusal is fine, anything else must be exact.
void check_rewrite(std::string_view text, const Goal& goal, const Goal& edited, const std::string& what) {
  std::string out;
  try {
    out = rewrite_goal_text(text, goal, edited, kPath);
  } catch (const Failure& f) {
    FUZZ_CHECK(f.code() == ExitCode::usage,
               what + ": rewrite failed with other than a refusal: " + f.what() +
                   "\n--- file ---\n" + std::string(text));
    return;
  } catch (const std::exception& e) {
    fuzz::fail(__FILE__, __LINE__, "only microstep::Failure escapes", what + ": " + exception_text(e));
  }
  auto again = parse_checked([&] { return parse_goal_text(out, kPath); }, what);
  FUZZ_CHECK(again.has_value(), what + ": the rewritten text does not parse:\n" + out);
  FUZZ_CHECK(*again == edited, what + ": the rewritten text gives another goal:\n" + out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto decoded = decode_goal(text))
    FUZZ_CHECK(encode_goal(*decoded) == text, "decode_goal accepted bytes that encode otherwise");
  auto goal = parse_checked([&] { return parse_goal_text(text, kPath); }, "parse");
  if (!goal) return 0;
  FUZZ_CHECK(decode_goal(encode_goal(*goal)) == *goal, "the goal cache's encoding lost or changed a field");
  if (auto line = fuzz::first_anchor_or_alias(text))
    fuzz::fail(__FILE__, __LINE__, "anchors and aliases are refused",
               "accepted an anchor or alias on line " + std::to_string(*line));
  check_rules(*goal);

  const std::string rendered = render_new_goal(*goal);
  auto reread = parse_checked([&] { return parse_goal_text(rendered, kPath); }, "render");
  FUZZ_CHECK(reread.has_value(), "render_new_goal wrote a text that does not parse:\n" + rendered);
  FUZZ_CHECK(*reread == *goal, "render_new_goal wrote a text that gives another goal:\n" + rendered);

  // `set --step` from the day after the current version (the old version goes to history).
  if (goal->since < Day{date::year{9999} / 12 / 31}) {
    StepChange change;
    change.step = "Write two sentences";
    change.minimum = 2;
    change.after = "I lock the door: \"twice\" # really";
    change.schedule_text = "Every 3 Days";
    check_rewrite(text, *goal, apply_step_change(*goal, change, goal->since + date::days{1}), "set");
  }
  // `pause`: one scalar field edited in place; `unit` set or changed as well.
  Goal paused = *goal;
  paused.status = goal->status == GoalStatus::paused ? GoalStatus::active : GoalStatus::paused;
  paused.unit = goal->unit == "pages" ? "" : "pages";
  check_rewrite(text, *goal, paused, "pause");
  return 0;
}
