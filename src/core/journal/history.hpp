#pragma once
/// The events of the check-in log as `microstep log` shows them: filtered, in order, once each.
///
/// The log may be out of order (backfills) and may hold identical lines twice (a git union
/// merge); the history depends only on the set of lines, never on their order in the file.
#include <set>
#include <string>
#include <vector>

#include "core/model/event.hpp"
#include "core/journal/journal.hpp"

namespace microstep {

/// Which events to show.
struct HistoryFilter {
  std::set<std::string, std::less<>> ids;  ///< goal ids; empty: every goal, and unknown ids too
  Day since = Day::min();                  ///< first day shown
  Day until = Day::max();                  ///< last day shown
};

/// Throws a usage Failure when since lies after until.
void check_history_filter(const HistoryFilter& filter);

/// Orders events by the day they count for, then by the moment written, then by their other
/// fields (so the order is total), and keeps identical events once.
std::vector<Event> order_history(std::vector<Event> events);

/// Reads the journal's log through the filter and orders the result with order_history().
std::vector<Event> read_history(const Journal& journal, const HistoryFilter& filter,
                                LogDiagnostics& diagnostics);

}  // namespace microstep
