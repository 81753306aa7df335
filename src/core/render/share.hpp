#pragma once
/// A weekly summary fit to send to an accountability partner (seed 003: accountability through
/// check-ins and progress tracking): per goal its step, done of scheduled, streak and verdict,
/// and each big goal's line. Private words (notes, truths) only when asked for.
#include <string>
#include <vector>

#include "core/judge/big_goal.hpp"
#include "core/model/event.hpp"
#include "core/judge/stats.hpp"
#include "core/judge/week_review.hpp"

namespace microstep {

struct ShareGoal {
  std::string id;
  const GoalStats* stats;
  const WeekReview* week;
  std::vector<const Event*> notes;  ///< the week's notes and truths, with --with-notes only
};

struct ShareBigGoal {
  std::string text;
  BigGoalStats stats;
};

struct Share {
  Day first, last, to;  ///< the week, and its last day judged
  bool so_far = false;
  bool with_notes = false;
  std::vector<ShareGoal> goals;
  std::vector<ShareBigGoal> big_goals;
};

/// "5 of 6 scheduled days", "3/week: quota met", "3/week: 1 of 3 days so far", "2 days done"
/// (tracked only).
std::string share_week_text(const WeekReview& week);

std::string share_text(const Share& share);
std::string share_markdown(const Share& share);
std::string share_json(const Share& share);

}  // namespace microstep
