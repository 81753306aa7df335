// Which commands main builds: only the one the command line names. Building all of them, with
// their options, took more instructions than a whole C++ hello world (1.1 million, callgrind:
// 0.24 ms of CPU time of `today`'s 1.23), paid by every command.
#include <CLI/CLI.hpp>

#include <iterator>

#include "cli/command_names.hpp"
#include "cli/commands.hpp"

namespace microstep::cli {

static_assert(std::size(kCommandNames) == std::size(kCommands), "a command without its names in command_names.hpp");

namespace {

/// The command word of the line: its first argument that is neither an option of `app` nor
/// the value of one; "--version" when that comes first, as no command is then needed. Nothing
/// for a line that asks for help, or that holds an option `app` does not know (CLI11 then
/// says what is wrong, with every command built).
std::string_view command_word(const CLI::App& app, int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (!arg.starts_with("-")) return arg;
    if (arg == "--") return {};
    const std::string name(arg.substr(0, arg.find('=')));
    const CLI::Option* option = app.get_option_no_throw(name);
    if (name == "--version") return arg;
    if (!option || name == "-h" || name == "--help") return {};
    if (name.size() == arg.size() && option->get_items_expected_min() > 0) ++i;  // its value
  }
  return {};
}

}  // namespace

void setup_commands(CLI::App& app, Context& context, int argc, const char* const* argv) {
  const std::string_view word = command_word(app, argc, argv);
  if (word == "--version") return;  // printed while parsing, before any command is looked for
  const bool help = word == "help";  // help COMMAND prints the other commands' help
  for (size_t c = 0; c < std::size(kCommands); ++c)
    for (std::string_view name : kCommandNames[c])
      if (!help && !name.empty() && name == word) {
        kCommands[c](app, context);
        return;
      }
  for (auto setup : kCommands) setup(app, context);  // --help, or no command: all of them
}

}  // namespace microstep::cli
