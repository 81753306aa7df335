#pragma once
/// The coaching rules as data: data/rules.yaml, installed with the tool, plus a journal's own
/// rules.yaml (its lists are tried first, its thresholds replace the defaults).
#include <filesystem>
#include <string>
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
  int mood_min_days = 14;       ///< days with a mood before moods are compared at all
};

/// "When the step mentions one of these words, the step becomes this one."
struct PhraseRule {
  std::vector<std::string> when;
  std::string step;
  /// Optional nouns for a "{noun}" placeholder in `step` (the first one found in the text).
  std::vector<std::string> nouns;
};

struct CoachRules {
  CoachThresholds thresholds;
  std::vector<std::vector<std::string>> ladders;  ///< big unit first: chapter, page, ...
  std::vector<PhraseRule> replacements;           ///< whole sessions -> their smallest start
  std::vector<PhraseRule> preparations;           ///< the step before the step
  std::vector<std::string> vague;                 ///< wording with nothing to measure
};

/// Parses a rules file; `base` supplies what the file leaves out (its lists come after the
/// file's own). Errors name display_path:LINE.
CoachRules parse_rules_text(std::string_view text, const std::string& display_path,
                            const CoachRules& base = {});

/// The installed rules (MICROSTEP_DATADIR/rules.yaml, else the source tree's data/rules.yaml),
/// extended by `journal_root`/rules.yaml when it exists.
CoachRules load_rules(const std::filesystem::path& journal_root);

}  // namespace microstep
