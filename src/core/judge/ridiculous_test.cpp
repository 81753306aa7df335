#include "core/judge/ridiculous_test.hpp"

#include "core/model/event.hpp"
#include "core/judge/quantities.hpp"
#include "core/judge/rule_match.hpp"
#include "core/judge/step_words.hpp"

namespace microstep {

namespace {

/// The step's own words at [start, end), quoted.
std::string quoted(const std::string& step, size_t start, size_t end) {
  return "'" + step.substr(start, end - start) + "'";
}

}  // namespace

std::vector<std::string> ridiculous_test(const std::string& step, std::optional<double> minutes,
                                         const CoachRules& rules, bool count_numbers) {
  std::vector<std::string> reasons;
  const std::string low = lower(step);
  const double two = rules.thresholds.two_minutes;
  const auto qs = quantities(step, rules);

  if (minutes && *minutes > two)
    reasons.push_back("it takes " + format_amount(*minutes) + " minutes; aim for " + format_amount(two) +
                      " or less (the 2-minute rule)");
  if (count_numbers) {
    for (const Quantity& q : qs) {
      if (q.kind == Quantity::Kind::duration && q.minutes > two) {
        reasons.push_back("it names a duration over " + format_amount(two) + " minutes (the 2-minute rule)");
        break;
      }
    }
    for (const Quantity& q : qs) {
      if (q.kind == Quantity::Kind::distance && q.metres > rules.thresholds.short_distance) {
        reasons.push_back(quoted(step, q.start, q.unit_end) +
                          " is a distance; on a bad day a start is enough");
        break;
      }
    }
    for (const Quantity& q : qs) {
      if (q.kind == Quantity::Kind::count && q.value > q.handful) {
        reasons.push_back(quoted(step, q.start, q.unit_end) + " is more than a handful for a bad day");
        break;
      }
    }
  }
  // What the step names, the first that applies: a skill, a place, a session, a job. A
  // session, skill or job with a time to it ("Clean the kitchen for 2 minutes") is sized.
  const bool sized = names_a_duration(qs);
  if (auto m = match_phrase(low, rules.skills); m && !sized) {
    reasons.push_back(quoted(step, m->start, m->end) +
                      " is a big goal rather than a step");
  } else if (auto p = match_place(low, rules.going, rules.places)) {
    reasons.push_back(quoted(step, p->start, p->end) + " starts with a trip before the step");
  } else if (auto r = match_session(low, rules.replacements); r && !sized) {
    reasons.push_back(quoted(step, r->start, r->end) + " is a whole session");
  } else if (auto j = match_job(low, rules.jobs); j && !sized) {
    reasons.push_back(quoted(step, j->start, j->end) + " is a whole job");
  } else if (auto w = match_whole(low); w && !sized) {
    reasons.push_back(quoted(step, w->start, w->end) + " is a whole job");
  } else {
    for (const auto& phrase : rules.vague) {
      if (find_words(low, lower(phrase)) == std::string::npos) continue;
      reasons.push_back("'" + phrase + "' is vague: there is nothing to measure");
      break;
    }
  }
  return reasons;
}

}  // namespace microstep
