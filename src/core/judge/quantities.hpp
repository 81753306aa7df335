#pragma once
/// The numbers a step names and what each one measures: a count of things ("8 glasses"), a
/// duration ("an hour", "a 30-minute run"), a shift in time ("5 minutes earlier"), a
/// distance ("5 km", "a 5k"), money ("$5") or a time of day ("at 7"). The 2-minute rule, the
/// handful and the distance rules judge them; shrinking rewrites them.
#include <string>
#include <string_view>
#include <vector>

#include "core/judge/coach_rules.hpp"

namespace microstep {

struct Quantity {
  enum class Kind { count, duration, shift, distance, money, time_of_day };
  Kind kind = Kind::count;
  size_t start = 0, end = 0;  ///< the number as written: "5", "ten", "an", "half an", "30-minute"
  size_t unit_end = 0;        ///< the end of its unit: "5 km", "8 glasses", "an hour" ("30-minute": = end)
  double value = 0;           ///< the number: 8, 10, 1 for "an", 0.5 for "half an"
  bool as_word = false;       ///< written as a word ("ten", "an"): a new number is written so too
  bool article = false;       ///< "a" or "an"
  bool compound = false;      ///< number and unit in one word: "30-minute", "5k", "10km"
  double minutes = 0;         ///< durations and shifts: the length in minutes
  double metres = 0;          ///< distances: the length in metres
  std::string noun;           ///< counts: what is counted, singular, lower case ("glass", "push-up")
  size_t noun_start = 0, noun_end = 0;  ///< counts: where that noun is written
  double handful = 0;         ///< counts: how many still pass the ridiculous test
  bool own_handful = false;   ///< counts: a unit listed in counts: with a handful of its own
};

/// Every number in `step` (as written, any case), in order.
std::vector<Quantity> quantities(std::string_view step, const CoachRules& rules);

/// Does the step name a duration (of any length)? Then it has a size: "Clean the kitchen for
/// 2 minutes" is not a whole job.
bool names_a_duration(const std::vector<Quantity>& quantities);

/// A number as a step writes it: "one" .. "twenty" when `as_word`, else digits (2, 2.5).
std::string number_text(double value, bool as_word);

}  // namespace microstep
