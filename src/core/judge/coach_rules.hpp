#pragma once
/// The coaching rules as data: data/rules.yaml, built into the binary and installed with it,
/// plus a journal's own rules.yaml (its lists are tried first, its thresholds replace the
/// defaults).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace microstep {

struct CoachThresholds {
  int review_window = 7;        ///< the 7-day rule: the last 7 scheduled occurrences...
  int review_needed = 5;        ///< ...of which 5 done is on track
  int review_periods = 4;       ///< quotas: the last 4 weeks (or months)...
  int review_periods_needed = 3;  ///< ...of which 3 met is on track
  int missed_in_a_row = 2;      ///< this many scheduled occurrences missed in a row: shrink
  int first_days = 3;           ///< no check-in in the first N scheduled days: shrink
  int grow_after_days = 30;     ///< the 30-day rule
  double grow_min_rate = 0.9;   ///< ...at 90% or more
  double grow_max_increase = 0.1;  ///< the 10% rule
  double two_minutes = 2;       ///< the 2-minute rule
  double large_number = 10;     ///< a number above this in a step is probably too big
  double handful = 5;           ///< a count of things above this is too big for a bad day
  double short_distance = 200;  ///< metres: about a 2-minute walk; further is a distance
  int mood_min_days = 14;       ///< days with a mood before moods are compared at all
  bool operator==(const CoachThresholds&) const = default;
};

/// "When the step mentions one of these words, the step becomes this one."
struct PhraseRule {
  /// Phrases to find as whole words; "{noun}" in one stands for each of `nouns`.
  std::vector<std::string> when;
  /// The new step. "{noun}" is the noun found; "{object}" the words that follow the phrase
  /// found, up to a word such as "for" or "every" ("Call my sister on Sundays": "my sister").
  std::string step;
  /// Optional nouns for a "{noun}" placeholder in `step` (the first one found in the text).
  std::vector<std::string> nouns;
  /// Jobs only: instead of a new step, the words found (with "the", "my", "the whole"...)
  /// become this part of them, the rest of the step kept: "{det} kitchen" -> "one counter
  /// in {det} kitchen". "{det}" is the person's own "the" or "my"; "{noun}" the word found.
  std::string part;
  bool operator==(const PhraseRule&) const = default;
};

/// Units of measure with a number each: how many of a count still pass (counts:), or how
/// many metres one of a distance unit is (distances:). Units are written singular.
struct UnitRule {
  std::vector<std::string> units;
  double value = 0;
  bool operator==(const UnitRule&) const = default;
};

struct CoachRules {
  CoachThresholds thresholds;
  std::vector<std::vector<std::string>> ladders;  ///< big unit first: chapter, page, ...
  std::vector<PhraseRule> replacements;           ///< whole sessions -> their smallest start
  std::vector<PhraseRule> preparations;           ///< the step before the step
  std::vector<std::string> vague;                 ///< wording with nothing to measure
  std::vector<PhraseRule> skills;                 ///< open-ended goals -> their smallest unit
  std::vector<std::string> going;                 ///< "go to", "head to": a trip comes first
  std::vector<PhraseRule> places;                 ///< places to go -> the step done at home
  std::vector<PhraseRule> jobs;                   ///< whole jobs -> one part of them
  std::vector<UnitRule> counts;                   ///< quick units with a handful of their own
  std::vector<UnitRule> distances;                ///< distance units, in metres
  bool operator==(const CoachRules&) const = default;
};

/// Parses a rules file; `base` supplies what the file leaves out (its lists come after the
/// file's own). Errors name display_path:LINE.
CoachRules parse_rules_text(std::string_view text, const std::string& display_path,
                            const CoachRules& base = {});

/// data/rules.yaml as parsed when this binary was built (src/embed_rules.cpp writes it as
/// C++): the rules of a binary copied anywhere, without a file to read or YAML to parse.
const CoachRules& default_rules();
/// The text they were parsed from.
std::string_view default_rules_text();

/// The rules a journal is coached with (core/judge/rules_lookup.cpp): the installed rules file,
/// PREFIX/share/microstep/rules.yaml beside the binary's PREFIX/bin, else default_rules();
/// extended by `journal_root`/rules.yaml when it exists.
CoachRules load_rules(const std::filesystem::path& journal_root);
/// The same with the installed file given (none: the rules built in). An installed file
/// that holds default_rules_text() gives default_rules() without parsing it again.
CoachRules load_rules(const std::filesystem::path& journal_root,
                      const std::optional<std::filesystem::path>& installed);

}  // namespace microstep
