#include "core/interop/export_ics.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/model/clock.hpp"
#include "core/render/intention.hpp"

namespace microstep {

namespace {

constexpr std::string_view kIcsDays[7] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

std::string ics_date(Day day) {
  date::year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string ics_utc(const Moment& m) {
  auto day = date::floor<date::days>(m.utc);
  date::hh_mm_ss<std::chrono::seconds> t{m.utc - day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d%02d%02dZ", static_cast<int>(t.hours().count()),
                static_cast<int>(t.minutes().count()), static_cast<int>(t.seconds().count()));
  return ics_date(Day{day}) + buf;
}

/// The days of a quota spread evenly over a week from `first_weekday`: 3 from Monday -> 0, 2, 4.
std::vector<unsigned> spread_weekdays(unsigned n, unsigned first_weekday) {
  std::vector<unsigned> days;
  for (unsigned i = 0; i < n; ++i) days.push_back((first_weekday + (i * 7) / n) % 7);
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

/// Days of the month (1-28) spread evenly from `first_day`.
std::vector<unsigned> spread_month_days(unsigned n, unsigned first_day) {
  unsigned base = std::min(first_day, 28u) - 1;
  std::vector<unsigned> days;
  for (unsigned i = 0; i < n; ++i) days.push_back((base + (i * 28) / n) % 28 + 1);
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

unsigned day_of_month(Day day) { return static_cast<unsigned>(date::year_month_day{day}.day()); }

bool daily(const Schedule& s) {
  return s.asks_every_day() || (s.kind == Schedule::Kind::per_week && s.n >= 7);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

}  // namespace

std::string ics_escape_text(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += c;
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
          out += ' ';
        else
          out += c;
    }
  }
  return out;
}

std::string ics_fold_line(std::string_view line) {
  std::string out;
  size_t limit = 75;
  while (line.size() > limit) {
    size_t cut = limit;
    // Never split a UTF-8 sequence: back up to the first byte of the character.
    while (cut > 1 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;  // the leading space of a continuation line counts
  }
  out.append(line);
  out += "\r\n";
  return out;
}

Day ics_first_day(const Goal& goal) {
  const Schedule& s = goal.schedule;
  Day start = goal.since;
  if (s.kind == Schedule::Kind::days) {
    for (int i = 0; i < 7; ++i) {
      Day d = start + date::days{i};
      if ((s.weekday_mask >> iso_weekday_index(d)) & 1u) return d;
    }
  }
  if (s.kind == Schedule::Kind::per_month && !daily(s)) {
    auto days = spread_month_days(s.n, day_of_month(start));
    for (int i = 0; i < 62; ++i) {
      Day d = start + date::days{i};
      if (std::find(days.begin(), days.end(), day_of_month(d)) != days.end()) return d;
    }
  }
  return start;
}

std::string ics_rrule(const Goal& goal) {
  const Schedule& s = goal.schedule;
  if (daily(s)) return "FREQ=DAILY";
  switch (s.kind) {
    case Schedule::Kind::days: {
      std::vector<std::string> days;
      for (unsigned i = 0; i < 7; ++i)
        if ((s.weekday_mask >> i) & 1u) days.emplace_back(kIcsDays[i]);
      return "FREQ=WEEKLY;BYDAY=" + join(days, ",");
    }
    case Schedule::Kind::every_n:
      return "FREQ=DAILY;INTERVAL=" + std::to_string(s.n);
    case Schedule::Kind::per_week: {
      std::vector<std::string> days;
      for (unsigned d : spread_weekdays(s.n, iso_weekday_index(ics_first_day(goal))))
        days.emplace_back(kIcsDays[d]);
      return "FREQ=WEEKLY;BYDAY=" + join(days, ",");
    }
    case Schedule::Kind::per_month: {
      std::vector<std::string> days;
      for (unsigned d : spread_month_days(s.n, day_of_month(ics_first_day(goal))))
        days.push_back(std::to_string(d));
      return "FREQ=MONTHLY;BYMONTHDAY=" + join(days, ",");
    }
    case Schedule::Kind::rolling: {
      // One day every N/K days, rounded down: each N days in a row then hold K of them.
      unsigned interval = std::max(1u, s.n / s.k);
      return interval == 1 ? "FREQ=DAILY" : "FREQ=DAILY;INTERVAL=" + std::to_string(interval);
    }
    case Schedule::Kind::tracking:
      break;  // never due: export_ics leaves such a goal out
  }
  return "FREQ=DAILY";
}

std::string export_ics(const std::vector<Goal>& goals, const Moment& stamp) {
  std::string out;
  auto line = [&](std::string_view text) { out += ics_fold_line(text); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line(std::string("PRODID:-//microstep//microstep ") + MICROSTEP_VERSION + "//EN");
  line("CALSCALE:GREGORIAN");
  for (const auto& g : goals) {
    if (g.status != GoalStatus::active || g.schedule.is_tracking()) continue;  // nothing to block time for
    Day first = ics_first_day(g);
    line("BEGIN:VEVENT");
    line("UID:" + g.id + "@microstep");
    line("DTSTAMP:" + ics_utc(stamp));
    auto at = g.at.empty() ? std::nullopt : parse_time_of_day(g.at);
    if (at) {
      char time[16];
      std::snprintf(time, sizeof time, "T%02d%02d00", static_cast<int>(at->count() / 60),
                    static_cast<int>(at->count() % 60));
      line("DTSTART:" + ics_date(first) + time);
      long minutes = g.minutes ? std::max(1L, static_cast<long>(std::ceil(*g.minutes))) : 15L;
      line("DURATION:PT" + std::to_string(minutes) + "M");
    } else {
      line("DTSTART;VALUE=DATE:" + ics_date(first));
      line("TRANSP:TRANSPARENT");
    }
    line("RRULE:" + ics_rrule(g));
    line("SUMMARY:" + ics_escape_text(g.step));
    std::vector<std::string> description{implementation_intention(g.after, g.step)};
    if (!g.goal.empty()) description.push_back("Goal: " + g.goal);
    if (g.schedule.is_quota() && !daily(g.schedule))
      description.push_back(
          "Any " + std::to_string(g.schedule.n) + " days a " +
          std::string(g.schedule.kind == Schedule::Kind::per_week ? "week" : "month") +
          " count; the days in this calendar are suggestions.");
    if (g.schedule.kind == Schedule::Kind::rolling)
      description.push_back("Any " + std::to_string(g.schedule.k) + " days in " + std::to_string(g.schedule.n) +
                            " days in a row count; the days in this calendar are suggestions.");
    description.push_back("Check in: microstep done " + g.id);
    line("DESCRIPTION:" + ics_escape_text(join(description, "\n")));
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace microstep
