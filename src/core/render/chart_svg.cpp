#include "core/render/chart_svg.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "core/base/escape.hpp"
#include "core/judge/stats.hpp"
#include "core/base/wording.hpp"

namespace microstep {

namespace {

constexpr date::days kOneDay{1};

// The geometry, in SVG user units (pixels when shown at its natural size).
constexpr int kPad = 16;         // around everything
constexpr int kLabelWidth = 34;  // weekday names and rate axis, left of the grid
constexpr int kCell = 11;        // a day's square
constexpr int kPitch = 13;       // a square and the gap after it
constexpr int kRightWidth = 44;  // the rate's last value, right of the grid
constexpr int kHeadingHeight = 30;
constexpr int kPanelTitle = 16;       // baseline of the goal's title, from the panel's top
constexpr int kPanelSubtitle = 32;    // baseline of its subtitle
constexpr int kMonthBaseline = 50;    // baseline of the month names
constexpr int kGridTop = 56;          // top of the first row of squares
constexpr int kRateCaption = kGridTop + 7 * kPitch + 14;  // baseline of "30-day completion rate"
constexpr int kRateTop = kRateCaption + 8;
constexpr int kRateHeight = 40;
constexpr int kPanelHeight = kRateTop + kRateHeight + 18;
constexpr int kLegendRow = 20;
// The narrowest picture: room for the heading, a goal's title and the legend beside a grid of
// a few weeks (a young journal's, or --weeks 1); a wider grid widens it.
constexpr int kMinWidth = 480;

/// Stays within what 11px sans-serif fits in the width (an estimate: no font is measured).
constexpr double kCharWidth11 = 6.2;

std::string number(double value) {
  std::array<char, 32> buffer{};
  double rounded = std::round(value * 10) / 10;
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), rounded,
                                 std::chars_format::fixed, rounded == std::floor(rounded) ? 0 : 1);
  return ec == std::errc{} ? std::string(buffer.data(), end) : std::string("0");
}
std::string number(int value) { return std::to_string(value); }

std::string percent(double rate) { return std::to_string(std::lround(rate * 100)) + "%"; }

/// Cuts text to at most `max_chars` code points, ending with an ellipsis when it was longer.
std::string shortened(const std::string& text, size_t max_chars) {
  size_t chars = 0, cut = std::string::npos;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (chars == max_chars - 1) cut = i;
    if (++chars > max_chars) return text.substr(0, cut) + "\u2026";
  }
  return text;
}

std::string_view state_label(DayState state) {
  switch (state) {
    case DayState::before_start: return "before the start";
    case DayState::unscheduled: return "not scheduled";
    case DayState::done: return "done";
    case DayState::done_unscheduled: return "done on an unscheduled day";
    case DayState::rest: return "skipped or paused";
    case DayState::missed: return "missed";
    case DayState::open: return "open, not done yet";
    case DayState::partial: return "done below the minimum";
    case DayState::partial_open: return "below the minimum so far";
  }
  return "";
}

std::string month_short(Day day) {
  return std::string(month_long_name(static_cast<unsigned>(date::year_month_day{day}.month())).substr(0, 3));
}

