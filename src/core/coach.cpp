#include "core/coach.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "core/event.hpp"
#include "core/report.hpp"

namespace microstep {

namespace {

constexpr date::days kOneDay{1};

std::string weekday_list(const std::vector<unsigned>& days) {
  std::string out;
  for (size_t i = 0; i < days.size(); ++i) {
    if (i > 0) out += i + 1 == days.size() ? " and " : ", ";
    std::string name(weekday_long_name(days[i]));
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    out += name;
  }
  return out;
}

/// The first number in a step ("Write 10 sentences" -> 10 at [6, 8)), digits only.
struct NumberSpan {
  size_t start, end;
  double value;
};
std::optional<NumberSpan> first_number(const std::string& step) {
  for (size_t i = 0; i < step.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(step[i]))) continue;
    if (i > 0 && (std::isalnum(static_cast<unsigned char>(step[i - 1])) || step[i - 1] == '$')) continue;
    size_t j = i;
    while (j < step.size() && (std::isdigit(static_cast<unsigned char>(step[j])) || step[j] == '.')) ++j;
    return NumberSpan{i, j, std::stod(step.substr(i, j - i))};
  }
  return std::nullopt;
}

/// "one sentence" -> the span of "one", read as 1.
std::optional<NumberSpan> word_one(const std::string& step) {
  for (std::string_view w : {"one ", "One ", "a ", "an "}) {
    size_t at = step.find(w);
    if (at != std::string::npos && (at == 0 || step[at - 1] == ' '))
      return NumberSpan{at, at + w.size() - 1, 1};
  }
  return std::nullopt;
}

/// "sentence" -> "sentences" for the word right after position `at`.
std::string pluralize_next_word(std::string text, size_t at) {
  size_t start = text.find_first_not_of(' ', at);
  if (start == std::string::npos) return text;
  size_t end = start;
  while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '-')) ++end;
  if (end > start && text[end - 1] != 's') text.insert(end, "s");
  return text;
}

}  // namespace

std::string_view to_string(SuggestionKind kind) {
  constexpr std::array<std::string_view, 4> names{"smaller", "change-anchor", "grow", "keep"};
  return names.at(static_cast<size_t>(kind));
}

std::vector<Day> recent_occurrences(const Chain& chain, int count) {
  std::vector<Day> days;
  for (Day d = chain.today(); d >= chain.started() && static_cast<int>(days.size()) < count; d -= kOneDay) {
    DayState s = chain.state(d);
    if (s == DayState::done || s == DayState::missed) days.push_back(d);
  }
  return days;
}

std::vector<unsigned> clustered_miss_weekdays(const Chain& chain) {
  std::array<int, 7> missed{}, asked{};
  int total = 0;
  for (Day d = chain.today() - date::days{27}; d <= chain.today(); d += kOneDay) {
    DayState s = chain.state(d);
    if (s != DayState::done && s != DayState::missed) continue;
    unsigned w = iso_weekday_index(d);
    ++asked[w];
    if (s == DayState::missed) ++missed[w], ++total;
  }
  if (total < 3) return {};
  // Misses cluster when at most two weekdays hold three quarters of them, and on each of
  // those weekdays the step was missed more often than not.
  std::array<unsigned, 7> order{0, 1, 2, 3, 4, 5, 6};
  std::stable_sort(order.begin(), order.end(), [&](unsigned a, unsigned b) { return missed[a] > missed[b]; });
  std::vector<unsigned> days;
  int covered = 0;
  for (unsigned w : order) {
    if (missed[w] == 0 || days.size() == 2) break;
    if (missed[w] * 2 <= asked[w]) continue;
    days.push_back(w);
    covered += missed[w];
  }
  if (days.empty() || covered * 4 < total * 3) return {};
  std::sort(days.begin(), days.end());
  return days;
}

bool ready_to_grow(const Chain& chain, const CoachThresholds& t, std::string& why) {
  Day since = std::max(chain.goal().since, chain.started());
  long days = (chain.today() - since).count() + 1;
  auto rate = completion_rate_between(chain, since, chain.today());
  why = count_with_unit(days, "day") + " on this step at " + percent(rate);
  return days >= t.grow_after_days && rate && *rate >= t.grow_min_rate - 1e-9;
}

Suggestion growth_proposal(const Goal& goal, const CoachThresholds& t) {
  Suggestion s;
  s.kind = SuggestionKind::grow;
  double minimum = goal.minimum.value_or(1);
  double increase = std::round(minimum * t.grow_max_increase);
  bool whole = minimum == std::floor(minimum);
  if (whole && increase >= 1) {
    s.rule = "10% rule";
    s.minimum = minimum + increase;
    std::string step = goal.step;
    if (auto n = first_number(step); n && n->value == minimum)
      step.replace(n->start, n->end - n->start, format_amount(*s.minimum));
    s.step = step;
    s.reason = "grow by at most 10%: from " + format_amount(minimum) + " to " + format_amount(*s.minimum);
    return s;
  }
  // +10% of a small minimum rounds to nothing: keep the minimum, welcome more (the optional plus).
  s.rule = "optional plus";
  s.optional_plus = true;
  std::string step = goal.step;
  auto n = first_number(step);
  if (!n) n = word_one(step);
  if (n && n->value == std::floor(n->value)) {
    std::string range = format_amount(n->value) + "-" + format_amount(n->value + 1);
    step.replace(n->start, n->end - n->start, range);
    if (n->value == 1) step = pluralize_next_word(step, n->start + range.size());
  } else {
    step += ", more if you like";
  }
  s.step = step;
  s.reason = "+10% of " + format_amount(minimum) +
             " rounds to nothing, so the minimum stays and more is welcome (the optional plus)";
  return s;
}

