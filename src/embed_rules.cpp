// microstep_embed_rules IN OUT: a build step, not part of microstep. Parses the coaching rules
// IN (data/rules.yaml) with the library's own parser and writes them to OUT as C++
// (default_rules() and default_rules_text(), see core/judge/coach_rules.hpp): the binary then
// coaches wherever it is copied, without a file to read or YAML to parse on every run.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/judge/coach_rules.hpp"
#include "core/base/error.hpp"

namespace {

using microstep::PhraseRule;
using microstep::UnitRule;

/// A C++ string literal of exactly `text`: printable ASCII as it is, but for the quote, the
/// backslash and '?' (no trigraph), every other byte as a three-digit octal escape (which
/// cannot run on into the next character, as a hexadecimal one would).
std::string literal(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?') {
      out += static_cast<char>(c);
    } else {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\%03o", c);
      out += escape;
    }
  }
  return out + "\"";
}

std::string list(const std::vector<std::string>& items) {
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + literal(items[i]);
  return out + "}";
}

std::string phrase_rules(const std::vector<PhraseRule>& rules) {
  std::string out = "{\n";
  for (const auto& r : rules)
    out += "        PhraseRule{" + list(r.when) + ",\n                   " + literal(r.step) + ", " + list(r.nouns) + ", " +
           literal(r.part) + "},\n";
  return out + "    }";
}

std::string number(double value);

std::string unit_rules(const std::vector<UnitRule>& rules) {
  std::string out = "{\n";
  for (const auto& r : rules) out += "        UnitRule{" + list(r.units) + ", " + number(r.value) + "},\n";
  return out + "    }";
}

/// A double that reads back as the same bits.
std::string number(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

std::string cpp_of(const microstep::CoachRules& rules, const std::string& text) {
  const auto& t = rules.thresholds;
  std::ostringstream out;
  out << "// Written at build time from data/rules.yaml by microstep_embed_rules (src/embed_rules.cpp).\n"
      << "#include \"core/judge/coach_rules.hpp\"\n\nnamespace microstep {\n\n"
      << "std::string_view default_rules_text() {\n  static constexpr char text[] =\n";
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    end = end == std::string::npos ? text.size() : end + 1;
    out << "      " << literal(std::string_view(text).substr(at, end - at)) << "\n";
    at = end;
  }
  if (text.empty()) out << "      \"\"\n";
  out << "      ;\n  return {text, sizeof text - 1};\n}\n\n"
      << "const CoachRules& default_rules() {\n  static const CoachRules rules = [] {\n    CoachRules r;\n"
      << "    r.thresholds.review_window = " << t.review_window << ";\n"
      << "    r.thresholds.review_needed = " << t.review_needed << ";\n"
      << "    r.thresholds.review_periods = " << t.review_periods << ";\n"
      << "    r.thresholds.review_periods_needed = " << t.review_periods_needed << ";\n"
      << "    r.thresholds.missed_in_a_row = " << t.missed_in_a_row << ";\n"
      << "    r.thresholds.first_days = " << t.first_days << ";\n"
      << "    r.thresholds.grow_after_days = " << t.grow_after_days << ";\n"
      << "    r.thresholds.grow_min_rate = " << number(t.grow_min_rate) << ";\n"
      << "    r.thresholds.grow_max_increase = " << number(t.grow_max_increase) << ";\n"
      << "    r.thresholds.two_minutes = " << number(t.two_minutes) << ";\n"
      << "    r.thresholds.large_number = " << number(t.large_number) << ";\n"
      << "    r.thresholds.handful = " << number(t.handful) << ";\n"
      << "    r.thresholds.short_distance = " << number(t.short_distance) << ";\n"
      << "    r.thresholds.mood_min_days = " << t.mood_min_days << ";\n"
      << "    r.ladders = {\n";
  for (const auto& ladder : rules.ladders) out << "        " << list(ladder) << ",\n";
  out << "    };\n"
      << "    r.replacements = " << phrase_rules(rules.replacements) << ";\n"
      << "    r.preparations = " << phrase_rules(rules.preparations) << ";\n"
      << "    r.vague = " << list(rules.vague) << ";\n"
      << "    r.skills = " << phrase_rules(rules.skills) << ";\n"
      << "    r.going = " << list(rules.going) << ";\n"
      << "    r.places = " << phrase_rules(rules.places) << ";\n"
      << "    r.jobs = " << phrase_rules(rules.jobs) << ";\n"
      << "    r.counts = " << unit_rules(rules.counts) << ";\n"
      << "    r.distances = " << unit_rules(rules.distances) << ";\n"
      << "    return r;\n  }();\n  return rules;\n}\n\n}  // namespace microstep\n";
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: microstep_embed_rules RULES.yaml OUT.cpp\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    std::cerr << "microstep_embed_rules: cannot read " << argv[1] << "\n";
    return 4;
  }
  try {
    std::string cpp = cpp_of(microstep::parse_rules_text(text.str(), argv[1]), text.str());
    std::ofstream out(argv[2], std::ios::binary);
    if (!(out << cpp) || !out.flush()) {
      std::cerr << "microstep_embed_rules: cannot write " << argv[2] << "\n";
      return 4;
    }
  } catch (const microstep::Failure& e) {
    std::cerr << e.what() << "\n";
    return 3;
  }
  return 0;
}
