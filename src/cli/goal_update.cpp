#include "cli/goal_update.hpp"

#include "core/base/error.hpp"
#include "core/journal/goal_file.hpp"

namespace microstep::cli {

void write_new_goal(Context& context, const JournalLock&, const Goal& goal) {
  const Journal& journal = context.journal();
  std::error_code ec;
  std::filesystem::create_directories(journal.goals_dir(), ec);
  save_goal_file(journal.goal_path(goal.id), checked_new_goal_text(goal));
  context.committed("add " + goal.id);
}

void update_goal_file(Context& context, const JournalLock&, const Goal& old_goal, const Goal& new_goal,
                      const std::string& verb) {
  const Journal& journal = context.journal();
  auto path = journal.goal_path(old_goal.id);
  std::string display = Journal::goal_display_path(old_goal.id);
  std::string text = journal.read_goal_text(old_goal.id + ".yaml");
  // Under the lock no microstep command changes the file between the read of old_goal and
  // this one; a person or another tool still may. The edit of old_goal's lines would then
  // not read back as new_goal: say what happened rather than blame the file's layout.
  if (!(parse_goal_text(text, display) == old_goal))
    throw io_error(display + " was changed by something else while this command ran; nothing written (run the "
                   "command again)");
  save_goal_file(path, rewrite_goal_text(text, old_goal, new_goal, display));
  context.committed(verb + " " + new_goal.id + " " + format_day(new_goal.since));
}

}  // namespace microstep::cli
