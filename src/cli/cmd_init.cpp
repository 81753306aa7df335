// microstep init [DIR]: create a journal, or add what is missing to one.
#include <filesystem>
#include <fstream>

#include "cli/commands.hpp"
#include "core/journal/atomic_file.hpp"
#include "core/base/error.hpp"
#include "core/journal/git.hpp"
#include "core/journal/settings.hpp"

namespace fs = std::filesystem;

namespace microstep::cli {

namespace {

/// Files of writes under way, or left by interrupted ones: never part of the journal.
constexpr const char* kJournalGitignore =
    "# Files of microstep's writes under way, or left by interrupted ones (see microstep(5)).\n"
    ".*.tmp-*\n"
    ".*.edit-*.yaml\n"
    "/goals/.import.tmp/\n";

struct InitOptions {
  std::string dir;
  bool git = false;
};

void run_init(Context& context, const InitOptions& options) {
  fs::path root = options.dir.empty() ? context.journal_root() : fs::path(options.dir);
  std::vector<std::string> created;
  std::error_code ec;
  fs::create_directories(root / "goals", ec);
  if (ec) throw io_error("cannot create " + (root / "goals").string() + ": " + ec.message());
  auto write_if_missing = [&](const std::string& name, const std::string& content) {
    if (fs::exists(root / name, ec)) return;
    write_file_atomically(root / name, content);
    created.push_back(name);
  };
  write_if_missing("microstep.yaml", default_settings_text());
  write_if_missing("checkins.log", "");
  write_if_missing(".gitattributes",
                   "# Check-ins from two machines merge without conflicts.\n"
                   "checkins.log merge=union\n");
  write_if_missing(".gitignore", kJournalGitignore);
  bool committed = false;
  if (options.git) {
    if (!inside_git_work_tree(root)) {
      git_init(root);
      created.push_back(".git");
    }
    git_commit(root, {"."},
               "init microstep journal");
    committed = true;
  }
  if (context.options.json) {
    JsonWriter json;
    json.begin_object().field("journal", root.string()).key("created").begin_array();
    for (const auto& name : created) json.value(name);
    json.end_array().field("git", committed).end_object();
    context.print_json(json);
    return;
  }
  if (created.empty())
    context.print("The journal in " + root.string() + " is complete; nothing to do.\n");
  else
    context.print("Created a journal in " + root.string() +
                  ".\nNext: microstep add ID \"one tiny step\" --after \"a habit you already have\"\n");
}

}  // namespace

void setup_init(CLI::App& app, Context& context) {
  auto options = std::make_shared<InitOptions>();
  auto* cmd = app.add_subcommand("init", "Create a journal (goals/, checkins.log, microstep.yaml)");
  cmd->add_option("DIR", options->dir, "Where to create it (default: the journal in use)");
  cmd->add_flag("--git", options->git, "Also git init (unless already in a repository) and commit");
  cmd->callback([&context, options] { run_init(context, *options); });
}

}  // namespace microstep::cli
