#pragma once
/// The don't-break-the-chain views: month grids for one goal, a heatmap strip per goal.
#include <cstdint>
#include <string>
#include <vector>

#include "core/judge/chain.hpp"

namespace microstep {

struct CalendarStyle {
  bool unicode = true;  ///< false: plain ASCII marks (X . - + ?)
  bool color = false;   ///< ANSI colors
};

/// The mark of one day: "X" done, "+" done on an unscheduled day, "." missed, "-" rest,
/// "?" open today, " " unscheduled or outside the goal's life (or their Unicode forms).
std::string day_mark(DayState state, const CalendarStyle& style);

/// Month grids, `months` of them ending with today's month, weeks starting on week_start.
std::string month_grids(const Chain& chain, int months, const CalendarStyle& style);

/// One row per goal over the last `weeks` weeks, one column per day, a space between weeks.
std::string heatmap_strips(const std::vector<const Chain*>& chains, int weeks,
                           const CalendarStyle& style);

/// The most weeks, from 1 up to `most`, whose strips fit in `width` columns beside the ids.
int strip_weeks_that_fit(const std::vector<const Chain*>& chains, size_t width, int most);

/// The line that explains the marks, broken between its items to fit in `width` columns.
std::string calendar_legend(const CalendarStyle& style, size_t width = SIZE_MAX);

}  // namespace microstep
