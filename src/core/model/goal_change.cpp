#include "core/model/goal_change.hpp"

#include "core/base/error.hpp"

namespace microstep {

Goal apply_step_change(const Goal& goal, const StepChange& change, Day from) {
  if (from < goal.since)
    throw usage_error("changes apply forward only: --from " + format_day(from) +
                      " is before the current version of " + goal.id + " took effect (" +
                      format_day(goal.since) + ")");
  Goal next = goal;
  if (from > goal.since) next.history.push_back(goal.current());
  next.since = from;
  if (change.step) next.step = *change.step;
  if (change.after) next.after = *change.after;
  if (change.minimum) next.minimum = change.minimum;
  if (change.schedule_text) {
    auto schedule = parse_schedule(*change.schedule_text);
    if (!schedule)
      throw usage_error("schedule '" + *change.schedule_text + "' is not valid; use " + kScheduleRule);
    next.schedule_text = *change.schedule_text;
    next.schedule = *schedule;
  }
  return next;
}

}  // namespace microstep
