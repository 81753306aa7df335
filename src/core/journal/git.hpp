#pragma once
/// The few git operations a journal needs: `init --git` and the `git: {commit: true}` setting.
/// Runs the git binary (no shell); its output is kept, and shown only in a failure.
#include <filesystem>
#include <string>
#include <vector>

namespace microstep {

/// Is `dir` inside a git work tree?
bool inside_git_work_tree(const std::filesystem::path& dir);

/// `git init` in `dir`.
void git_init(const std::filesystem::path& dir);

/// Stages `paths` (relative to `dir`) and commits them with `message`; nothing to commit is fine.
/// Failures are io Failures with git's own words.
void git_commit(const std::filesystem::path& dir, const std::vector<std::string>& paths,
                const std::string& message);

}  // namespace microstep