/// "24 Nov 2025"
std::string short_day(Day day) {
  date::year_month_day ymd{day};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " + month_short(day) + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

std::string capitalized(std::string_view name) {
  std::string s(name);
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

constexpr const char* kStyle =
    "text{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;fill:#1f2328}"
    ".bg{fill:#ffffff;stroke:#d0d7de}"
    ".heading{font-size:15px;font-weight:600}"
    ".title{font-size:13px;font-weight:600}"
    ".sub{font-size:11px;fill:#57606a}"
    ".axis{font-size:9px;fill:#57606a}"
    ".legend{font-size:11px;fill:#57606a}"
    ".done{fill:#2da44e}"
    ".extra{fill:#9be9a8;stroke:#2da44e}"
    ".missed{fill:#ffebe9;stroke:#cf222e}"
    ".rest{fill:url(#rest)}"
    ".unscheduled{fill:#eaeef2}"
    ".open{fill:#fff8c5;stroke:#9a6700}"
    ".partial{fill:#fff1e5;stroke:#bc4c00}"
    ".none{fill:#ffffff;stroke:#eaeef2}"
    ".today{stroke:#1f2328;stroke-width:2}"
    ".frame{fill:#f6f8fa;stroke:#d0d7de;stroke-width:0.5}"
    ".grid{stroke:#d0d7de;stroke-width:0.5;stroke-dasharray:2 2}"
    ".rate{fill:none;stroke:#0969da;stroke-width:1.5;stroke-linejoin:round}"
    ".point{fill:#0969da}";

/// A cell of the given class at (x, y), with the title a pointer or a screen reader shows.
std::string cell(int x, int y, std::string_view classes, const std::string& title) {
  return "<rect class=\"" + std::string(classes) + "\" x=\"" + number(x) + "\" y=\"" + number(y) +
         "\" width=\"" + number(kCell) + "\" height=\"" + number(kCell) + "\" rx=\"2\"><title>" +
         xml_escape(title) + "</title></rect>\n";
}

std::string text(double x, double y, std::string_view cls, const std::string& content,
                 std::string_view anchor = "") {
  std::string out = "<text class=\"" + std::string(cls) + "\" x=\"" + number(x) + "\" y=\"" + number(y) + "\"";
  if (!anchor.empty()) out += " text-anchor=\"" + std::string(anchor) + "\"";
  return out + ">" + xml_escape(content) + "</text>\n";
}

std::string panel(const ChartSeries& s, int top, int width) {
  const int grid_x = kPad + kLabelWidth;
  const int weeks = static_cast<int>(s.rates.size());
  const int grid_right = grid_x + weeks * kPitch - (kPitch - kCell);
  std::string out = "<g class=\"goal\">\n<title>" + xml_escape(s.id + ": " + s.step) + "</title>\n";

  // The title and what the year amounts to.
  const size_t max_chars = static_cast<size_t>((width - 2 * kPad) / kCharWidth11);
  std::string title = s.id + ": " + s.step;
  if (s.status != GoalStatus::active) title += " (" + std::string(to_string(s.status)) + ")";
  out += text(kPad, top + kPanelTitle, "title", shortened(title, max_chars - 8));
  std::string sub;
  if (!s.goal.empty()) sub += s.goal + " \u00B7 ";
  sub += s.schedule + " \u00B7 " + count_with_unit(s.done_days, "day") + " done in these " +
         count_with_unit(weeks, "week");
  if (!s.rates.empty() && s.rates.back().rate)
    sub += " \u00B7 30-day rate " + percent(*s.rates.back().rate);
  out += text(kPad, top + kPanelSubtitle, "sub", shortened(sub, max_chars));

  // Month names over the first week column of each month; the first column's month only when
  // there is room before the next name.
  std::vector<int> starts;
  for (int w = 0; w < weeks; ++w) {
    Day d = s.first + date::days{7 * w};
    if (w == 0 || month_short(d) != month_short(d - date::days{7})) starts.push_back(w);
  }
  for (size_t i = 0; i < starts.size(); ++i) {
    int w = starts[i];
    if (w == 0 && starts.size() > 1 && starts[1] < 4) continue;
    Day d = s.first + date::days{7 * w};
    std::string label = month_short(d);
    if (date::year_month_day{d}.month() == date::January || w == 0 || (i == 1 && starts[0] == 0 && starts[1] < 4))
      label += " " + std::to_string(static_cast<int>(date::year_month_day{d}.year()));
    out += text(grid_x + w * kPitch, top + kMonthBaseline, "axis", label);
  }

  // Weekday names on every other row.
  for (unsigned row = 0; row < 7; row += 2)
    out += text(grid_x - 6, top + kGridTop + static_cast<int>(row) * kPitch + 9, "axis",
                capitalized(weekday_short_name((s.week_start + row) % 7)), "end");

  // One square per day from the first column to today.
  for (size_t i = 0; i < s.states.size(); ++i) {
    Day d = s.first + date::days{static_cast<long>(i)};
    int x = grid_x + static_cast<int>(i / 7) * kPitch;
    int y = top + kGridTop + static_cast<int>(i % 7) * kPitch;
    std::string classes = "day " + std::string(chart_state_class(s.states[i]));
    if (d == s.today) classes += " today";
    std::string title = capitalized(weekday_long_name(iso_weekday_index(d))) + " " + format_day(d) +
                        ": " + std::string(state_label(s.states[i]));
    if (d == s.today) title += " (today)";
    out += cell(x, y, classes, title);
  }

  // The 30-day rate, one sample per week column, under the grid and aligned with it.
  const int rate_top = top + kRateTop;
  out += text(kPad, top + kRateCaption, "sub",
              s.tracking ? "Tracking only: counted, never scored" : "30-day completion rate, week by week");
  out += "<rect class=\"frame\" x=\"" + number(grid_x) + "\" y=\"" + number(rate_top) + "\" width=\"" +
         number(grid_right - grid_x) + "\" height=\"" + number(kRateHeight) + "\"/>\n";
  out += "<line class=\"grid\" x1=\"" + number(grid_x) + "\" y1=\"" + number(rate_top + kRateHeight / 2) +
         "\" x2=\"" + number(grid_right) + "\" y2=\"" + number(rate_top + kRateHeight / 2) + "\"/>\n";
  out += text(grid_x - 4, rate_top + 4, "axis", "100%", "end");
  out += text(grid_x - 4, rate_top + kRateHeight / 2 + 3, "axis", "50%", "end");
  out += text(grid_x - 4, rate_top + kRateHeight + 2, "axis", "0%", "end");
  auto point_x = [&](size_t w) { return grid_x + static_cast<double>(w) * kPitch + kCell / 2.0; };
  auto point_y = [&](double rate) { return rate_top + kRateHeight * (1 - std::clamp(rate, 0.0, 1.0)); };
  for (size_t w = 0; w < s.rates.size();) {
    if (!s.rates[w].rate) {
      ++w;
      continue;
    }
    size_t end = w;
    std::string points;
    for (; end < s.rates.size() && s.rates[end].rate; ++end) {
      if (!points.empty()) points += ' ';
      points += number(point_x(end)) + "," + number(point_y(*s.rates[end].rate));
    }
    if (end - w == 1)  // a lone sample: a line of one point would not show
      out += "<circle class=\"point\" cx=\"" + number(point_x(w)) + "\" cy=\"" +
             number(point_y(*s.rates[w].rate)) + "\" r=\"2\"/>\n";
    out += "<polyline class=\"rate\" points=\"" + points + "\"><title>" +
           xml_escape("30-day completion rate from " + format_day(s.rates[w].day) + " to " +
                      format_day(s.rates[end - 1].day)) +
           "</title></polyline>\n";
    w = end;
  }
  if (!s.rates.empty() && s.rates.back().rate) {
    double r = *s.rates.back().rate;
    size_t w = s.rates.size() - 1;
    out += "<circle class=\"point\" cx=\"" + number(point_x(w)) + "\" cy=\"" + number(point_y(r)) +
           "\" r=\"2.5\"/>\n";
    out += text(grid_right + 6, point_y(r) + 3.5, "sub", percent(r));
  }
  return out + "</g>\n";
}

std::string legend(int top, int width) {
  constexpr std::array<DayState, 8> order{DayState::done,        DayState::done_unscheduled, DayState::partial,
                                          DayState::missed,      DayState::rest,             DayState::unscheduled,
                                          DayState::open,        DayState::before_start};
  std::string out = "<g class=\"legend\">\n<title>Legend</title>\n";
  int x = kPad, y = top;
  for (DayState state : order) {
    std::string label(state_label(state));
    int item = kCell + 5 + static_cast<int>(static_cast<double>(label.size()) * kCharWidth11) + 14;
    if (x > kPad && x + item > width - kPad) x = kPad, y += kLegendRow;
    out += "<rect class=\"key " + std::string(chart_state_class(state)) + "\" x=\"" + number(x) +
           "\" y=\"" + number(y) + "\" width=\"" + number(kCell) + "\" height=\"" + number(kCell) +
           "\" rx=\"2\"/>\n";
    out += text(x + kCell + 5, y + 9.5, "legend", label);
    x += item;
  }
  // Today's outline, on an empty square.
  std::string label = "today";
  int item = kCell + 5 + static_cast<int>(static_cast<double>(label.size()) * kCharWidth11) + 14;
  if (x + item > width - kPad) x = kPad, y += kLegendRow;
  out += "<rect class=\"key none today\" x=\"" + number(x) + "\" y=\"" + number(y) + "\" width=\"" +
         number(kCell) + "\" height=\"" + number(kCell) + "\" rx=\"2\"/>\n";
  out += text(x + kCell + 5, y + 9.5, "legend", label);
  return out + "</g>\n";
}

/// How many rows the legend needs (the same wrapping as legend()).
int legend_rows(int width) {
  int rows = 1, x = kPad;
  auto place = [&](size_t label_size) {
    int item = kCell + 5 + static_cast<int>(static_cast<double>(label_size) * kCharWidth11) + 14;
    if (x > kPad && x + item > width - kPad) x = kPad, ++rows;
    x += item;
  };
  for (DayState state : {DayState::done, DayState::done_unscheduled, DayState::partial, DayState::missed,
                         DayState::rest, DayState::unscheduled, DayState::open, DayState::before_start})
    place(state_label(state).size());
  place(std::string_view("today").size());
  return rows;
}

}  // namespace

std::string_view chart_state_class(DayState state) {
  switch (state) {
    case DayState::before_start: return "none";
    case DayState::unscheduled: return "unscheduled";
    case DayState::done: return "done";
    case DayState::done_unscheduled: return "extra";
    case DayState::rest: return "rest";
    case DayState::missed: return "missed";
    case DayState::open: return "open";
    case DayState::partial: return "partial";
    case DayState::partial_open: return "open partial";
  }
  return "none";
}

std::string xml_escape(std::string_view text) {
  const bool valid = is_valid_utf8(text);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') break;  // not allowed in XML 1.0
        if (byte == 0x7F) break;
        out += (!valid && byte >= 0x80) ? '?' : c;
    }
  }
  return out;
}

