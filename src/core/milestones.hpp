#pragma once
/// What a `done` celebrates: milestones and one honest, specific fact the data proves
/// (seed 002: celebrate every completion; seed 001: believable, true evidence).
#include <optional>
#include <string>
#include <vector>

#include "core/stats.hpp"

namespace microstep {

/// Milestones reached by the check-in on `day`: the first check-in, 7/21/30/66/100 days done,
/// the first week at 5 of 7, a new longest streak, a comeback after a miss. `before` is the
/// goal's chain as it was before the check-in (DayMarks::without): a day already done
/// reaches nothing again, and a record is a streak longer than every one before it,
/// wherever the check-in falls in it (a late check-in can join two runs).
std::vector<std::string> milestones(const Chain& chain, const GoalStats& stats, Day day, const Chain& before);

/// One fact the data proves, chosen by `seed` among those that hold:
/// "That is 12 sentences this month.", "6 of the last 7 days.",
/// "At this rate: about 300 sentences in a year." With a feeling, tied to it plainly:
/// "Evidence that you are capable: 6 of the last 7 days."
std::string honest_fact(const Chain& chain, const GoalStats& stats, long seed);

}  // namespace microstep
