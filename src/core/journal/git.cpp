#include "core/journal/git.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>

#include "core/base/error.hpp"

extern char** environ;

namespace microstep {

namespace {

struct GitRun {
  int status = -1;
  std::string output;
};

/// Runs `git -C dir args...` with stdin from /dev/null and stdout+stderr captured.
GitRun run_git(const std::filesystem::path& dir, std::vector<std::string> args) {
  args.insert(args.begin(), {"git", "-C", dir.string()});
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw io_error("cannot run git: " + std::string(std::strerror(errno)));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
  pid_t pid = 0;
  int spawn_error = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  GitRun result;
  if (spawn_error != 0) {
    ::close(pipe_fds[0]);
    throw io_error("cannot run git (is it installed?): " + std::string(std::strerror(spawn_error)));
  }
  char buffer[4096];
  for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    result.output.append(buffer, static_cast<size_t>(n));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

void require_success(const GitRun& run, const std::string& what) {
  if (run.status != 0) throw io_error(what + " failed: " + run.output);
}

}  // namespace

bool inside_git_work_tree(const std::filesystem::path& dir) {
  GitRun run = run_git(dir, {"rev-parse", "--is-inside-work-tree"});
  return run.status == 0 && run.output.starts_with("true");
}

void git_init(const std::filesystem::path& dir) { require_success(run_git(dir, {"init", "-q"}), "git init"); }

void git_commit(const std::filesystem::path& dir, const std::vector<std::string>& paths,
                const std::string& message) {
  std::vector<std::string> add{"add", "-A", "--"};
  add.insert(add.end(), paths.begin(), paths.end());
  require_success(run_git(dir, add), "git add");
  std::vector<std::string> staged{"diff", "--cached", "--quiet", "--"};
  staged.insert(staged.end(), paths.begin(), paths.end());
  if (run_git(dir, staged).status == 0) return;  // nothing changed
  // A machine with no git identity (a fresh CI box, cron) still gets its commits.
  std::vector<std::string> commit;
  if (run_git(dir, {"config", "user.email"}).status != 0)
    commit = {"-c", "user.name=microstep", "-c", "user.email=microstep@localhost"};
  commit.insert(commit.end(), {"commit", "-q", "-m", message, "--"});
  commit.insert(commit.end(), paths.begin(), paths.end());
  require_success(run_git(dir, commit), "git commit");
}

}  // namespace microstep
