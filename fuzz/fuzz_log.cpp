/// Fuzzes a whole checkins.log through scan_log, the way every command reads it.
///
/// The input is written to a file named checkins.log and scanned. Properties: every error and
/// warning starts "checkins.log:N: " with N a line of the file; and the scan agrees with a
/// simple model built from parse_log_line alone (split at '\n', a BOM dropped from line 1,
/// a torn-write marker or a last line without its newline ignored with a warning): the same
/// events on the same line numbers, the same errors in the same order, the same counts.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/journal/log_file.hpp"
#include "fuzz_check.hpp"

using namespace microstep;

namespace {

constexpr size_t kKeptErrors = 20;  // log_file.cpp keeps the first 20 error texts

const std::filesystem::path& log_path() {
  static const std::filesystem::path path = [] {
    std::string dir = (std::filesystem::temp_directory_path() / "microstep-fuzz-log-XXXXXX").string();
    if (!::mkdtemp(dir.data())) std::abort();
    return std::filesystem::path(dir) / "checkins.log";
  }();
  return path;
}

/// The line number in "checkins.log:N: ...", or 0 when the message has another form.
size_t line_of(const std::string& message) {
  if (!fuzz::starts_with_line_number(message, "checkins.log")) return 0;
  return std::strtoul(message.c_str() + std::string_view("checkins.log:").size(), nullptr, 10);
}

struct Model {
  std::vector<std::pair<size_t, Event>> events;
  std::vector<std::string> errors;  // all of them, in file order
  std::vector<size_t> warning_lines;
  size_t crlf_lines = 0;
  size_t lines = 0;                 // lines in the file, a torn last one included
};

Model model_of(std::string_view bytes) {
  Model m;
  size_t number = 1;
  while (!bytes.empty()) {
    size_t newline = bytes.find('\n');
    if (newline == std::string_view::npos) {  // a last line without its newline
      m.warning_lines.push_back(number);
      m.lines = number;
      break;
    }
    std::string_view line = bytes.substr(0, newline);
    bytes.remove_prefix(newline + 1);
    m.lines = number;
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    if (!line.empty() && line.back() == '\r') ++m.crlf_lines;
    if (line.ends_with(kTornMarker)) {
      m.warning_lines.push_back(number);
    } else {
      LineParse parsed = parse_log_line(line);
      if (parsed.kind == LineParse::Kind::event)
        m.events.emplace_back(number, to_event(parsed.event));
      else if (parsed.kind == LineParse::Kind::error)
        m.errors.push_back("checkins.log:" + std::to_string(number) + ": " + parsed.problem);
    }
    ++number;
  }
  return m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;  // overlong lines are not what this target is about
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  fuzz::write_file(log_path(), bytes);

  std::vector<std::pair<size_t, Event>> events;
  LogDiagnostics diagnostics;
  scan_log(
      log_path(),
      [&](const EventView& view, size_t line) { events.emplace_back(line, to_event(view)); },
      diagnostics);

  const Model model = model_of(bytes);

  for (const auto& error : diagnostics.errors) {
    size_t line = line_of(error);
    FUZZ_CHECK(line >= 1 && line <= model.lines, "an error without a line number of the file: " + error);
  }
  std::vector<size_t> warning_lines;
  for (const auto& warning : diagnostics.warnings) {
    size_t line = line_of(warning);
    FUZZ_CHECK(line >= 1 && line <= model.lines, "a warning without a line number of the file: " + warning);
    warning_lines.push_back(line);
  }

  FUZZ_CHECK(diagnostics.error_count == model.errors.size(),
             "error count " + std::to_string(diagnostics.error_count) + ", model " +
                 std::to_string(model.errors.size()));
  FUZZ_CHECK(diagnostics.errors.size() == std::min(model.errors.size(), kKeptErrors),
             "kept " + std::to_string(diagnostics.errors.size()) + " error texts");
  for (size_t i = 0; i < diagnostics.errors.size(); ++i)
    FUZZ_CHECK(diagnostics.errors[i] == model.errors[i],
               "error " + std::to_string(i) + ": '" + diagnostics.errors[i] + "', model '" +
                   model.errors[i] + "'");
  FUZZ_CHECK(warning_lines == model.warning_lines, "warnings on other lines than the model's");
  FUZZ_CHECK(diagnostics.crlf_lines == model.crlf_lines, "CRLF count differs from the model's");

  FUZZ_CHECK(events.size() == model.events.size(),
             "events " + std::to_string(events.size()) + ", model " + std::to_string(model.events.size()));
  for (size_t i = 0; i < events.size(); ++i) {
    FUZZ_CHECK(events[i].first == model.events[i].first,
               "event " + std::to_string(i) + " on line " + std::to_string(events[i].first) +
                   ", model " + std::to_string(model.events[i].first));
    FUZZ_CHECK(events[i].second == model.events[i].second,
               "event on line " + std::to_string(events[i].first) + " differs from the model's");
  }
  return 0;
}
