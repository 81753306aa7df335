#pragma once
/// Reminders that stay gentle (seed 003: "gentle and encouraging, not demanding or
/// guilt-inducing"): a goal is reminded from its own at: time, or from the journal's
/// remind_from, at most once a day (or again after a chosen time), and never once it is done.
/// What `remind` said is kept in a small state file outside the journal, safe to delete.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/judge/coach_rules.hpp"
#include "core/model/day.hpp"
#include "core/model/goal.hpp"
#include "core/model/moment.hpp"
#include "core/journal/settings.hpp"

namespace microstep {

/// The time of day from which `goal` may be reminded: its at: time, else remind_from. A bad
/// at: is a data Failure naming the goal file.
std::chrono::minutes reminder_time(const Goal& goal, const Settings& settings);

/// Has the goal's reminder time come by `now` (in the journal day settings.day_starts_at
/// begins)?
bool reminder_due(const Goal& goal, const Settings& settings, const Moment& now);

/// Where remind keeps its state: $XDG_STATE_HOME, else $HOME/.local/state (the values given,
/// each used only when it is an absolute path); nothing when neither is, so that no state
/// is ever written to a path relative to wherever remind runs.
std::optional<std::filesystem::path> state_home(const char* xdg_state_home, const char* home);

/// One reminder said: the journal day, the goal, the moment.
struct SaidReminder {
  Day day;
  std::string goal;
  Moment at;
  bool operator==(const SaidReminder&) const = default;
};

/// The state file's text, one reminder a line: "DAY\tGOAL\tMOMENT". A line that does not
/// read is left out: the file is a memo, not a record, and rewritten on every remind.
std::vector<SaidReminder> parse_said(std::string_view text);
std::string render_said(const std::vector<SaidReminder>& said);

/// Should `goal` be reminded now, given what was said? Not when it was said today already
/// (by default), or less than `again_after` ago (with one).
bool may_remind(const std::vector<SaidReminder>& said, const std::string& goal, Day today, const Moment& now,
                std::optional<std::chrono::minutes> again_after);

/// What the state file keeps after this run: today's reminders, with `now_said` added.
std::vector<SaidReminder> said_after(const std::vector<SaidReminder>& said, const std::vector<std::string>& now_said,
                                     Day today, const Moment& now);

}  // namespace microstep
