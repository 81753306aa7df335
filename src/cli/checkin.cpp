#include "cli/checkin.hpp"

#include "core/base/error.hpp"
#include "core/base/escape.hpp"

namespace microstep::cli {

Appended append_checkin(Context& context, EventKind kind, const CheckinRequest& request,
                        const std::function<void(const Goal&, Day)>& check) {
  const Journal& journal = context.journal();
  const JournalLock lock = journal.lock();  // from the reads the check-in is judged by to its append
  Goal goal = journal.load_goal(journal.resolve_id(request.goal_prefix));
  const Clock& clock = context.clock();
  Day day = request.date ? context.date_arg("--date", *request.date) : clock.today;
  if (day > clock.today)
    throw usage_error("--date " + format_day(day) + " is in the future (today is " +
                      format_day(clock.today) + ")");
  if (day < goal.started)
    throw usage_error("--date " + format_day(day) + " is before " + goal.id + " started (" +
                      format_day(goal.started) + ")");
  for (const auto* text : {&request.note, &request.truth}) {
    if (!is_valid_utf8(*text)) throw usage_error("--note and --truth must be valid UTF-8 text");
    if (text->size() > 65536) throw usage_error("--note and --truth are limited to 64 KiB");
  }
  if (check) check(goal, day);
  Event event{day, clock.now, kind, goal.id, request.amount, request.note, request.truth};
  if (request.mood) {
    // One write for both lines: the check-in and how the person feels with it.
    lock.append({event, Event{day, clock.now, EventKind::mood, "", static_cast<double>(*request.mood), "", ""}});
  } else {
    lock.append({event});
  }
  context.committed(std::string(to_string(kind)) + " " + goal.id + " " + format_day(day));
  return {std::move(goal), std::move(event)};
}

int mood_arg(const std::string& option, const std::string& text) {
  if (text.size() != 1 || text[0] < '0' + kMoodLow || text[0] > '0' + kMoodHigh)
    throw usage_error(option + " '" + text + "' is not a mood from 1 (low) to 5 (high)");
  return text[0] - '0';
}

Event append_mood(Context& context, int mood, const std::string& note, const std::optional<std::string>& date) {
  const Journal& journal = context.journal();
  const Clock& clock = context.clock();
  Day day = date ? context.date_arg("--date", *date) : clock.today;
  if (day > clock.today)
    throw usage_error("--date " + format_day(day) + " is in the future (today is " + format_day(clock.today) + ")");
  if (!is_valid_utf8(note)) throw usage_error("--note must be valid UTF-8 text");
  if (note.size() > 65536) throw usage_error("--note is limited to 64 KiB");
  Event event{day, clock.now, EventKind::mood, "", static_cast<double>(mood), note, ""};
  append_event(journal.log_path(), event);
  context.committed("mood " + format_day(day));
  return event;
}

DayMarks read_goal_marks(Context& context, const Goal& goal) {
  LogDiagnostics diagnostics;
  auto marks = context.journal().read_marks({goal}, diagnostics);
  context.report(diagnostics);
  return std::move(marks.at(goal.id));
}

std::pair<DayMarks, DayMarks> read_goal_marks(Context& context, const Goal& goal, const Event& checkin) {
  LogDiagnostics diagnostics;
  auto marks = context.journal().read_goal_marks(goal, checkin, diagnostics);
  context.report(diagnostics);
  return marks;
}

}  // namespace microstep::cli