int chart_weeks_since(Day first_start, Day today, unsigned week_start) {
  long days = (start_of_week(today, week_start) - start_of_week(first_start, week_start)).count();
  return static_cast<int>(std::clamp(days / 7 + 1, 1L, static_cast<long>(kChartWeeks)));
}

ChartSeries chart_series(const Chain& chain, int weeks) {
  ChartSeries s;
  const Goal& goal = chain.goal();
  s.id = goal.id;
  s.step = chain.in_force().step;
  s.goal = goal.goal;
  s.schedule = chain.in_force().schedule_text;
  s.status = goal.status;
  s.today = chain.today();
  s.week_start = chain.week_start();
  s.first = start_of_week(s.today, s.week_start) - date::days{7L * (std::max(weeks, 1) - 1)};
  for (Day d = s.first; d <= s.today; d += kOneDay) {
    DayState state = chain.state(d);
    if (is_done(state)) ++s.done_days;
    s.states.push_back(state);
  }
  s.tracking = chain.in_force().schedule.is_tracking();
  for (int w = 0; w < std::max(weeks, 1); ++w) {
    Day last = std::min(s.first + date::days{7L * w + 6}, s.today);
    std::optional<double> rate;
    if (!s.tracking) rate = completion_rate_between(chain, last - date::days{kChartRateWindow - 1}, last);
    s.rates.push_back({last, rate});
  }
  return s;
}

