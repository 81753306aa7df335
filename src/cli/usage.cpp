#include "cli/usage.hpp"

#include <algorithm>

#include "core/base/nearest.hpp"

namespace microstep::cli {

namespace {

std::vector<const CLI::App*> commands_of(const CLI::App& app) { return app.get_subcommands({}); }

const CLI::App* find_command(const CLI::App& app, const std::string& name) {
  for (const CLI::App* command : commands_of(app))
    if (command->check_name(name)) return command;
  return nullptr;
}

/// An option word: "-x" or "--name", not a negative number ("-3" is a value: three days ago).
bool is_option_word(const std::string& arg) {
  return arg.size() > 1 && arg[0] == '-' && !(arg[1] >= '0' && arg[1] <= '9');
}

/// The option a word names, in the command or (after it, by fallthrough) among the global ones.
const CLI::Option* find_option(const CLI::App& app, const CLI::App* command,
                               const std::string& name) {
  if (command)
    if (const CLI::Option* o = command->get_option_no_throw(name)) return o;
  return app.get_option_no_throw(name);
}

/// Long names of the options of `scope`, as typed: "--every".
void add_long_names(const CLI::App& scope, std::vector<std::string>& names) {
  for (const CLI::Option* o : scope.get_options({}))
    for (const auto& name : o->get_lnames()) names.push_back("--" + name);
}

/// Words people type for an option that has another name, too far from it for a typo: the
/// goal file's field `schedule:` is set by `--every`.
std::optional<std::string> synonym_of(const std::string& word,
                                      const std::vector<std::string>& names) {
  static const std::pair<const char*, const char*> kSynonyms[] = {{"--schedule", "--every"}};
  for (const auto& [typed, meant] : kSynonyms)
    if (word == typed && std::find(names.begin(), names.end(), meant) != names.end()) return meant;
  return std::nullopt;
}

std::string unknown_option_message(const CLI::App& app, const CLI::App* command,
                                   const std::string& word) {
  std::vector<std::string> names;
  if (command) add_long_names(*command, names);
  add_long_names(app, names);
  auto meant = synonym_of(word, names);
  if (!meant && word.starts_with("--")) {
    std::vector<std::string> bare;
    for (const auto& n : names) bare.push_back(n.substr(2));
    if (auto near = nearest_name(word.substr(2), bare)) meant = "--" + *near;
  }
  std::string text = "unknown option '" + word + "'";
  if (meant) text += "; did you mean '" + *meant + "'?";
  std::string where = command ? "microstep help " + command->get_name() : "microstep --help";
  return text + "\nRun '" + where + "' for " + (command ? "its" : "the") + " options.";
}

/// The words of `args` up to "--", each with the option or command it names (or none).
template <typename OnOption, typename OnWord>
void scan(const CLI::App& app, const std::vector<std::string>& args, OnOption on_option,
          OnWord on_word) {
  const CLI::App* command = nullptr;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") return;
    if (is_option_word(arg)) {
      std::string name = arg.substr(0, arg.find('='));
      const CLI::Option* option = find_option(app, command, name);
      if (!on_option(command, name, option)) return;
      bool value_follows =
          option && option->get_items_expected_max() > 0 && name.size() == arg.size();
      if (value_follows) ++i;
    } else if (!command) {
      command = find_command(app, arg);
      if (!on_word(arg, command)) return;
    }
  }
}

}  // namespace

std::string short_usage(const CLI::App& app) {
  size_t width = 0;
  for (const CLI::App* c : commands_of(app)) width = std::max(width, c->get_name().size());
  std::string text = "Usage: microstep [OPTIONS] COMMAND [ARGUMENTS]\n\nCommands:\n";
  for (const CLI::App* c : commands_of(app))
    text += "  " + c->get_name() + std::string(width + 2 - c->get_name().size(), ' ') +
            c->get_description() + "\n";
  return text +
         "\nMore: 'microstep help COMMAND' (its arguments and options), 'microstep --help'\n"
         "(the global options too) and 'man microstep' (everything).\n";
}

std::optional<std::string> command_word(const CLI::App& app, const std::vector<std::string>& args) {
  std::optional<std::string> found;
  scan(
      app, args, [](auto, auto&, auto) { return true; },
      [&](const std::string& word, const CLI::App*) {
        found = word;
        return false;
      });
  return found;
}

std::string unknown_command_message(const CLI::App& app, const std::string& word) {
  std::vector<std::string> names;
  for (const CLI::App* c : commands_of(app)) names.push_back(c->get_name());
  std::string text = "unknown command '" + word + "'";
  if (auto meant = nearest_name(word, names)) text += "; did you mean '" + *meant + "'?";
  return text + "\nRun 'microstep help' for the commands.";
}

std::optional<std::string> unknown_word_message(const CLI::App& app,
                                                const std::vector<std::string>& args) {
  std::optional<std::string> message;
  scan(
      app, args,
      [&](const CLI::App* command, const std::string& name, const CLI::Option* option) {
        if (!option) message = unknown_option_message(app, command, name);
        return !message;
      },
      [&](const std::string& word, const CLI::App* command) {
        if (!command) message = unknown_command_message(app, word);
        return !message;
      });
  return message;
}

}  // namespace microstep::cli
