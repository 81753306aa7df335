#include "core/judge/verdict.hpp"

#include "core/base/wording.hpp"

namespace microstep {

Verdict seven_day_rule(const Chain& chain, const CoachThresholds& t) {
  Verdict v;
  v.unit = chain.unit();
  if (v.unit == ChainUnit::day) {
    v.window = t.review_window;
    v.needed = t.review_needed;
  } else {
    v.window = t.review_periods;
    v.needed = t.review_periods_needed;
    v.quota = chain.in_force().schedule.n;
  }
  if (chain.in_force().schedule.is_tracking()) {
    v.tracking = true;
    return v;
  }
  // The step in force is judged on its own days: after `shrink`, the smaller step starts
  // afresh rather than answering for the bigger one's misses.
  const Day since = std::max(chain.in_force().from, chain.started());
  const auto& occasions = chain.occasions();
  for (auto it = occasions.rbegin(); it != occasions.rend() && v.judged < v.window; ++it) {
    if (it->last < since) break;
    if (it->unit != v.unit || it->outcome == Occasion::Outcome::pending) continue;
    ++v.judged;
    v.kept += it->outcome == Occasion::Outcome::kept;
  }
  // Before `window` occasions are judged the answer is given as soon as it is certain: the
  // needed ones are kept already, or not even keeping all the rest would reach them. So a
  // new goal hears the seed's day-7 verdict on day 7 (or sooner), and not a guess before.
  if (v.judged >= v.window || v.kept >= v.needed) v.on_track = v.kept >= v.needed;
  else if (v.kept + (v.window - v.judged) < v.needed) v.on_track = false;
  return v;
}

std::string verdict_numbers(const Verdict& v) {
  if (v.tracking) return "counted, never scored";
  std::string unit(to_string(v.unit));
  if (v.judged == 0) return v.unit == ChainUnit::day ? "no scheduled day judged yet" : "no " + unit + " judged yet";
  if (v.unit == ChainUnit::day) {
    if (v.judged >= v.window)
      return std::to_string(v.kept) + " of the last " + std::to_string(v.window) + " scheduled days done";
    return std::to_string(v.kept) + " of " + count_with_unit(v.judged, "scheduled day") + " done so far";
  }
  std::string quota = std::to_string(v.quota) + "/" + unit + " met in " + std::to_string(v.kept) + " of ";
  if (v.judged >= v.window) return quota + "the last " + count_with_unit(v.window, unit);
  return quota + count_with_unit(v.judged, unit) + " so far";
}

std::string verdict_text(const Verdict& v) {
  if (v.tracking) return "tracking only: " + verdict_numbers(v);
  if (!v.on_track) return "too early to judge: " + verdict_numbers(v);
  if (*v.on_track) return "on track: " + verdict_numbers(v);
  return "below " + std::to_string(v.needed) + " of " + std::to_string(v.window) + ": " + verdict_numbers(v);
}

std::string_view verdict_name(const Verdict& v) {
  if (v.tracking) return "none";
  if (!v.on_track) return "too_early";
  return *v.on_track ? "on_track" : "below";
}

}  // namespace microstep
