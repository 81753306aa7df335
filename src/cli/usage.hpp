#pragma once
/// What the command line says when it is not understood: the short usage, and the nearest
/// command or option to a mistyped one.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace microstep::cli {

/// The commands, one line each, and where to read more: what `microstep` alone prints.
std::string short_usage(const CLI::App& app);

/// The command `args` name (the first word that is not an option or an option's value), or
/// nothing when they name none.
std::optional<std::string> command_word(const CLI::App& app, const std::vector<std::string>& args);

/// When `args` hold an unknown command or option, the message that names it and the nearest
/// known one ("unknown command 'stast'; did you mean 'stats'?"), and where to read more.
std::optional<std::string> unknown_word_message(const CLI::App& app,
                                                const std::vector<std::string>& args);

/// "unknown command 'X'; did you mean 'Y'?" (without the hint when nothing is near), followed
/// by a line that says where the commands are listed (no final newline, as every message).
std::string unknown_command_message(const CLI::App& app, const std::string& word);

}  // namespace microstep::cli
