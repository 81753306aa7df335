// microstep_bench_generate: writes a synthetic journal for the benchmark (see bench/README.md).
//
//   microstep_bench_generate --goals G --years Y --end YYYY-MM-DD [--seed N] DIR
//
// Deterministic: the same arguments give the same bytes on every machine (a seeded
// splitmix64, no <random> distributions, whose output differs between standard libraries).
// Lines are formatted by the library's own format_log_line and goal files by render_new_goal,
// so what is written is exactly what microstep writes. The last line of output says how many
// lines the log holds: "DIR: G goals, N lines, B bytes".
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/event.hpp"
#include "core/model/goal.hpp"
#include "core/journal/goal_file.hpp"
#include "core/journal/log_line.hpp"

namespace fs = std::filesystem;
using namespace microstep;

namespace {

// ---- a portable random source ------------------------------------------------------------

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {  // splitmix64
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, 1).
  double real() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Uniform in [lo, hi].
  long between(long lo, long hi) { return lo + static_cast<long>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
  bool chance(double p) { return real() < p; }
  template <typename T>
  const T& pick(const std::vector<T>& items) { return items[next() % items.size()]; }

 private:
  std::uint64_t state_;
};

// ---- what the goals look like --------------------------------------------------------------

struct Template {
  const char* id;
  const char* goal;
  const char* step;
  const char* after;
  const char* schedule;
  const char* unit;      // "" when the goal has no amounts
  int hour, minute;      // when the cue usually happens
  int per_day;           // most check-ins a day (water: several glasses)
};

const std::vector<Template> kTemplates = {
    {"floss", "Healthy teeth", "Floss one tooth", "I brush my teeth at night", "daily", "", 22, 15, 1},
    {"read", "Read more books", "Read one page", "I get into bed", "daily", "pages", 22, 40, 2},
    {"run", "Run a 5K", "Put on my running shoes", "I get home from work", "mon,wed,fri", "", 18, 30, 1},
    {"guitar", "Play guitar at my sister's wedding", "Play one scale", "I finish dinner", "3/week", "", 20, 45, 1},
    {"write", "Write a novel", "Write one sentence", "I pour my morning coffee", "daily", "sentences", 7, 40, 1},
    {"stretch", "Touch my toes", "Stretch for one minute", "I get out of bed", "weekdays", "", 6, 50, 1},
    {"water", "Drink more water", "Drink one glass of water", "I sit down at my desk", "daily", "glasses", 9, 5, 8},
    {"spanish", "Order a café con leche in Spanish", "Learn one word", "the kettle is on", "daily", "words", 8, 10, 2},
    {"pushups", "Get stronger", "Do one push-up", "I close my laptop", "every 2 days", "push-ups", 17, 55, 3},
    {"journal", "Know myself better", "Write one line", "I brush my teeth in the morning", "daily", "", 7, 5, 1},
    {"breathe", "A calmer mind", "Take three slow breaths", "I sit down in the car", "weekdays", "", 8, 20, 1},
    {"call", "Stay close to Oma", "Call my grandmother", "Sunday lunch is over", "2/month", "minutes", 14, 30, 1},
    {"tidy", "A tidy home", "Put one thing away", "I take my shoes off", "daily", "things", 18, 5, 4},
    {"piano", "Play «Clair de lune»", "Play the first bar", "I come back from lunch", "5/week", "", 13, 15, 1},
    {"walk", "Walk 10 000 steps", "Walk around the block", "I finish lunch", "daily", "km", 12, 50, 3},
    {"sketch", "Fill a sketchbook", "Draw one line", "the kids are in bed", "weekends", "", 21, 0, 1},
};

const std::vector<std::string> kSkipNotes = {
    "sick", "travelling", "Dentist appointment; gums sore", "rest day", "too tired, honestly",
    "family visit", "Krank im Bett 🤒", "en vacances à Lyon", "moving house", "",
};

const std::vector<std::string> kWords = {
    "the", "step", "felt", "easy", "today", "again", "after", "coffee", "rain", "tired", "good",
    "really", "almost", "forgot", "but", "did", "it", "anyway", "kids", "late", "morning",
    "train", "quiet", "evening", "small", "win", "streak", "back", "on", "track", "week",
    "café", "naïve", "Grüße", "façade", "über", "日本語", "進歩", "小さな一歩", "✓", "🎉", "→",
};

/// A note of varied length: mostly a few words, sometimes a paragraph; some need escaping.
std::string make_note(Random& rng) {
  long words = rng.chance(0.9) ? rng.between(1, 8) : rng.between(9, 40);
  std::string note;
  for (long i = 0; i < words; ++i) {
    if (i > 0) note += rng.chance(0.02) ? "\t" : " ";
    note += rng.pick(kWords);
  }
  if (rng.chance(0.03)) note += "\nsecond line";
  if (rng.chance(0.01)) note += " C:\\path";
  note[0] = static_cast<char>(note[0] >= 'a' && note[0] <= 'z' ? note[0] - 32 : note[0]);
  return note;
}

/// The amount of one check-in, in the goal's unit: mostly small whole numbers.
std::optional<double> make_amount(Random& rng, const Template& t) {
  if (!*t.unit || rng.chance(0.4)) return std::nullopt;
  if (std::string_view(t.unit) == "km") return static_cast<double>(rng.between(5, 120)) / 10.0;
  if (rng.chance(0.05)) return static_cast<double>(rng.between(1, 40)) + 0.5;
  return static_cast<double>(rng.between(1, 20));
}

// ---- time --------------------------------------------------------------------------------

/// Summer time from April to October (close enough to the EU rule for a benchmark).
std::chrono::minutes home_offset(Day day) {
  unsigned month = static_cast<unsigned>(date::year_month_day{day}.month());
  return std::chrono::minutes{month >= 4 && month <= 10 ? 120 : 60};
}

Moment moment_at(Day day, long minutes_after_midnight, std::chrono::minutes offset) {
  date::sys_seconds wall = date::sys_seconds{day} + std::chrono::minutes{minutes_after_midnight};
  return Moment{wall - offset, offset};
}

// ---- the simulation ----------------------------------------------------------------------

struct Person {
  const Template* t;
  Goal goal;
  double diligence;          ///< chance to do a scheduled day when things go well
  long lapse_left = 0;       ///< days left in a run of misses
  long pause_left = 0;       ///< days left in a pause (0: not paused)
};

/// Lines waiting for the day they were written on (backfills are written days later).
class Outbox {
 public:
  void add(const Event& event) { pending_[day_number(day_of_write(event))].push_back(event); }
  /// Writes every line written on or before `day`, in the order they were written.
  void flush_until(Day day, std::ostream& out, std::uint64_t& lines, std::uint64_t& bytes) {
    while (!pending_.empty() && pending_.begin()->first <= day_number(day)) {
      auto& events = pending_.begin()->second;
      std::stable_sort(events.begin(), events.end(),
                       [](const Event& a, const Event& b) { return a.written.utc < b.written.utc; });
      for (const auto& e : events) {
        std::string line = format_log_line(e);
        out << line;
        ++lines;
        bytes += line.size();
      }
      pending_.erase(pending_.begin());
    }
  }

