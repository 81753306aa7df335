// microstep: builds the command line, runs one command, maps failures to exit codes.
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/standard_streams.hpp"
#include "cli/usage.hpp"
#include "core/base/error.hpp"
#include "core/cache/caches.hpp"

int main(int argc, char** argv) {
  using namespace microstep;
  // Past a file-size limit (ulimit -f), write(2) should fail with EFBIG and be reported,
  // not kill the process half-way.
  std::signal(SIGXFSZ, SIG_IGN);
  cli::Context context;
  CLI::App app{"microstep: change your life one ridiculously small step at a time"};
  app.name("microstep");
  app.set_version_flag("--version", std::string("microstep ") + MICROSTEP_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  auto& o = context.options;
  app.add_option("--dir", o.dir, "The journal directory (default: $MICROSTEP_DIR, the nearest "
                                 "directory with microstep.yaml, or ~/.local/share/microstep)");
  app.add_flag("--json", o.json, "Print the stable JSON form (see microstep(1), JSON OUTPUT)");
  app.add_flag("--no-cache", o.no_cache, "Read the whole log and every goal file, without the caches (see microstep(1), FILES)");
  app.add_option("--color", o.color, "Color: auto, always or never (auto honours NO_COLOR)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--today", o.today, "Pin today's date, YYYY-MM-DD")->envname("MICROSTEP_TODAY");
  app.add_option("--now", o.now, "Pin the current moment, YYYY-MM-DDTHH:MM[:SS][+HH:MM]")
      ->envname("MICROSTEP_NOW");
  // The caches are put in place here, where the program is assembled: the commands read the
  // journal the same way with them or without them (--no-cache).
  context.prepare_journal = [&o](Journal& journal) {
    if (o.no_cache) return;
    if (auto home = cache_home(std::getenv("XDG_CACHE_HOME"), std::getenv("HOME"))) use_caches(journal, *home);
  };
  cli::setup_commands(app, context, argc, argv);
  // Once the command line is read and before any command runs: one today for every command.
  app.parse_complete_callback([&context] { context.settle_clock(); });

  try {
    cli::open_standard_streams();
    app.parse(argc, argv);
    return cli::finish_standard_output(0);
  } catch (const CLI::CallForHelp& e) {
    return cli::finish_standard_output(app.exit(e));
  } catch (const CLI::CallForAllHelp& e) {
    return cli::finish_standard_output(app.exit(e));
  } catch (const CLI::CallForVersion& e) {
    return cli::finish_standard_output(app.exit(e));
  } catch (const CLI::ParseError& e) {
    // CLI11's own words ("A subcommand is required", "The following arguments were not
    // expected") name neither the mistake nor the fix: say what was not understood first.
    std::vector<std::string> args(argv + 1, argv + argc);
    if (auto message = cli::unknown_word_message(app, args)) {
      std::cerr << "microstep: " << *message << "\n";
    } else if (auto command = cli::command_word(app, args)) {
      std::cerr << "microstep: " << e.what() << "\n"
                << "Run 'microstep help " << *command << "' for its arguments and options.\n";
    } else {
      std::cerr << cli::short_usage(app);
    }
    return static_cast<int>(ExitCode::usage);
  } catch (const Failure& e) {
    if (*e.what()) std::cerr << "microstep: " << e.what() << "\n";
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "microstep: " << e.what() << "\n";
    return static_cast<int>(ExitCode::io);
  }
}
