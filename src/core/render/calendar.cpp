#include "core/render/calendar.hpp"

#include <algorithm>
#include <array>

#include "core/base/wrap.hpp"

namespace microstep {

namespace {

constexpr date::days kOneDay{1};

struct MarkStyle {
  const char* ascii;
  const char* unicode;
  const char* color;  // ANSI SGR code, empty for none
};

const MarkStyle& mark_style(DayState state) {
  static const std::array<MarkStyle, 9> styles{{
      {" ", " ", ""},       // before_start
      {" ", " ", ""},       // unscheduled
      {"X", "\u25A0", "32"},  // done: a filled square, green
      {"+", "\u25AA", "36"},  // done on an unscheduled day: a small square, cyan
      {"-", "\u25CB", "34"},  // rest: a circle, blue
      {".", "\u00B7", "31"},  // missed: a dot, red
      {"?", "\u25A1", "33"},  // open today: an empty square, yellow
      {"~", "\u25D0", "31"},  // done below the minimum: a half circle, red (counts as missed)
      {"~", "\u25D0", "33"},  // below the minimum so far today: a half circle, yellow
  }};
  return styles.at(static_cast<size_t>(state));
}

std::string painted(const std::string& text, const char* code, const CalendarStyle& style) {
  if (!style.color || !*code) return text;
  return "\033[" + std::string(code) + "m" + text + "\033[0m";
}

/// Trailing spaces make plain output hard to compare; trim them line by line.
void trim_right(std::string& line) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
}

std::string weekday_header(unsigned week_start) {
  std::string line;
  for (unsigned i = 0; i < 7; ++i) {
    std::string_view name = weekday_short_name((week_start + i) % 7);
    line += "  ";
    line += static_cast<char>(name[0] - 'a' + 'A');
    line += name[1];
    line += ' ';
  }
  trim_right(line);
  return line;
}

std::string centered(const std::string& text, size_t width) {
  if (text.size() >= width) return text;
  return std::string((width - text.size()) / 2, ' ') + text;
}

}  // namespace

std::string day_mark(DayState state, const CalendarStyle& style) {
  const MarkStyle& m = mark_style(state);
  return painted(style.unicode ? m.unicode : m.ascii, m.color, style);
}

std::string month_grids(const Chain& chain, int months, const CalendarStyle& style) {
  Day today = chain.today();
  Day month = start_of_month(today);
  for (int i = 1; i < months; ++i) month = start_of_month(month - kOneDay);
  std::string out;
  for (int i = 0; i < months; ++i) {
    date::year_month_day ymd{month};
    std::string title = std::string(month_long_name(static_cast<unsigned>(ymd.month()))) + " " +
                        std::to_string(static_cast<int>(ymd.year()));
    if (!out.empty()) out += "\n";
    out += centered(title, 35) + "\n" + weekday_header(chain.week_start()) + "\n";
    Day last = month + date::days{days_in_month(month) - 1};
    std::string line;
    for (Day d = start_of_week(month, chain.week_start()); d <= last; d += kOneDay) {
      if (d < month) {
        line += "     ";
      } else {
        unsigned dom = static_cast<unsigned>(date::year_month_day{d}.day());
        std::string number = (dom < 10 ? " " : "") + std::to_string(dom);
        std::string mark = day_mark(chain.state(d), style);
        if (d == today)
          line += "[" + number + mark + "]";
        else
          line += " " + number + mark + " ";
      }
      if (iso_weekday_index(d + kOneDay) == chain.week_start() || d == last) {
        trim_right(line);
        out += line + "\n";
        line.clear();
      }
    }
    month = last + kOneDay;
  }
  return out;
}

namespace {

/// The column of the goal ids, before the strips.
size_t strip_id_width(const std::vector<const Chain*>& chains) {
  size_t id_width = 4;
  for (const Chain* c : chains) id_width = std::max(id_width, c->goal().id.size());
  return id_width;
}

}  // namespace

int strip_weeks_that_fit(const std::vector<const Chain*>& chains, size_t width, int most) {
  // An id, two spaces, then 7 marks a week and a space between weeks.
  size_t used = strip_id_width(chains) + 2 - 1;
  int weeks = width > used ? static_cast<int>((width - used) / 8) : 0;
  return std::clamp(weeks, 1, std::max(most, 1));
}

std::string heatmap_strips(const std::vector<const Chain*>& chains, int weeks,
                           const CalendarStyle& style) {
  if (chains.empty()) return "";
  Day today = chains.front()->today();
  unsigned week_start = chains.front()->week_start();
  Day first = start_of_week(today, week_start) - date::days{7 * (weeks - 1)};
  size_t id_width = strip_id_width(chains);

  // A header naming the first day of every fourth week.
  std::string header(id_width + 2, ' ');
  for (int w = 0; w < weeks; w += 4) {
    date::year_month_day ymd{first + date::days{7 * w}};
    std::string label = std::string(month_long_name(static_cast<unsigned>(ymd.month())).substr(0, 3)) +
                        " " + std::to_string(static_cast<unsigned>(ymd.day()));
    label.resize(std::min<size_t>(32, static_cast<size_t>(std::min(4, weeks - w)) * 8), ' ');
    header += label;
  }
  trim_right(header);
  std::string out = header + "\n";
  for (const Chain* c : chains) {
    std::string line = c->goal().id + std::string(id_width + 2 - c->goal().id.size(), ' ');
    for (Day d = first; d <= today; d += kOneDay) {
      if (d != first && iso_weekday_index(d) == week_start) line += ' ';
      line += day_mark(c->state(d), style);
    }
    trim_right(line);
    out += line + "\n";
  }
  return out;
}

std::string calendar_legend(const CalendarStyle& style, size_t width) {
  auto item = [&](DayState s, const char* what) { return day_mark(s, style) + " " + what; };
  const std::string items[] = {item(DayState::done, "done"),
                               item(DayState::done_unscheduled, "done, unscheduled"),
                               item(DayState::partial, "below the minimum"),
                               item(DayState::missed, "missed"),
                               item(DayState::rest, "rest (skip/pause)"),
                               item(DayState::open, "open today"),
                               "[ ] today"};
  std::string out, line;
  for (const auto& it : items) {
    if (!line.empty() && display_width(line) + 2 + display_width(it) > width) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : "  ") + it;
  }
  return out + line + "\n";
}

}  // namespace microstep
