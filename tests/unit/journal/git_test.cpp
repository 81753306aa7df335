/// Tests of core/journal/git: the git operations a journal needs, run on real repositories in
/// temporary directories (git is installed with the build dependencies).
#include "core/journal/git.hpp"

#include <doctest/doctest.h>

#include <stdlib.h>

#include <cstdio>
#include <optional>
#include <string>

#include "core/base/error.hpp"
#include "unit/temp_dir.hpp"

namespace microstep {

namespace {

/// What `git -C dir args` prints on standard output.
std::string git_output(const test::TempDir& dir, const std::string& args) {
  std::string command = "git -C '" + dir.path.string() + "' " + args + " 2>/dev/null";
  std::string out;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[256];
    while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    ::pclose(pipe);
  }
  return out;
}

/// Sets an environment variable for the length of a test, then puts back what was there.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("git: init makes a work tree of a plain directory") {
  test::TempDir dir;
  CHECK_FALSE(inside_git_work_tree(dir.path));
  git_init(dir.path);
  CHECK(inside_git_work_tree(dir.path));
  CHECK(inside_git_work_tree(dir.path / "."));
}

TEST_CASE("git: commit stages and commits the paths named - and only those") {
  // No identity anywhere, as on a fresh CI box or in cron: microstep's own is used.
  ScopedEnv global("GIT_CONFIG_GLOBAL", "/dev/null"), system("GIT_CONFIG_NOSYSTEM", "1");
  test::TempDir dir;
  git_init(dir.path);
  dir.write("checkins.log", "a line\n");
  dir.write("goals/floss.yaml", "id: floss\n");
  dir.write("notes.txt", "not the journal's\n");
  git_commit(dir.path, {"checkins.log", "goals"}, "done floss 2026-11-22");
  CHECK(git_output(dir, "log --format=%s") == "done floss 2026-11-22\n");
  CHECK(git_output(dir, "log --format=%an") == "microstep\n");
  CHECK(git_output(dir, "show --name-only --format=") == "checkins.log\ngoals/floss.yaml\n");
  CHECK(git_output(dir, "status --porcelain") == "?? notes.txt\n");

  SUBCASE("nothing changed: no empty commit, no error") {
    git_commit(dir.path, {"checkins.log"}, "again");
    CHECK(git_output(dir, "rev-list --count HEAD") == "1\n");
  }
  SUBCASE("a removed goal file is committed as removed") {
    std::filesystem::remove(dir.path / "goals/floss.yaml");
    git_commit(dir.path, {"goals"}, "remove floss");
    CHECK(git_output(dir, "show --name-status --format=") == "D\tgoals/floss.yaml\n");
  }
}

TEST_CASE("git: a commit outside a repository fails with git's own words") {
  test::TempDir dir;
  dir.write("checkins.log", "a line\n");
  try {
    git_commit(dir.path, {"checkins.log"}, "done");
    FAIL("no failure");
  } catch (const Failure& f) {
    CHECK(f.code() == ExitCode::io);
    CHECK(std::string(f.what()).starts_with("git add failed: "));
    CHECK(std::string(f.what()).find("not a git repository") != std::string::npos);
  }
}

}  // namespace microstep
