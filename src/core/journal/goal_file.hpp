#pragma once
/// Goal files, goals/ID.yaml: reading, writing a new one, and editing one as text so that
/// comments and keys a person wrote by hand survive.
#include <filesystem>
#include <string>
#include <string_view>

#include "core/model/goal.hpp"

namespace microstep {

/// Parses a goal file; every problem is a data Failure "display_path:LINE: ...".
Goal parse_goal_text(std::string_view text, const std::string& display_path);

/// The text of a new goal file.
std::string render_new_goal(const Goal& goal);

/// render_new_goal, checked to read back as `goal` before anything is written: a usage
/// Failure otherwise. What `add` and `import` write.
std::string checked_new_goal_text(const Goal& goal);

/// The file text after changing `old_goal` into `new_goal`: changed fields are edited on their
/// own lines, new history entries appended. The result is parsed again and must give
/// `new_goal`; when a field cannot be edited safely (a block or flow value, a repeated key),
/// a usage Failure says so and nothing is written.
std::string rewrite_goal_text(std::string_view old_text, const Goal& old_goal, const Goal& new_goal,
                              const std::string& display_path);

/// Writes a goal file atomically, then removes the temporary files that interrupted writes
/// of it left. Under the journal's lock: no other write of it can be under way.
void save_goal_file(const std::filesystem::path& path, std::string_view text);

}  // namespace microstep
