#pragma once
/// The chain as a picture: a year-long calendar heatmap per goal and a line of its 30-day
/// completion rate, as one self-contained SVG (no fonts, scripts or files from elsewhere).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/judge/chain.hpp"

namespace microstep {

/// Week columns in a chart: a year and the week holding today.
inline constexpr int kChartWeeks = 53;
/// The completion rate the line shows: over the 30 days ending on each sample day.
inline constexpr long kChartRateWindow = 30;

/// The 30-day completion rate as it stood on one day.
struct RateSample {
  Day day;
  std::optional<double> rate;  ///< nullopt while no day in the window was eligible
};

/// One goal's panel, computed: everything the renderer draws and nothing it must work out.
struct ChartSeries {
  std::string id, step, goal, schedule;
  GoalStatus status = GoalStatus::active;
  Day first;                        ///< the first day of the first week column
  Day today;                        ///< the last day drawn; later days of its week stay blank
  unsigned week_start = 0;          ///< 0 = Monday: the weekday of the top row
  std::vector<DayState> states;     ///< one per day from `first` to `today`
  /// One per week column: the rate on the column's last day (today for the last column).
  std::vector<RateSample> rates;
  long done_days = 0;               ///< done cells (on scheduled days or not) in the range
  bool tracking = false;            ///< tracked only today: no rate is drawn
};

/// The week columns a chart shows unless asked: from the week holding `first_start` (the
/// earliest start of the goals charted) to the week holding `today`, at most kChartWeeks and
/// at least 1, so that a young journal is not a picture of empty weeks.
int chart_weeks_since(Day first_start, Day today, unsigned week_start);

/// The last `weeks` week columns of `chain`, ending with the week holding its today.
/// Each rate sample is stats' completion_rate_between over its 30-day window, so the last
/// one equals `stats`' rate_30; the cost is weeks * 30 day lookups, not days squared.
ChartSeries chart_series(const Chain& chain, int weeks = kChartWeeks);

/// The SVG document: a heading, one panel per series (stacked), and a legend. Every day cell is
/// a <rect class="day STATE"> with a <title> naming the day and its state; STATE is done,
/// extra (done on an unscheduled day), missed, rest, unscheduled, open or none (before the
/// start); today's cell also has the class today. Each panel's rate line is one
/// <polyline class="rate"> per run of defined samples. All series must share first and today.
std::string chart_svg(const std::vector<ChartSeries>& series);

/// The class a day cell of this state gets ("done", "extra", "missed"...).
std::string_view chart_state_class(DayState state);

/// Text made safe for XML character data and attribute values: & < > " ' become entities,
/// control characters XML 1.0 forbids are dropped, and bytes of invalid UTF-8 become '?'.
std::string xml_escape(std::string_view text);

}  // namespace microstep
