// microstep help [COMMAND]: the help of the whole program, or of one command.
#include "cli/commands.hpp"
#include "cli/usage.hpp"
#include "core/base/error.hpp"

namespace microstep::cli {

void setup_help(CLI::App& app, Context& context) {
  auto name = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("help", "The help of microstep, or of one command");
  cmd->add_option("COMMAND", *name,
                  "The command to explain (default: all, with the global options)");
  cmd->callback([&app, &context, name] {
    // app.help() would print the help of the command being run (this one): ask the formatter.
    auto formatter = app.get_formatter();
    if (name->empty())
      return context.print(formatter->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal));
    for (const CLI::App* command : app.get_subcommands({}))
      if (command->check_name(*name))
        return context.print(formatter->make_help(
            command, app.get_name() + " " + command->get_name(), CLI::AppFormatMode::Normal));
    throw usage_error(unknown_command_message(app, *name));
  });
}

}  // namespace microstep::cli