 private:
  static Day day_of_write(const Event& e) {
    return Day{date::floor<date::days>(local_time(e.written)).time_since_epoch()};
  }
  std::map<long, std::vector<Event>> pending_;
};

Goal make_goal(const Template& t, const std::string& id, Day started, Day end, Random& rng) {
  Goal g;
  g.id = id;
  g.goal = t.goal;
  g.step = t.step;
  g.after = t.after;
  g.schedule_text = t.schedule;
  g.schedule = *parse_schedule(t.schedule);
  g.started = started;
  g.since = started;
  g.unit = t.unit;
  if (*t.unit) g.minimum = 1;
  if (rng.chance(0.3)) g.feeling = "capable";
  // Some goals grew (or shrank) their step over the years: earlier versions in history.
  if (rng.chance(0.3) && end - started > date::days{400}) {
    long versions = rng.between(1, 3);
    long span = (end - started).count();
    Day from = started;
    for (long v = 0; v < versions; ++v) {
      StepVersion old{from, std::string(t.step) + (v == 0 ? " (tiny)" : " (a bit more)"),
                      g.schedule_text, g.schedule, g.minimum, g.after};
      g.history.push_back(old);
      from = from + date::days{rng.between(30, span / (versions + 1))};
    }
    g.since = from;
  }
  unsigned roll = static_cast<unsigned>(rng.between(0, 99));
  g.status = roll < 90 ? GoalStatus::active : roll < 95 ? GoalStatus::paused : roll < 98 ? GoalStatus::done
                                                                                         : GoalStatus::archived;
  return g;
}

/// Does the person mean to do the step on `day`? Quotas: on some days of the period.
bool asked(const Person& p, Day day, Random& rng) {
  const Schedule& s = p.goal.schedule;
  switch (s.kind) {
    case Schedule::Kind::per_week:
      return rng.chance(s.n / 7.0 * 1.1);
    case Schedule::Kind::per_month:
      return rng.chance(s.n / 30.0 * 1.1);
    default:
      return s.is_scheduled(day, p.goal.started);
  }
}

void simulate_day(Person& p, Day day, Day end, Random& rng, Outbox& out) {
  if (day < p.goal.started) return;
  const Template& t = *p.t;
  auto offset = home_offset(day);
  long usual = t.hour * 60 + t.minute;
  auto event = [&](EventKind kind, long minutes, std::string note = {}) {
    Event e;
    e.day = day;
    e.written = moment_at(day, minutes, offset);
    e.kind = kind;
    e.goal = p.goal.id;
    e.note = std::move(note);
    return e;
  };

  if (p.pause_left > 0) {
    if (--p.pause_left == 0) out.add(event(EventKind::resume, usual));
    return;
  }
  if (rng.chance(1.0 / 500)) {  // holidays, an injury: a pause of one to four weeks
    p.pause_left = rng.between(7, 28);
    out.add(event(EventKind::pause, usual - 30, rng.chance(0.5) ? "holiday" : ""));
    return;
  }
  if (p.lapse_left > 0) {
    --p.lapse_left;
    if (rng.chance(0.03)) out.add(event(EventKind::skip, usual, rng.pick(kSkipNotes)));
    return;
  }
  if (rng.chance(1.0 / 60)) {  // a run of misses starts
    p.lapse_left = rng.between(2, 12);
    return;
  }

  bool is_asked = asked(p, day, rng);
  if (!is_asked && !rng.chance(0.04)) return;  // now and then a bonus day
  if (is_asked && !rng.chance(p.diligence)) {
    if (rng.chance(0.2)) out.add(event(EventKind::skip, usual + rng.between(-20, 60), rng.pick(kSkipNotes)));
    return;
  }

  long checkins = t.per_day > 1 ? rng.between(1, t.per_day) : 1;
  long minutes = usual + rng.between(-25, 40);
  for (long c = 0; c < checkins; ++c, minutes += rng.between(60, 180)) {
    Event done = event(EventKind::done, minutes, rng.chance(0.12) ? make_note(rng) : "");
    done.amount = make_amount(rng, t);
    if (rng.chance(0.01)) done.truth = "I did it even though I did not feel like it";
    // Written late at night (the day starts at 04:00), or days later from memory.
    if (rng.chance(0.02) && day < end) {
      done.written = moment_at(day + date::days{1}, rng.between(5, 200), home_offset(day + date::days{1}));
    } else if (rng.chance(0.03)) {
      Day later = std::min(end, day + date::days{rng.between(1, 4)});
      done.written = moment_at(later, rng.between(8 * 60, 21 * 60), home_offset(later));
      if (done.note.empty()) done.note = "Backfilled: forgot to log";
    }
    out.add(done);
    if (rng.chance(0.005)) {  // a wrong tap, taken back, sometimes done again
      Event undo = done;
      undo.kind = EventKind::undo;
      undo.amount.reset();
      undo.note.clear();
      undo.truth.clear();
      undo.written.utc += std::chrono::minutes{1};
      out.add(undo);
      if (rng.chance(0.5)) {
        done.written.utc += std::chrono::minutes{2};
        out.add(done);
      }
    }
    if (rng.chance(0.001)) out.add(done);  // an exact duplicate, as a union merge leaves
  }
}

// ---- the command line --------------------------------------------------------------------

[[noreturn]] void usage(const std::string& problem) {
  std::cerr << "microstep_bench_generate: " << problem << "\n"
            << "usage: microstep_bench_generate --goals G --years Y --end YYYY-MM-DD [--seed N] DIR\n";
  std::exit(2);
}

long positive(const std::string& option, const char* text) {
  char* end = nullptr;
  long v = std::strtol(text, &end, 10);
  if (!*text || *end || v < 1 || v > 100000) usage(option + " must be a whole number from 1 to 100000");
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  long goals = 0, years = 0;
  std::uint64_t seed = 1;
  std::optional<Day> end;
  std::string dir;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) usage(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--goals") goals = positive(arg, value());
    else if (arg == "--years") years = positive(arg, value());
    else if (arg == "--seed") seed = static_cast<std::uint64_t>(positive(arg, value()));
    else if (arg == "--end") {
      end = parse_iso_day(value());
      if (!end) usage("--end must be a date YYYY-MM-DD");
    } else if (!arg.empty() && arg[0] == '-') usage("unknown option " + arg);
    else if (dir.empty()) dir = arg;
    else usage("only one directory, please");
  }
  if (!goals || !years || !end || dir.empty()) usage("--goals, --years, --end and DIR are required");
  fs::path root(dir);
  if (fs::exists(root / "microstep.yaml") || fs::exists(root / "checkins.log"))
    usage(dir + " already holds a journal; give an empty or new directory");
  fs::create_directories(root / "goals");

