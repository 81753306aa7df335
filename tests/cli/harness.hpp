#pragma once
/// End-to-end test harness: runs the real binary (or another tool) in a clean environment,
/// with no shell in between, and captures its exit code, stdout and stderr. POSIX only.
#include <string>
#include <utility>
#include <vector>

namespace microstep::test {

/// What a finished run left behind.
struct RunResult {
  int exit_code = 0;  ///< the exit status; 128 + signal if killed; -1 if it timed out
  std::string out;    ///< everything written to stdout
  std::string err;    ///< everything written to stderr (or the harness's own complaint)
};

/// An env value that removes the variable instead of setting it.
inline constexpr const char* kUnset = "\x01unset";

/// How to run a program.
struct RunOptions {
  std::string stdin_text{};  ///< fed to stdin, then closed (empty: stdin is at EOF at once)
  /// Variables added or overridden after the defaults; the value kUnset removes one.
  std::vector<std::pair<std::string, std::string>> env{};
  std::vector<std::string> unset_env{};  ///< variables removed after `env` is applied
  std::string cwd{};                     ///< working directory; empty: the runner's default
  int timeout_seconds = 20;              ///< the child (and its process group) is killed after this
};

/// Runs `program` (a path, or a name looked up on PATH) with `args`. The environment is built
/// from scratch: PATH, TMPDIR and sanitizer options are inherited, HOME is inherited,
/// TZ=UTC and LC_ALL=C.UTF-8; then `options.env` and `options.unset_env` apply.
RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const RunOptions& options = {});

/// Runs MICROSTEP_BINARY with no journal: like run_program, but HOME points at a directory
/// that does not exist, so a stray default journal can never touch the real home.
RunResult run_microstep(const std::vector<std::string>& args, const RunOptions& options = {});

/// A fresh journal directory for one test, removed with everything in it on destruction.
class TempJournal {
 public:
  /// Creates the directory with mkdtemp under $TMPDIR (or /tmp); throws if that fails.
  TempJournal();
  ~TempJournal();
  TempJournal(const TempJournal&) = delete;
  TempJournal& operator=(const TempJournal&) = delete;

  /// The directory's absolute path.
  const std::string& path() const { return path_; }
  /// path() + "/" + relpath.
  std::string file(const std::string& relpath) const;
  /// Writes a file below the directory, creating its parent directories.
  void write(const std::string& relpath, const std::string& content) const;
  /// Reads a file below the directory; throws if it cannot be read.
  std::string read(const std::string& relpath) const;
  /// Does a file or directory exist below the directory?
  bool exists(const std::string& relpath) const;

  /// Runs MICROSTEP_BINARY with MICROSTEP_DIR=path(), HOME=path()/home (not created),
  /// TZ=UTC, LC_ALL=C.UTF-8, and NO_COLOR, MICROSTEP_TODAY, MICROSTEP_NOW and XDG_DATA_HOME
  /// unset unless `options.env` sets them. Nothing is added to `args`. The default cwd is
  /// path(), so relative output files land in the directory and are cleaned up with it.
  RunResult run(const std::vector<std::string>& args, const RunOptions& options = {}) const;
  /// Runs another tool (git, sh...) with the same environment and default cwd as run().
  RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                        const RunOptions& options = {}) const;

 private:
  std::string path_;
  RunOptions with_journal_env(const RunOptions& options) const;
};

/// Copies examples/journal (its settings, log and goal files) into `j`.
void copy_examples(const TempJournal& j);

/// The subcommands `microstep --help` lists; throws std::runtime_error when it lists none.
std::vector<std::string> subcommands();
/// The long options ("--quiet") a command's --help lists, --help itself left out.
std::vector<std::string> long_options(const std::string& command);

/// Splits text into lines; a final newline does not make an extra empty line.
std::vector<std::string> lines_of(const std::string& text);
/// The whole content of a file; throws std::runtime_error naming the path on failure.
std::string read_file(const std::string& path);
/// Writes (replaces) a file; throws std::runtime_error naming the path on failure.
void write_file(const std::string& path, const std::string& content);

}  // namespace microstep::test
