#include "core/judge/mood.hpp"

#include <cmath>
#include <cstdio>

#include "core/base/wording.hpp"

namespace microstep {

std::map<Day, int> moods_by_day(const std::vector<Event>& events) {
  std::map<Day, std::pair<Moment, int>> last;
  for (const Event& e : events) {
    if (e.kind != EventKind::mood || !e.amount) continue;
    auto [it, added] = last.try_emplace(e.day, e.written, static_cast<int>(*e.amount));
    if (!added && !(e.written.utc < it->second.first.utc)) it->second = {e.written, static_cast<int>(*e.amount)};
  }
  std::map<Day, int> moods;
  for (const auto& [day, mood] : last) moods.emplace(day, mood.second);
  return moods;
}

std::optional<MoodComparison> compare_moods(const std::map<Day, int>& moods, Day today,
                                            const std::function<bool(Day)>& step_done, const CoachThresholds& t) {
  MoodComparison c;
  double with = 0, without = 0;
  for (const auto& [day, mood] : moods) {
    if (day > today) break;
    if (step_done(day)) ++c.with_step.days, with += mood;
    else ++c.without_step.days, without += mood;
  }
  if (c.with_step.days + c.without_step.days < t.mood_min_days || c.with_step.days == 0 || c.without_step.days == 0)
    return std::nullopt;
  c.with_step.mean = with / static_cast<double>(c.with_step.days);
  c.without_step.mean = without / static_cast<double>(c.without_step.days);
  return c;
}

std::string mood_text(const MoodComparison& c, const std::string& what) {
  auto mean = [](double m) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", m);
    return std::string(text);
  };
  return "Mood on days you did " + what + ": " + mean(c.with_step.mean) + " (" + count_with_unit(c.with_step.days, "day") +
         "); on other days: " + mean(c.without_step.mean) + " (" + count_with_unit(c.without_step.days, "day") + ").";
}

}  // namespace microstep
