#pragma once
/// Renderers shared by several commands: goals and statistics as text and as JSON.
/// Renderers never compute; they format what compute_stats() and the model hold.
#include <string>

#include "core/judge/big_goal.hpp"
#include "core/judge/coach.hpp"
#include "core/judge/mood.hpp"
#include "core/model/goal.hpp"
#include "core/render/json_writer.hpp"
#include "core/judge/stats.hpp"
#include "core/base/wording.hpp"

namespace microstep {

/// The goal's fields as a JSON object (see microstep(1), JSON OUTPUT).
void write_goal_json(JsonWriter& json, const Goal& goal);
/// The same fields inside an object the caller opened (to add more fields after them).
void write_goal_fields(JsonWriter& json, const Goal& goal);
/// The big goal's own line: "Write a novel: moved on 20 days; 7d 100%  30d 95%; 6 days in a
/// row" (or "Other goals" for the goals without a big goal).
std::string big_goal_line(const std::string& text, const BigGoalStats& stats);
/// The big goal's numbers as a JSON object (null for the goals without a big goal).
void write_big_goal_json(JsonWriter& json, const std::string& text, const BigGoalStats& stats);
/// A mood comparison as a JSON object (days and mean on each side), or null below the threshold.
void write_mood_json(JsonWriter& json, const std::optional<MoodComparison>& mood);
/// Each line of `text` indented by `spaces`.
std::string indented(const std::string& text, size_t spaces);

/// One version of a goal's step as a JSON object: from, step, schedule, minimum, after.
void write_version_json(JsonWriter& json, const StepVersion& version);
/// The goal as it stands on `today`: a change with a later `from` is not in force yet, so the
/// version in force is shown as current and the history ends before it (see Goal::upcoming).
Goal as_of(const Goal& goal, Day today);
/// The verdict object: verdict, unit, kept, judged, window, needed, quota, on_track, text.
void write_verdict_json(JsonWriter& json, const Verdict& verdict);
/// The flat stats object of one goal, left open so that callers can add fields: end it
/// with json.end_object().
void write_stats_json(JsonWriter& json, const Goal& goal, const GoalStats& stats);

/// The completion rate on each size of the step, as a "rungs" array.
void write_rungs_json(JsonWriter& json, const std::vector<RungRate>& rungs);
/// A suggestion as a JSON object: kind, rule, reason, step, minimum, optional_plus...
void write_suggestion_json(JsonWriter& json, const Suggestion& suggestion);
/// The suggestion for goal `id` in words: "Make it smaller: \"Write one page\" (7-day rule:
/// ...)\n  One chapter is a big unit; ... Take it with: microstep shrink ID\n".
std::string suggestion_text(const std::string& id, const Suggestion& suggestion);
/// The one verdict and the suggestion that follows from it, as stats, suggest and review
/// show them: "  on track: 5 of the last 7 scheduled days done\n  Keep going: ...\n".
std::string judgement_text(const std::string& id, const Verdict& verdict, const Suggestion& suggestion);

/// "3-day streak, open today" / "2-week streak" / "no streak yet" / "chain broken 2 days ago" /
/// "tracking only, 12 days done".
std::string streak_phrase(const GoalStanding& standing);

/// The human-readable stats block of one goal.
std::string stats_text(const Goal& goal, const GoalStats& stats,
                       const std::vector<RungRate>& rungs, const Suggestion& suggestion);

}  // namespace microstep
