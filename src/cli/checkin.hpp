#pragma once
/// Shared by done, skip, undo, pause and resume: validate, then append one event to the log.
#include <optional>
#include <string>

#include "cli/context.hpp"
#include "core/model/event.hpp"
#include "core/model/goal.hpp"

namespace microstep::cli {

struct CheckinRequest {
  std::string goal_prefix;
  std::optional<std::string> date;  ///< DATE argument; default today
  std::optional<double> amount;
  std::string note;
  std::string truth;
  std::optional<int> mood;  ///< done --mood: a mood line written with the check-in
};

/// The goal and the event as appended.
struct Appended {
  Goal goal;
  Event event;
};

/// Resolves the goal, checks the day (not in the future, not before the goal started)
/// and appends the event. `check` may refuse the event after the goal is known.
Appended append_checkin(Context& context, EventKind kind, const CheckinRequest& request,
                        const std::function<void(const Goal&, Day)>& check = {});

/// A mood (1 to 5) from a --mood or `mood` argument; a usage Failure naming the option otherwise.
int mood_arg(const std::string& option, const std::string& text);

/// Appends a mood line for `date` (default today), with a note; the event as appended.
Event append_mood(Context& context, int mood, const std::string& note, const std::optional<std::string>& date);

/// Resolved check-ins of one goal, with the log's warnings printed.
DayMarks read_goal_marks(Context& context, const Goal& goal);

/// The goal's marks with `checkin` (now in the log), and as they were without it, from the
/// same pass, with the log's warnings printed.
std::pair<DayMarks, DayMarks> read_goal_marks(Context& context, const Goal& goal, const Event& checkin);

}  // namespace microstep::cli
