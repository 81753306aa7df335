#include "cli/harness.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#ifndef MICROSTEP_BINARY
#error "MICROSTEP_BINARY must name the binary under test"
#endif

namespace microstep::test {

namespace fs = std::filesystem;

namespace {

/// HOME for runs without a journal: a path that never exists, so nothing can be written there.
constexpr const char* kNoHome = "/nonexistent/microstep-test-home";

/// Variables passed through from the test's own environment, when set.
constexpr const char* kInherited[] = {"PATH",         "TMPDIR",        "HOME",
                                      "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"};

std::string errno_text(const std::string& what) { return what + ": " + std::strerror(errno); }

/// The child's environment: a small fixed base, then the caller's changes, in order.
std::map<std::string, std::string> build_env(const RunOptions& options) {
  std::map<std::string, std::string> env;
  for (const char* name : kInherited)
    if (const char* value = std::getenv(name)) env[name] = value;
  if (!env.count("PATH")) env["PATH"] = "/usr/local/bin:/usr/bin:/bin";
  env["TZ"] = "UTC";
  env["LC_ALL"] = "C.UTF-8";
  for (const auto& [name, value] : options.env) {
    if (value == kUnset)
      env.erase(name);
    else
      env[name] = value;
  }
  for (const auto& name : options.unset_env) env.erase(name);
  return env;
}

/// The file execve should run: `program` itself if it has a slash, else the first match on PATH.
std::string resolve_program(const std::string& program, const std::string& path_var) {
  if (program.find('/') != std::string::npos) return program;
  std::stringstream dirs(path_var);
  for (std::string dir; std::getline(dirs, dir, ':');) {
    std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

/// Closes a descriptor once and marks it closed.
void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

/// A pipe whose ends are not inherited by other children we start.
void make_pipe(int fds[2]) {
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(errno_text("pipe2"));
}

/// In the child after fork: only async-signal-safe calls from here on.
[[noreturn]] void exec_child(int in_fd, int out_fd, int err_fd, const char* cwd, const char* file,
                             char* const argv[], char* const envp[]) {
  ::setpgid(0, 0);  // its own group, so a timeout can kill grandchildren too
  ::signal(SIGPIPE, SIG_DFL);  // the parent ignores SIGPIPE; the child must not inherit that
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  if (::dup2(in_fd, 0) < 0 || ::dup2(out_fd, 1) < 0 || ::dup2(err_fd, 2) < 0) ::_exit(127);
  const char* failed = nullptr;
  if (cwd && ::chdir(cwd) != 0)
    failed = "harness: cannot chdir to the requested cwd\n";
  else
    ::execve(file, argv, envp);
  if (!failed) failed = "harness: execve failed\n";
  ssize_t ignored = ::write(2, failed, std::strlen(failed));
  (void)ignored;
  ::_exit(127);
}

/// Turns a waitpid status into an exit code (128 + signal when killed).
int exit_code_of(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const RunOptions& options) {
  // Writing stdin to a child that already exited must be an error, not our death.
  static const bool sigpipe_ignored = (::signal(SIGPIPE, SIG_IGN), true);
  (void)sigpipe_ignored;

  auto env = build_env(options);
  std::string file = resolve_program(program, env.count("PATH") ? env["PATH"] : "");
  if (file.empty()) return {127, "", "harness: " + program + " not found on PATH\n"};

  // Everything the child needs is built before fork: it may only make async-signal-safe calls.
  std::vector<std::string> env_strings;
  for (const auto& [name, value] : env) env_strings.push_back(name + "=" + value);
  std::vector<char*> argv, envp;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  int in[2], out[2], err[2];
  make_pipe(in);
  make_pipe(out);
  make_pipe(err);
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(errno_text("fork"));
  if (pid == 0)
    exec_child(in[0], out[1], err[1], options.cwd.empty() ? nullptr : options.cwd.c_str(),
               file.c_str(), argv.data(), envp.data());
  ::setpgid(pid, pid);  // also from here, so the group exists before any kill below
  close_fd(in[0]);
  close_fd(out[1]);
  close_fd(err[1]);
  int to_child = in[1], from_out = out[0], from_err = err[0];
  ::fcntl(to_child, F_SETFL, O_NONBLOCK);  // a child that reads slowly must not block us
  if (options.stdin_text.empty()) close_fd(to_child);

  RunResult result;
  size_t written = 0;
  bool timed_out = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds);
  while (from_out >= 0 || from_err >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd fds[3];
    nfds_t n = 0;
    int* owners[3];
    for (int* fd : {&from_out, &from_err, &to_child}) {
      if (*fd < 0) continue;
      fds[n] = {*fd, static_cast<short>(fd == &to_child ? POLLOUT : POLLIN), 0};
      owners[n++] = fd;
    }
    int ready = ::poll(fds, n, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) throw std::runtime_error(errno_text("poll"));
    for (nfds_t i = 0; i < n; ++i) {
      if (!fds[i].revents) continue;
      int& fd = *owners[i];
      if (&fd == &to_child) {
        ssize_t w = ::write(fd, options.stdin_text.data() + written,
                            options.stdin_text.size() - written);
        if (w > 0) written += static_cast<size_t>(w);
        if ((w < 0 && errno != EAGAIN && errno != EINTR) || written == options.stdin_text.size())
          close_fd(fd);  // done, or the child closed its end (EPIPE)
        continue;
      }
      char buf[65536];
      ssize_t r = ::read(fd, buf, sizeof buf);
      if (r > 0)
        (&fd == &from_out ? result.out : result.err).append(buf, static_cast<size_t>(r));
      else if (r == 0 || (errno != EINTR && errno != EAGAIN))
        close_fd(fd);
    }
  }
  close_fd(to_child);
  close_fd(from_out);
  close_fd(from_err);
  if (timed_out) {
    ::kill(-pid, SIGKILL);
    ::kill(pid, SIGKILL);
  }

  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) throw std::runtime_error(errno_text("waitpid"));
  if (timed_out) {
    result.exit_code = -1;
    result.err = "harness: " + program + " timed out after " +
                 std::to_string(options.timeout_seconds) + "s; its stderr so far:\n" + result.err;
    return result;
  }
  result.exit_code = exit_code_of(status);
  return result;
}

RunResult run_microstep(const std::vector<std::string>& args, const RunOptions& options) {
  RunOptions o = options;
  o.env.insert(o.env.begin(), {"HOME", kNoHome});
  return run_program(MICROSTEP_BINARY, args, o);
}

TempJournal::TempJournal() {
  const char* tmp = std::getenv("TMPDIR");
  std::string base = tmp && *tmp ? tmp : "/tmp";
  std::string pattern = base + "/microstep-test-XXXXXX";
  if (!::mkdtemp(pattern.data())) throw std::runtime_error(errno_text("mkdtemp " + pattern));
  // Absolute and free of symlinks, so it compares equal to what getcwd() says in a child.
  path_ = fs::canonical(pattern).string();
}

TempJournal::~TempJournal() {
  std::error_code ignored;  // a destructor must not throw; a leftover temp dir is harmless
  // Tests of I/O failures may leave read-only directories behind; make them removable first.
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ignored);
  for (auto it = fs::recursive_directory_iterator(path_, ignored);
       it != fs::recursive_directory_iterator(); it.increment(ignored)) {
    if (it->is_directory(ignored) && !it->is_symlink(ignored))
      fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ignored);
    if (ignored) break;
  }
  fs::remove_all(path_, ignored);
}

