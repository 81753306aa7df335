// microstep check: every problem in the journal, one `file:line: problem` per line.
#include "cli/commands.hpp"
#include "core/base/wording.hpp"
#include "core/base/error.hpp"
#include "core/journal/journal_check.hpp"

namespace microstep::cli {

namespace {

void run_check(Context& context) {
  // Open the journal for its day start (today's date depends on it); a bad microstep.yaml
  // is one of the problems check reports, so it does not stop here.
  try {
    context.journal();
  } catch (const Failure& failure) {
    if (failure.code() != ExitCode::data) throw;
  }
  JournalCheck check = check_journal(context.journal_root(), context.clock().today);
  const bool clean = check.problems.empty();
  if (context.options.json) {
    JsonWriter json;
    json.begin_object()
        .field("clean", clean)
        .field("goals", static_cast<long>(check.goals))
        .field("checkins", static_cast<long>(check.checkins))
        .key("problems")
        .begin_array();
    for (const auto& p : check.problems)
      json.begin_object()
          .field("file", p.file)
          .field("line", static_cast<long>(p.line))
          .field("problem", p.problem)
          .end_object();
    json.end_array().end_object();
    context.print_json(json);
    if (!clean) throw Failure(ExitCode::data, "");
    return;
  }
  if (clean) {
    context.print("journal OK: " + count_with_unit(static_cast<long>(check.goals), "goal") + ", " +
                  count_with_unit(static_cast<long>(check.checkins), "check-in") + "\n");
    return;
  }
  std::string out;
  for (const auto& p : check.problems) out += format_problem(p) + "\n";
  context.print(out);
  size_t n = check.problems.size();
  throw data_error(count_with_unit(static_cast<long>(n), "problem") +
                   " found (microstep never rewrites the log itself: fix or remove the lines; "
                   "goal files with `microstep edit ID`)");
}

}  // namespace

void setup_check(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand("check", "Check the whole journal and report every problem (exit 3 if any)");
  cmd->callback([&context] { run_check(context); });
}

}  // namespace microstep::cli
