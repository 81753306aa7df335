#pragma once
/// Mood that follows action (seed 000: "small, concrete actions in the direction of what
/// matters tend to lift mood more reliably than waiting to feel better before acting. The
/// activity creates the mood, not the other way around"): moods logged on days with a step
/// done, beside moods on other days. A comparison with its counts, never a causal claim.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/judge/coach_rules.hpp"
#include "core/model/event.hpp"

namespace microstep {

/// Each day's mood: when a day has two or more, the last one written counts (how the day
/// ended, after whatever was done in it).
std::map<Day, int> moods_by_day(const std::vector<Event>& events);

struct MoodSide {
  long days = 0;
  double mean = 0;
};

struct MoodComparison {
  MoodSide with_step;     ///< days with a mood and a step done
  MoodSide without_step;  ///< days with a mood and no step done
};

/// The comparison over the days with a mood up to `today`, or nullopt below the threshold
/// (fewer than mood_min_days days with a mood, or one kind of day missing).
std::optional<MoodComparison> compare_moods(const std::map<Day, int>& moods, Day today,
                                            const std::function<bool(Day)>& step_done, const CoachThresholds& t);

/// "Mood on days you did a step: 3.8 (20 days); on other days: 3.1 (9 days)." (`what` names
/// the step: "a step", "this step".)
std::string mood_text(const MoodComparison& comparison, const std::string& what);

}  // namespace microstep
