#include "cli/context.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/standard_streams.hpp"
#include "core/base/amount.hpp"
#include "core/base/error.hpp"
#include "core/base/escape.hpp"
#include "core/journal/git.hpp"
#include "core/base/wrap.hpp"

namespace microstep::cli {

std::filesystem::path Context::journal_root() const {
  std::error_code ec;
  auto cwd = std::filesystem::current_path(ec);
  return locate_journal(options.dir, cwd);
}

const Journal& Context::journal() {
  if (!journal_) {
    journal_.emplace(Journal::open(journal_root()));
    if (prepare_journal) prepare_journal(*journal_);
  }
  return *journal_;
}

void Context::settle_clock() {
  if (clock_) return;
  // Which day a moment belongs to is the journal's to say (day_starts_at): open it first, when
  // there is one. Without a journal (init), or with a microstep.yaml the command will refuse
  // (check reports it and goes on), the day starts at midnight.
  std::chrono::minutes day_starts_at{0};
  try {
    day_starts_at = journal().settings().day_starts_at;
  } catch (const Failure&) {
  }
  std::optional<LocalZone> zone;
  clock_ = resolve_clock(options.today, options.now, day_starts_at, [&]() -> const LocalZone& {
    if (!zone) zone.emplace(LocalZone::from_environment());
    return *zone;
  });
}

const Clock& Context::clock() {
  settle_clock();
  return *clock_;
}

Day Context::date_arg(const std::string& option, const std::string& text) {
  auto day = parse_date_arg(text, clock().today);
  if (!day)
    throw usage_error(option + " '" + text +
                      "' is not a date (expected YYYY-MM-DD, today, yesterday or -N for N days ago)");
  return *day;
}

double Context::number_arg(const std::string& option, const std::string& text) {
  auto value = parse_amount(text);
  if (!value) throw usage_error(option + " '" + text + "' is not " + kAmountRule);
  return *value;
}

const std::string& Context::text_arg(const std::string& option, const std::string& text) {
  if (!is_valid_utf8(text)) throw usage_error(option + " is not valid UTF-8 text");
  return text;
}

void Context::committed(const std::string& message) {
  const Journal& j = journal();
  if (!j.settings().git_commit) return;
  // The change is in the journal already: a command that wrote says so and succeeds.
  try {
    git_commit(j.root(), {"."}, message);
  } catch (const Failure& failure) {
    warn(std::string("written, but not committed to git: ") + failure.what());
  }
}

bool Context::color() const {
  if (options.color == "always") return true;
  if (options.color == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return ::isatty(STDOUT_FILENO);
}

std::string Context::paint(std::string_view code, std::string_view text) const {
  if (!color()) return std::string(text);
  return "\033[" + std::string(code) + "m" + std::string(text) + "\033[0m";
}

void Context::report(const LogDiagnostics& diagnostics) const {
  for (const auto& w : diagnostics.warnings) warn(w);
  throw_if_errors(diagnostics);
}

void Context::warn(const std::string& message) const {
  std::cerr << "microstep: warning: " << message << "\n";
}

void Context::print(const std::string& text) const { write_standard_output(text); }

void Context::print_wrapped(const std::string& text, size_t hang) const {
  print(wrap_text(text, width(), hang));
}

size_t Context::width() const {
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    long n = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && n > 0 && n <= 100000) return static_cast<size_t>(n);
  }
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

}  // namespace microstep::cli