  std::ofstream(root / "microstep.yaml") << "# A synthetic journal for the benchmark (bench/generate.cpp)\n"
                                            "day_starts_at: \"04:00\"\nweek_starts: monday\n";
  Random rng(seed);
  Day first = *end - date::days{years * 365 + years / 4 - 1};
  std::vector<Person> people;
  for (long g = 0; g < goals; ++g) {
    const Template& t = kTemplates[static_cast<size_t>(g) % kTemplates.size()];
    std::string id = t.id;
    if (g >= static_cast<long>(kTemplates.size())) id += "-" + std::to_string(g / kTemplates.size() + 1);
    // Most goals start in the first weeks; a few join later.
    long span = (*end - first).count();
    Day started = first + date::days{rng.chance(0.9) ? rng.between(0, 60) : rng.between(0, span / 2)};
    Person p{&t, make_goal(t, id, started, *end, rng), 0.75 + 0.23 * rng.real()};
    std::ofstream(root / "goals" / (id + ".yaml")) << render_new_goal(p.goal);
    people.push_back(std::move(p));
  }

  std::ofstream log(root / "checkins.log", std::ios::binary);
  Outbox outbox;
  std::uint64_t lines = 0, bytes = 0;
  for (Day day = first; day <= *end; day += date::days{1}) {
    for (auto& p : people) simulate_day(p, day, *end, rng, outbox);
    outbox.flush_until(day, log, lines, bytes);
  }
  outbox.flush_until(*end + date::days{7}, log, lines, bytes);
  log.close();
  if (!log) {
    std::cerr << "microstep_bench_generate: cannot write " << (root / "checkins.log").string() << "\n";
    return 1;
  }
  std::cout << dir << ": " << goals << " goals, " << lines << " lines, " << bytes << " bytes\n";
  return 0;
}
