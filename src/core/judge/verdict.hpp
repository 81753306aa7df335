#pragma once
/// The seeds' 7-day rule, the one verdict every command shows: "5 or more of the last 7
/// scheduled days done: on track; fewer: make it smaller". A quota goal is judged by its
/// periods: "3/week met in 3 of the last 4 weeks".
#include <optional>
#include <string>

#include "core/judge/chain.hpp"
#include "core/judge/coach_rules.hpp"

namespace microstep {

struct Verdict {
  ChainUnit unit = ChainUnit::day;  ///< days, or the periods of a quota
  int kept = 0;                     ///< kept occasions among the last `judged`
  int judged = 0;                   ///< the occasions looked at (at most `window`)
  int window = 7, needed = 5;       ///< 7 and 5 for days; the periods' thresholds for quotas
  unsigned quota = 0;               ///< N of N/week or N/month (0 for days)
  /// kept >= needed once `window` occasions are judged, or as soon as that answer is certain
  /// (`needed` kept already, or out of reach); nullopt before: too early to judge.
  std::optional<bool> on_track;
  bool tracking = false;  ///< the step in force is tracked only: never judged
};

/// The verdict of today's version: its last `window` judged occasions since it took effect
/// (a day or period still open today is not judged yet; one kept today is).
Verdict seven_day_rule(const Chain& chain, const CoachThresholds& thresholds);

/// The numbers: "4 of the last 7 scheduled days done", "3/week met in 2 of the last 4
/// weeks", "2 of 3 scheduled days done so far".
std::string verdict_numbers(const Verdict& verdict);
/// The verdict as one line: "on track: ...", "below 5 of 7: ...", "too early to judge: ...",
/// "tracking only: counted, never scored".
std::string verdict_text(const Verdict& verdict);
/// "on_track", "below", "too_early" or (tracking only) "none", for JSON.
std::string_view verdict_name(const Verdict& verdict);

}  // namespace microstep
