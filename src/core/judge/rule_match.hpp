#pragma once
/// Which of the coaching rules' phrases a step's words hold: shared by shrinking (which
/// rewrites the step) and the ridiculous test (which says why it is too big).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/judge/coach_rules.hpp"

namespace microstep {

/// Where a rule's phrase was found in a step.
struct PhraseMatch {
  const PhraseRule* rule = nullptr;
  size_t start = 0, end = 0;  ///< the words found (for a job's part: with "the", "my", "the whole")
  std::string noun;           ///< the noun found, as the rule writes it, for "{noun}"
  std::string det;            ///< a job's determiner as the step writes it ("the", "my"), for "{det}"
};

/// The first rule of `rules` whose phrase the step holds (`low`: the step in lower case).
std::optional<PhraseMatch> match_phrase(std::string_view low, const std::vector<PhraseRule>& rules);

/// The first whole session the step does ("Work out", "Do a workout", "Meditate"): first in
/// the step or after "do a", "go for a", "to"; "Put on your workout clothes" and "Complete
/// one exercise" name things, not a session.
std::optional<PhraseMatch> match_session(std::string_view low, const std::vector<PhraseRule>& sessions);

/// The first whole job the step names. A job with a part: is found with a determiner ("the
/// kitchen", "my whole kitchen", "all my teeth") and not after a preposition ("one counter
/// in the kitchen" is not the whole kitchen); one with a step: by its phrase.
std::optional<PhraseMatch> match_job(std::string_view low, const std::vector<PhraseRule>& jobs);

/// "the whole X", "the entire X", "all of the X" for an X no job names: the generic whole job.
std::optional<PhraseMatch> match_whole(std::string_view low);

/// The first place the step goes to: a `going` phrase ("go to", "head to") before a place of
/// `places`, with or without "the" or "my".
std::optional<PhraseMatch> match_place(std::string_view low, const std::vector<std::string>& going,
                                       const std::vector<PhraseRule>& places);

/// The rule's step (or, with `part`, its part) with {noun}, {object} and {det} filled in from
/// the match in `step`.
std::string fill_template(const std::string& templ, const std::string& step, const PhraseMatch& match);

}  // namespace microstep
