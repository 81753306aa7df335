#pragma once
/// Rewriting a goal file: as text, so comments and hand-written keys survive.
#include "cli/context.hpp"
#include "core/model/goal.hpp"

namespace microstep::cli {

/// Writes a new goal's file (goals/ID.yaml, which must not exist yet) atomically; with git
/// commits on, commits it as "add ID". What `add` and `plan` share.
void write_new_goal(Context& context, const JournalLock& lock, const Goal& goal);

/// Reads the goal file again, edits it from `old_goal` to `new_goal` and writes it atomically;
/// refuses (and leaves the file as it was) when the edit cannot be made safely, or when the
/// file no longer holds `old_goal`. `lock` must have been held since `old_goal` was read:
/// then no other command can have changed the file meanwhile. With git commits on, the
/// change is committed as "VERB ID DAY".
void update_goal_file(Context& context, const JournalLock& lock, const Goal& old_goal, const Goal& new_goal,
                      const std::string& verb);

}  // namespace microstep::cli
