#pragma once
/// What every command shares: the global options, the journal, the clock and the output.
#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>

#include "core/model/clock.hpp"
#include "core/journal/journal.hpp"
#include "core/render/json_writer.hpp"

namespace microstep::cli {

struct GlobalOptions {
  std::optional<std::string> dir;
  std::optional<std::string> today;
  std::optional<std::string> now;
  bool json = false;
  bool no_cache = false;
  std::string color = "auto";
};

class Context {
 public:
  GlobalOptions options;

  /// The journal in use, opened on first use (a missing journal is an error saying how to create one).
  const Journal& journal();
  /// Called once on the journal when it is opened, before it is read (main puts the caches in
  /// place with it; the commands never see them).
  std::function<void(Journal&)> prepare_journal;
  /// Where the journal is (without opening it).
  std::filesystem::path journal_root() const;
  /// Today and now, pinned by --today/--now or read from the system clock in $TZ, and settled
  /// by the journal's day_starts_at: the same value for every command, whatever it asks first.
  const Clock& clock();
  /// Settles the clock (main() does it once the command line is parsed, before any command).
  void settle_clock();
  /// A DATE argument relative to today; a usage Failure naming the option otherwise.
  Day date_arg(const std::string& option, const std::string& text);
  /// A number argument (an amount, minutes); a usage Failure naming the option otherwise.
  static double number_arg(const std::string& option, const std::string& text);
  /// A text argument that goes into the journal, as it is; a usage Failure naming the option
  /// when it is not valid UTF-8 (journal files are UTF-8, and so is every JSON output).
  static const std::string& text_arg(const std::string& option, const std::string& text);

  /// After a command wrote to the journal: with `git: {commit: true}`, commit the change. A
  /// commit that fails is a warning: the change is written.
  void committed(const std::string& message);

  bool color() const;
  /// Wraps text in an ANSI color when color is on ("32" green, "1" bold...).
  std::string paint(std::string_view code, std::string_view text) const;

  /// Prints the log's warnings to stderr and throws when it had errors.
  void report(const LogDiagnostics& diagnostics) const;
  void warn(const std::string& message) const;
  void print(const std::string& text) const;
  /// Prose (coaching, celebrations; not tables, logs or data) fitted to width(): long lines
  /// broken at spaces, continued with their indentation plus `hang` spaces (see wrap_text).
  void print_wrapped(const std::string& text, size_t hang = 2) const;
  /// The columns text output fits in: $COLUMNS when a positive number, else the width of the
  /// terminal on standard output, else 80.
  size_t width() const;
  void print_json(const JsonWriter& json) const { print(json.str()); }

 private:
  std::optional<Journal> journal_;
  std::optional<Clock> clock_;
};

/// Each command file defines one of these; main() calls them all.
using CommandSetup = void (*)(CLI::App& app, Context& context);

}  // namespace microstep::cli