std::string TempJournal::file(const std::string& relpath) const { return path_ + "/" + relpath; }

void TempJournal::write(const std::string& relpath, const std::string& content) const {
  fs::path target = file(relpath);
  fs::create_directories(target.parent_path());
  write_file(target.string(), content);
}

std::string TempJournal::read(const std::string& relpath) const { return read_file(file(relpath)); }

bool TempJournal::exists(const std::string& relpath) const {
  std::error_code ec;
  return fs::exists(fs::symlink_status(file(relpath), ec));
}

RunOptions TempJournal::with_journal_env(const RunOptions& options) const {
  RunOptions o = options;
  // Put first so that the caller's own env entries override them.
  std::vector<std::pair<std::string, std::string>> env{{"MICROSTEP_DIR", path_},
                                                       {"HOME", path_ + "/home"}};
  env.insert(env.end(), o.env.begin(), o.env.end());
  o.env = std::move(env);
  if (o.cwd.empty()) o.cwd = path_;
  return o;
}

RunResult TempJournal::run(const std::vector<std::string>& args, const RunOptions& options) const {
  return test::run_program(MICROSTEP_BINARY, args, with_journal_env(options));
}

RunResult TempJournal::run_program(const std::string& program,
                                   const std::vector<std::string>& args,
                                   const RunOptions& options) const {
  return test::run_program(program, args, with_journal_env(options));
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw std::runtime_error("cannot read " + path);
  return content.str();
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path);
}

void copy_examples(const TempJournal& j) {
  const std::string examples = std::string(MICROSTEP_SOURCE_DIR) + "/examples/journal/";
  for (const char* file : {"microstep.yaml", "checkins.log", "goals/floss.yaml", "goals/guitar.yaml",
                           "goals/run.yaml", "goals/write-novel.yaml"})
    j.write(file, read_file(examples + file));
}

std::vector<std::string> subcommands() {
  RunResult help = run_microstep({"--help"});
  auto at = help.out.find("Subcommands:\n");
  if (help.exit_code != 0 || at == std::string::npos) throw std::runtime_error("microstep --help lists no subcommands");
  std::vector<std::string> names;
  for (const auto& line : lines_of(help.out.substr(at + 13))) {
    std::istringstream words(line);
    std::string name;
    if (line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ' && words >> name) names.push_back(name);
  }
  if (names.size() < 10) throw std::runtime_error("microstep --help lists fewer than 10 subcommands");
  return names;
}

std::vector<std::string> long_options(const std::string& command) {
  RunResult help = run_microstep({command, "--help"});
  if (help.exit_code != 0) throw std::runtime_error("microstep " + command + " --help failed");
  std::vector<std::string> options;
  for (const auto& line : lines_of(help.out)) {
    // Option lines: "  -q,--quiet   Print nothing", "  --weeks INT:INT in [1 - 520]".
    auto start = line.find_first_not_of(' ');
    if (start == std::string::npos || line[start] != '-') continue;
    std::istringstream names(line.substr(start, line.find(' ', start) - start));
    std::string option;
    while (std::getline(names, option, ','))
      if (option.rfind("--", 0) == 0 && option != "--help") options.push_back(option);
  }
  return options;
}

}  // namespace microstep::test
