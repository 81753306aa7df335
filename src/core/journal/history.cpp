#include "core/journal/history.hpp"

#include <algorithm>
#include <tuple>

#include "core/base/error.hpp"

namespace microstep {

void check_history_filter(const HistoryFilter& filter) {
  if (filter.since > filter.until)
    throw usage_error("--since " + format_day(filter.since) + " is after --until " +
                      format_day(filter.until));
}

namespace {

/// The sort key: day, instant written, then every other field, so equal keys mean equal events.
auto key(const Event& e) {
  return std::tie(e.day, e.written.utc, e.written.offset, e.goal, e.kind, e.amount, e.note, e.truth);
}

}  // namespace

std::vector<Event> order_history(std::vector<Event> events) {
  std::sort(events.begin(), events.end(),
            [](const Event& a, const Event& b) { return key(a) < key(b); });
  events.erase(std::unique(events.begin(), events.end()), events.end());
  return events;
}

std::vector<Event> read_history(const Journal& journal, const HistoryFilter& filter,
                                LogDiagnostics& diagnostics) {
  check_history_filter(filter);
  return order_history(journal.read_events(filter.ids, filter.since, filter.until, diagnostics));
}

}  // namespace microstep
