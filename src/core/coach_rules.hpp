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
  int missed_in_a_row = 2;      ///< this many scheduled occurrences missed in a row: shrink
  int first_days = 3;           ///< no check-in in the first N scheduled days: shrink
  int grow_after_days = 30;     ///< the 30-day rule
  double grow_min_rate = 0.9;   ///< ...at 90% or more
  double grow_max_increase = 0.1;  ///< the 10% rule
  double two_minutes = 2;       ///< the 2-minute rule
  double large_number = 10;     ///< a number above this in a step is probably too big
  bool operator==(const CoachThresholds&) const = default;
};

/// "When the step mentions one of these words, the step becomes this one."
struct PhraseRule {
  std::vector<std::string> when;
  std::string step;
  /// Optional nouns for a "{noun}" placeholder in `step` (the first one found in the text).
  std::vector<std::string> nouns;
  bool operator==(const PhraseRule&) const = default;
};

struct CoachRules {
  CoachThresholds thresholds;
  std::vector<std::vector<std::string>> ladders;  ///< big unit first: chapter, page, ...
  std::vector<PhraseRule> replacements;           ///< whole sessions -> their smallest start
  std::vector<PhraseRule> preparations;           ///< the step before the step
  std::vector<std::string> vague;                 ///< wording with nothing to measure
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

/// The rules a journal is coached with (core/rules_lookup.cpp): the installed rules file,
/// PREFIX/share/microstep/rules.yaml beside the binary's PREFIX/bin, else default_rules();
/// extended by `journal_root`/rules.yaml when it exists.
CoachRules load_rules(const std::filesystem::path& journal_root);
/// The same with the installed file given (none: the rules built in). An installed file
/// that holds default_rules_text() gives default_rules() without parsing it again.
CoachRules load_rules(const std::filesystem::path& journal_root,
                      const std::optional<std::filesystem::path>& installed);

}  // namespace microstep