std::string chart_svg(const std::vector<ChartSeries>& series) {
  const int weeks = series.empty() ? kChartWeeks : static_cast<int>(series.front().rates.size());
  const int width = std::max(kMinWidth, kPad + kLabelWidth + weeks * kPitch + kRightWidth + kPad);
  const int panels_top = kPad + kHeadingHeight;
  const int legend_top = panels_top + static_cast<int>(series.size()) * kPanelHeight + 8;
  const int height = legend_top + legend_rows(width) * kLegendRow + kPad - 6;

  std::string heading = "microstep: the chain";
  if (!series.empty())
    heading += ", " + short_day(series.front().first) + " to " + short_day(series.front().today);

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + number(width) +
         "\" height=\"" + number(height) + "\" viewBox=\"0 0 " + number(width) + " " + number(height) +
         "\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">\n";
  out += "<title id=\"chart-title\">" + xml_escape(heading) + "</title>\n";
  std::string desc = "A calendar heatmap of the last " + std::to_string(weeks) +
                     " weeks per goal (done, missed, skipped, not scheduled) and its 30-day completion rate.";
  for (const auto& s : series)
    desc += " " + s.id + ": " + count_with_unit(s.done_days, "day") + " done" +
            (!s.rates.empty() && s.rates.back().rate ? ", 30-day rate " + percent(*s.rates.back().rate) : "") +
            ".";
  out += "<desc id=\"chart-desc\">" + xml_escape(desc) + "</desc>\n";
  out += "<defs>\n<style>" + std::string(kStyle) + "</style>\n";
  out += "<pattern id=\"rest\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"4\" height=\"4\" fill=\"#d0d7de\"/>"
         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" stroke=\"#57606a\" stroke-width=\"1.5\"/></pattern>\n";
  out += "</defs>\n";
  out += "<rect class=\"bg\" x=\"0.5\" y=\"0.5\" width=\"" + number(width - 1) + "\" height=\"" +
         number(height - 1) + "\" rx=\"6\"/>\n";
  out += text(kPad, kPad + 14, "heading", heading);
  if (series.empty()) out += text(kPad, panels_top + 16, "sub", "No goals to show.");
  for (size_t i = 0; i < series.size(); ++i)
    out += panel(series[i], panels_top + static_cast<int>(i) * kPanelHeight, width);
  out += legend(legend_top, width);
  return out + "</svg>\n";
}

}  // namespace microstep
