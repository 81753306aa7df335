#include "core/judge/coach_rules.hpp"

#include <yaml-cpp/yaml.h>

#include <tuple>
#include <utility>

#include "core/base/error.hpp"
#include "core/journal/yaml_text.hpp"

namespace microstep {

namespace {

std::vector<std::string> string_list(const YAML::Node& node, const std::string& display_path,
                                     const std::string& what) {
  if (!node.IsSequence())
    throw data_error(yaml_where(display_path, node) + what + " must be a list of texts");
  std::vector<std::string> out;
  for (const auto& item : node) {
    if (!item.IsScalar()) throw data_error(yaml_where(display_path, item) + what + " must be a list of texts");
    out.push_back(item.Scalar());
  }
  return out;
}

std::vector<PhraseRule> phrase_rules(const YAML::Node& node, const std::string& display_path,
                                     const std::string& what) {
  if (!node.IsSequence())
    throw data_error(yaml_where(display_path, node) + what + " must be a list of {when: [...], step: ...}");
  std::vector<PhraseRule> rules;
  for (const auto& item : node) {
    const bool has_step = item.IsMap() && item["step"] && item["step"].IsScalar();
    const bool has_part = item.IsMap() && item["part"] && item["part"].IsScalar();
    if (!item.IsMap() || !item["when"] || (!has_step && !has_part))
      throw data_error(yaml_where(display_path, item) + what + " entries need when: [words] and step: text");
    PhraseRule rule;
    rule.when = string_list(item["when"], display_path, what + ".when");
    if (has_step) rule.step = item["step"].Scalar();
    if (has_part) rule.part = item["part"].Scalar();
    if (item["nouns"]) rule.nouns = string_list(item["nouns"], display_path, what + ".nouns");
    rules.push_back(std::move(rule));
  }
  return rules;
}

/// counts: and distances: entries, {units: [...], KEY: number}.
std::vector<UnitRule> unit_rules(const YAML::Node& node, const std::string& display_path, const std::string& what,
                                 const char* key) {
  const std::string shape = what + " must be a list of {units: [...], " + key + ": number}";
  if (!node.IsSequence()) throw data_error(yaml_where(display_path, node) + shape);
  std::vector<UnitRule> rules;
  for (const auto& item : node) {
    if (!item.IsMap() || !item["units"] || !item[key] || !item[key].IsScalar())
      throw data_error(yaml_where(display_path, item) + shape);
    UnitRule rule;
    rule.units = string_list(item["units"], display_path, what + ".units");
    try {
      rule.value = item[key].as<double>();
    } catch (const YAML::Exception&) {
      throw data_error(yaml_where(display_path, item[key]) + what + "." + key + " must be a number");
    }
    rules.push_back(std::move(rule));
  }
  return rules;
}

template <typename T>
void read_number(const YAML::Node& map, const char* key, T& out, const std::string& display_path) {
  const YAML::Node node = map[key];
  if (!node) return;
  try {
    out = node.as<T>();
  } catch (const YAML::Exception&) {
    throw data_error(yaml_where(display_path, node) + "thresholds." + key + " must be a number");
  }
}

/// Own entries first, so that a journal's rules win over the installed ones.
template <typename T>
std::vector<T> before(std::vector<T> own, const std::vector<T>& base) {
  own.insert(own.end(), base.begin(), base.end());
  return own;
}

}  // namespace

CoachRules parse_rules_text(std::string_view text, const std::string& display_path,
                            const CoachRules& base) {
  YAML::Node root = load_yaml_mapping(text, display_path, "coaching rules such as ladders: and preparations:");
  CoachRules rules = base;
  if (const YAML::Node t = root["thresholds"]) {
    if (!t.IsMap()) throw data_error(yaml_where(display_path, t) + "thresholds must be a mapping");
    auto& th = rules.thresholds;
    read_number(t, "review_window", th.review_window, display_path);
    read_number(t, "review_needed", th.review_needed, display_path);
    read_number(t, "review_periods", th.review_periods, display_path);
    read_number(t, "review_periods_needed", th.review_periods_needed, display_path);
    read_number(t, "missed_in_a_row", th.missed_in_a_row, display_path);
    read_number(t, "first_days", th.first_days, display_path);
    read_number(t, "grow_after_days", th.grow_after_days, display_path);
    read_number(t, "grow_min_rate", th.grow_min_rate, display_path);
    read_number(t, "grow_max_increase", th.grow_max_increase, display_path);
    read_number(t, "two_minutes", th.two_minutes, display_path);
    read_number(t, "large_number", th.large_number, display_path);
    read_number(t, "handful", th.handful, display_path);
    read_number(t, "short_distance", th.short_distance, display_path);
    read_number(t, "mood_min_days", th.mood_min_days, display_path);
  }
  if (const YAML::Node l = root["ladders"]) {
    if (!l.IsSequence()) throw data_error(yaml_where(display_path, l) + "ladders must be a list of lists");
    std::vector<std::vector<std::string>> own;
    for (const auto& ladder : l) own.push_back(string_list(ladder, display_path, "a ladder"));
    rules.ladders = before(std::move(own), base.ladders);
  }
  if (const YAML::Node r = root["replacements"])
    rules.replacements = before(phrase_rules(r, display_path, "replacements"), base.replacements);
  if (const YAML::Node p = root["preparations"])
    rules.preparations = before(phrase_rules(p, display_path, "preparations"), base.preparations);
  if (const YAML::Node v = root["vague"])
    rules.vague = before(string_list(v, display_path, "vague"), base.vague);
  for (auto [key, list] : {std::pair{"skills", &rules.skills}, {"places", &rules.places}, {"jobs", &rules.jobs}})
    if (const YAML::Node n = root[key]) *list = before(phrase_rules(n, display_path, key), *list);
  if (const YAML::Node g = root["going"]) rules.going = before(string_list(g, display_path, "going"), rules.going);
  for (auto [key, number, list] : {std::tuple{"counts", "most", &rules.counts}, {"distances", "metres", &rules.distances}})
    if (const YAML::Node n = root[key]) *list = before(unit_rules(n, display_path, key, number), *list);
  return rules;
}

}  // namespace microstep
