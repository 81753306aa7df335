#pragma once
/// What a `done` celebrates: milestones and one honest, specific fact the data proves
/// (seed 002: celebrate every completion; seed 001: believable, true evidence).
#include <optional>
#include <string>
#include <vector>

#include "core/judge/stats.hpp"

namespace microstep {

/// Milestones reached by the check-in on `day`: the first check-in, 7/21/30/66/100 days done,
/// the first week at 5 of 7, a new longest streak, a comeback after a miss. `before` is the
/// goal's chain as it was before the check-in (DayMarks::without): a day already done
/// reaches nothing again. A new longest streak beats an earlier streak of two or more, the
/// day it first does ("past your earlier best of 5"): not each day of a first run, and not
/// each day after; a late check-in that joins two runs into a longer one sets a record.
std::vector<std::string> milestones(const Chain& chain, const GoalStats& stats, Day day, const Chain& before);

/// One fact the data proves, chosen by `seed` among those that hold: "That is 12 sentences
/// this month.", "6 of the last 7 scheduled days.", or a projection that says it is one
/// ("At this rate, about 300 sentences in a year (a projection, not a promise)."). With a
/// feeling, a fact (never the projection) is tied to it in the person's own words:
/// "Evidence for feeling \"capable\": 6 of the last 7 scheduled days."
std::string honest_fact(const Chain& chain, const GoalStats& stats, long seed);

}  // namespace microstep
