#pragma once
/// Renderers shared by several commands: goals and statistics as text and as JSON.
/// Renderers never compute; they format what compute_stats() and the model hold.
#include <string>

#include "core/coach.hpp"
#include "core/goal.hpp"
#include "core/json_writer.hpp"
#include "core/stats.hpp"

namespace microstep {

/// The goal's fields as a JSON object (see microstep(1), JSON OUTPUT).
void write_goal_json(JsonWriter& json, const Goal& goal);
/// The same fields inside an object the caller opened (to add more fields after them).
void write_goal_fields(JsonWriter& json, const Goal& goal);
/// The flat stats object of one goal, left open so that callers can add fields: end it
/// with json.end_object().
void write_stats_json(JsonWriter& json, const Goal& goal, const GoalStats& stats);

/// The completion rate on each size of the step, as a "rungs" array.
void write_rungs_json(JsonWriter& json, const std::vector<RungRate>& rungs);
/// A suggestion as a JSON object: kind, rule, reason, step, minimum, optional_plus...
void write_suggestion_json(JsonWriter& json, const Suggestion& suggestion);
/// "Make it smaller: Write one word (ladder). Why: ..."
std::string suggestion_text(const Suggestion& suggestion);

/// "5 days" / "1 week" / "0 days".
std::string count_with_unit(long count, std::string_view unit);
/// "3-day streak, open today" / "2-week streak" / "no streak yet" / "chain broken 2 days ago".
std::string streak_phrase(const GoalStats& stats);
/// A percentage for people: "86%", or "-" when there is nothing to judge.
std::string percent(const std::optional<double>& rate);
/// A number without needless decimals: 3, 2.5, 0.33.
std::string format_number(double value);

/// The human-readable stats block of one goal.
std::string stats_text(const Goal& goal, const GoalStats& stats,
                       const std::vector<RungRate>& rungs, const Suggestion& suggestion);

}  // namespace microstep
