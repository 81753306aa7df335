#include "cli/goal_update.hpp"

#include "core/error.hpp"
#include "core/goal_file.hpp"
#include "core/text_file.hpp"

namespace microstep::cli {

void write_new_goal(Context& context, const Goal& goal) {
  const Journal& journal = context.journal();
  std::error_code ec;
  std::filesystem::create_directories(journal.goals_dir(), ec);
  save_goal_file(journal.goal_path(goal.id), render_new_goal(goal));
  context.committed("add " + goal.id);
}

void update_goal_file(Context& context, const Goal& old_goal, const Goal& new_goal,
                      const std::string& verb) {
  const Journal& journal = context.journal();
  auto path = journal.goal_path(old_goal.id);
  std::string display = Journal::goal_display_path(old_goal.id);
  save_goal_file(path, rewrite_goal_text(read_text_file(path), old_goal, new_goal, display));
  context.committed(verb + " " + new_goal.id + " " + format_day(new_goal.since));
}

}  // namespace microstep::cli
