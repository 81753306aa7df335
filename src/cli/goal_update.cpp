#include "cli/goal_update.hpp"

#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/goal_file.hpp"

namespace microstep::cli {

void update_goal_file(Context& context, const Goal& old_goal, const Goal& new_goal,
                      const std::string& verb) {
  const Journal& journal = context.journal();
  auto path = journal.goal_path(old_goal.id);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw io_error("cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  std::string display = Journal::goal_display_path(old_goal.id);
  save_goal_file(path, rewrite_goal_text(text.str(), old_goal, new_goal, display));
  context.committed(verb + " " + new_goal.id + " " + format_day(new_goal.since));
}

}  // namespace microstep::cli
