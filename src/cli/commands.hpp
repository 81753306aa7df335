#pragma once
/// The table of commands: one file per verb in src/cli/cmd_<verb>.cpp.
#include "cli/context.hpp"

namespace microstep::cli {

void setup_init(CLI::App& app, Context& context);
void setup_add(CLI::App& app, Context& context);
void setup_done(CLI::App& app, Context& context);
void setup_skip(CLI::App& app, Context& context);
void setup_undo(CLI::App& app, Context& context);
void setup_pause(CLI::App& app, Context& context);
void setup_list(CLI::App& app, Context& context);
void setup_today(CLI::App& app, Context& context);
void setup_stats(CLI::App& app, Context& context);
void setup_calendar(CLI::App& app, Context& context);
void setup_chart(CLI::App& app, Context& context);
void setup_set(CLI::App& app, Context& context);
void setup_suggest(CLI::App& app, Context& context);
void setup_resize(CLI::App& app, Context& context);
void setup_review(CLI::App& app, Context& context);
void setup_due(CLI::App& app, Context& context);
void setup_evidence(CLI::App& app, Context& context);
void setup_log(CLI::App& app, Context& context);
void setup_import(CLI::App& app, Context& context);
void setup_export(CLI::App& app, Context& context);
void setup_edit(CLI::App& app, Context& context);
void setup_check(CLI::App& app, Context& context);
void setup_share(CLI::App& app, Context& context);
void setup_mood(CLI::App& app, Context& context);
void setup_plan(CLI::App& app, Context& context);
void setup_help(CLI::App& app, Context& context);

/// In the order `microstep --help` lists them.
inline constexpr CommandSetup kCommands[] = {
    setup_init,  setup_plan, setup_add,  setup_done,  setup_mood,  setup_skip,     setup_undo, setup_pause,
    setup_list,  setup_today, setup_stats, setup_calendar, setup_chart, setup_set,  setup_suggest,
    setup_resize, setup_review, setup_share, setup_due, setup_evidence, setup_log, setup_import, setup_export,
    setup_edit, setup_check, setup_help,
};

/// Sets up the commands of kCommands on `app`: the one the line names, else all of them.
void setup_commands(CLI::App& app, Context& context, int argc, const char* const* argv);

}  // namespace microstep::cli