Suggestion suggest(const Chain& chain, const GoalStats& stats, const CoachRules& rules) {
  const CoachThresholds& t = rules.thresholds;
  const Goal& goal = chain.goal();
  Suggestion s;
  auto smaller = [&](std::string rule, std::string reason) {
    ShrunkStep shrunk = shrink_step(goal.step, rules);
    s.kind = SuggestionKind::smaller;
    s.rule = std::move(rule);
    s.reason = std::move(reason);
    s.step = shrunk.step;
    s.shrink_rule = shrunk.rule + ": " + shrunk.why;
    return s;
  };

  auto recent = recent_occurrences(chain, t.review_window);
  int done_recent = static_cast<int>(std::count_if(recent.begin(), recent.end(), [&](Day d) {
    return chain.state(d) == DayState::done;
  }));

  // No check-in in the first scheduled days: the step never got going.
  {
    std::vector<Day> first;
    for (Day d = chain.started(); d <= chain.today() && static_cast<int>(first.size()) < t.first_days; d += kOneDay) {
      DayState st = chain.state(d);
      if (st == DayState::done || st == DayState::missed) first.push_back(d);
    }
    bool none_done = std::none_of(first.begin(), first.end(), [&](Day d) { return chain.state(d) == DayState::done; });
    if (static_cast<int>(first.size()) == t.first_days && none_done && stats.done_days == 0)
      return smaller("first days", "no check-in in the first " + std::to_string(t.first_days) +
                                       " scheduled days: the step is still too big to start");
  }
  // Misses that cluster on some weekdays point at the anchor, not at the step.
  if (auto days = clustered_miss_weekdays(chain); !days.empty() && !goal.after.empty()) {
    s.kind = SuggestionKind::change_anchor;
    s.rule = "anchor";
    s.reason = "the misses cluster on " + weekday_list(days) + ": '" + goal.after +
               "' may not happen on those days; stack the step on a habit that does";
    return s;
  }
  if (!chain.is_quota()) {
    if (static_cast<int>(recent.size()) >= 2 && t.missed_in_a_row >= 1) {
      int in_a_row = 0;
      while (in_a_row < static_cast<int>(recent.size()) && chain.state(recent[in_a_row]) == DayState::missed)
        ++in_a_row;
      if (in_a_row >= t.missed_in_a_row)
        return smaller("missed in a row", "the last " + std::to_string(in_a_row) +
                                              " scheduled days were missed in a row");
    }
    if (static_cast<int>(recent.size()) == t.review_window && done_recent < t.review_needed)
      return smaller("7-day rule", std::to_string(done_recent) + " of the last " +
                                       std::to_string(t.review_window) + " scheduled days done; " +
                                       std::to_string(t.review_needed) + " is on track");
  } else if (stats.rate_7 && (chain.today() - chain.started()).count() >= 6 &&
             *stats.rate_7 < static_cast<double>(t.review_needed) / t.review_window - 1e-9) {
    return smaller("7-day rule", percent(stats.rate_7) + " of the expected check-ins in the last 7 days; " +
                                     std::to_string(t.review_needed) + " of " +
                                     std::to_string(t.review_window) + " is on track");
  }

  std::string numbers;
  if (ready_to_grow(chain, t, numbers)) {
    s = growth_proposal(goal, t);
    s.reason = numbers + ": ready to grow (the 30-day rule); " + s.reason;
    // Logged amounts above the minimum on most recent done days: the person already does more.
    double minimum = goal.default_amount();
    int above = 0, done_days = 0;
    for (Day d = chain.today() - date::days{29}; d <= chain.today(); d += kOneDay) {
      if (!chain.marks().done(d)) continue;
      ++done_days;
      if (chain.marks().amount(d) > minimum) ++above;
    }
    if (done_days > 0 && above * 2 > done_days) {
      s.already_doing_more = true;
      s.reason += "; you are already doing the optional plus: " + std::to_string(above) + " of your last " +
                  count_with_unit(done_days, "done day") + " were above the minimum";
    }
    return s;
  }
  s.kind = SuggestionKind::keep;
  s.rule = "keep going";
  s.reason = numbers;
  if (!recent.empty() && !chain.is_quota())
    s.reason += ", " + std::to_string(done_recent) + " of the last " + std::to_string(recent.size()) + " scheduled days done";
  return s;
}

}  // namespace microstep
