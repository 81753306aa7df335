// microstep edit ID: the goal file in $VISUAL/$EDITOR, validated before it replaces the old one.
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cli/commands.hpp"
#include "core/journal/atomic_file.hpp"
#include "core/base/error.hpp"
#include "core/journal/goal_file.hpp"
#include "core/journal/journal_check.hpp"
#include "core/base/regular_file.hpp"
#include "core/base/text_file.hpp"

namespace fs = std::filesystem;

namespace microstep::cli {

namespace {

/// $VISUAL, else $EDITOR, else vi.
std::string editor_command() {
  for (const char* name : {"VISUAL", "EDITOR"})
    if (const char* value = std::getenv(name); value && *value) return value;
  return "vi";
}

/// Runs `editor` on `file` through /bin/sh (so "code -w" works), the terminal handed over;
/// returns its exit status (128 + N when signal N ended it). Like git, microstep itself
/// ignores ^C and ^\ meanwhile: they are the editor's.
int run_editor(const std::string& editor, const fs::path& file) {
  struct sigaction ignore {}, old_int {}, old_quit {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGINT, &ignore, &old_int);
  ::sigaction(SIGQUIT, &ignore, &old_quit);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::sigaction(SIGINT, &old_int, nullptr);
    ::sigaction(SIGQUIT, &old_quit, nullptr);
    std::string script = editor + " \"$1\"";
    ::execl("/bin/sh", "sh", "-c", script.c_str(), "sh", file.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  int waited = -1;
  if (pid > 0)
    do waited = ::waitpid(pid, &status, 0);
    while (waited < 0 && errno == EINTR);
  int saved_errno = errno;
  ::sigaction(SIGINT, &old_int, nullptr);
  ::sigaction(SIGQUIT, &old_quit, nullptr);
  if (pid < 0 || waited < 0)
    throw io_error("cannot run the editor '" + editor + "': " + std::strerror(saved_errno));
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}


/// The copy the person edits, beside the goal file; removed on every path out.
class EditCopy {
 public:
  EditCopy(const fs::path& dir, const std::string& id, std::string_view text) {
    // Hidden (other commands and `check` pass it by) and ending in .yaml (for the editor's syntax).
    std::string name = (dir / ("." + id + ".edit-XXXXXX.yaml")).string();
    int fd = ::mkstemps(name.data(), 5);
    if (fd < 0) throw io_error("cannot create a file in " + dir.string() + ": " + std::strerror(errno));
    path_ = name;
    bool written = true;
    for (size_t done = 0; written && done < text.size();) {
      ssize_t n = ::write(fd, text.data() + done, text.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) written = false;
      else done += static_cast<size_t>(n);
    }
    int saved_errno = errno;
    if (::close(fd) != 0 || !written) {
      std::error_code ec;
      fs::remove(path_, ec);
      throw io_error("cannot write " + path_.string() + ": " + std::strerror(saved_errno));
    }
  }
  ~EditCopy() {
    std::error_code ec;
    fs::remove(path_, ec);
  }
  EditCopy(const EditCopy&) = delete;
  EditCopy& operator=(const EditCopy&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

/// The text the editor left in `copy`, read without following a link: an editor (or a script
/// posing as one) that put a symbolic link, a hard link to another file, a FIFO or a device
/// in its place would otherwise have microstep copy that file into the journal.
std::string read_edited(const fs::path& copy, const std::string& display) {
  const std::string unchanged = "; " + display + " is unchanged";
  Descriptor file{::open(copy.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)};
  if (file.fd < 0 && errno == ELOOP)
    throw data_error("the edited file is now a symbolic link; microstep does not follow it" + unchanged);
  if (file.fd < 0) throw io_error("cannot read the edited file " + copy.string() + ": " + std::strerror(errno) + unchanged);
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) throw io_error("cannot read the edited file " + copy.string() + unchanged);
  if (!S_ISREG(info.st_mode))
    throw data_error("the edited file is now " + file_kind(info.st_mode) + "; microstep reads only a regular file" +
                     unchanged);
  if (info.st_nlink != 1)
    throw data_error("the edited file now has other names (hard links); microstep does not read it" + unchanged);
  return read_descriptor(file.fd, copy);
}

void print_result(Context& context, const std::string& id, const std::string& display, bool changed) {
  if (context.options.json) {
    JsonWriter json;
    json.begin_object().field("id", id).field("file", display).field("changed", changed).end_object();
    context.print_json(json);
    return;
  }
  context.print(changed ? "Saved " + display + ".\n" : display + " unchanged.\n");
}

void run_edit(Context& context, const std::string& prefix) {
  const Journal& journal = context.journal();
  const std::string id = journal.resolve_id(prefix);
  const fs::path path = journal.goal_path(id);
  const std::string display = Journal::goal_display_path(id);
  const std::string original = journal.read_goal_text(id + ".yaml");
  const std::string backup_display = display + ".rejected";
  const fs::path backup = journal.root() / backup_display;

  EditCopy copy(journal.goals_dir(), id, original);
  const std::string editor = editor_command();
  const int status = run_editor(editor, copy.path());
  const std::string edited = read_edited(copy.path(), display);
  const bool changed = edited != original;

  // Whatever goes wrong from here, the person's text is kept and the goal file is left alone.
  auto keep_text = [&]() {
    // As private as the goal file: the text is the person's, and may be theirs alone.
    struct stat goal_file {};
    std::optional<mode_t> mode;
    if (::stat(path.c_str(), &goal_file) == 0) mode = goal_file.st_mode & 0666;
    write_file_atomically(backup, edited, mode);
    return "your text is kept in " + backup.string() + "; the goal file " + path.string() + " is unchanged";
  };
  if (status != 0) {
    std::string what = "the editor '" + editor + "' exited with status " + std::to_string(status);
    if (changed) throw io_error(what + "; " + keep_text());
    throw io_error(what + "; " + display + " is unchanged");
  }
  if (!changed) {
    print_result(context, id, display, false);
    return;
  }
  GoalTextCheck check = check_goal_text(edited, id, backup_display);
  if (!check.accepted) {
    std::string message = "the edited goal is not valid:\n";
    for (const auto& p : check.problems) message += format_problem(p) + "\n";
    throw data_error(message + keep_text());
  }
  {
    const JournalLock lock = journal.lock();  // from the comparison to the rename
    if (journal.read_goal_text(id + ".yaml") != original)
      throw data_error(display + " was changed by something else while you edited it; " + keep_text());
    for (const auto& p : check.problems) context.warn(display + ":" + std::to_string(p.line) + ": " + p.problem);
    save_goal_file(path, edited);
    context.committed("edit " + id);
  }
  print_result(context, id, display, true);
}

}  // namespace

void setup_edit(CLI::App& app, Context& context) {
  auto prefix = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("edit", "Edit a goal file in $VISUAL or $EDITOR; an invalid result is refused");
  cmd->add_option("ID", *prefix, "Goal id or a unique prefix")->required();
  cmd->callback([&context, prefix] { run_edit(context, *prefix); });
}

}  // namespace microstep::cli
