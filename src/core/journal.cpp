#include "core/journal.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iterator>
#include <system_error>

#include "core/error.hpp"
#include "core/goal_file.hpp"
#include "core/goal_id.hpp"
#include "core/parallel.hpp"
#include "core/text_file.hpp"

namespace fs = std::filesystem;

namespace microstep {

namespace {

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

bool is_inside(const fs::path& child, const fs::path& parent) {
  auto rel = child.lexically_relative(parent);
  return !rel.empty() && *rel.begin() != "..";
}

/// Goal id -> a number, for the lookup every log line makes: open addressing in a
/// power-of-two table (std::unordered_map's hash and modulo cost more than parsing a field
/// of the line).
class IdTable {
 public:
  static constexpr long kAbsent = -2;

  void add(std::string_view id, long value) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    place(id, value);
  }
  /// The value added for `id`, or kAbsent.
  long find(std::string_view id) const {
    if (slots_.empty()) return kAbsent;
    const Key key(id);
    for (size_t i = key.hash() & mask();; i = (i + 1) & mask()) {
      const Slot& slot = slots_[i];
      if (slot.value == kAbsent) return kAbsent;
      if (slot.key == key && (id.size() <= 16 || slot.id == id)) return slot.value;
    }
  }

 private:
  /// An id's length and its first and last 8 bytes: ids differ there, and an id of at most
  /// 16 bytes is wholly in them, so comparing keys compares such ids without a memcmp. An id
  /// shorter than 8 bytes is read as two 4-byte words that overlap (or, below 4 bytes, as
  /// its first, middle and last byte): with the length, they still hold every byte, and the
  /// ids in a log line, of every length, need no loop over their bytes.
  struct Key {
    std::uint64_t head = 0, tail = 0;
    size_t size = 0;
    Key() = default;
    explicit Key(std::string_view id) : size(id.size()) {
      const char* p = id.data();
      const size_t n = id.size();
      if (n >= 8) {
        std::memcpy(&head, p, 8);
        std::memcpy(&tail, p + n - 8, 8);
      } else if (n >= 4) {
        std::uint32_t first, last;
        std::memcpy(&first, p, 4);
        std::memcpy(&last, p + n - 4, 4);
        head = first | std::uint64_t{last} << 32;
      } else if (n > 0) {
        head = byte(p[0]) | byte(p[n / 2]) << 8 | byte(p[n - 1]) << 16;
      }
    }
    static std::uint64_t byte(char c) { return static_cast<unsigned char>(c); }
    /// One test, not three: which of the words differs is of no interest.
    bool operator==(const Key& other) const {
      return ((head ^ other.head) | (tail ^ other.tail) | (size ^ other.size)) == 0;
    }
    /// Every byte of the key reaches the low bits the table indexes by. (A multiply alone
    /// moves bits up only: ids alike but for their last bytes, as "walk-10" and "walk-11",
    /// fell into one long probe chain.)
    size_t hash() const {
      std::uint64_t h = head ^ (tail * 0x9e3779b97f4a7c15ull) ^ size;
      h ^= h >> 33;
      h *= 0xff51afd7ed558ccdull;
      h ^= h >> 33;
      h *= 0xc4ceb9fe1a85ec53ull;
      return static_cast<size_t>(h ^ (h >> 33));
    }
  };
  struct Slot {
    std::string_view id;
    Key key;
    long value = kAbsent;
  };
  size_t mask() const { return slots_.size() - 1; }
  void place(std::string_view id, long value) {
    const Key key(id);
    for (size_t i = key.hash() & mask();; i = (i + 1) & mask()) {
      Slot& slot = slots_[i];
      if (slot.value == kAbsent) ++used_;
      if (slot.value == kAbsent || slot.id == id) {
        slot = {id, key, value};
        return;
      }
    }
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(16, old.size() * 2), Slot{});
    used_ = 0;
    for (const Slot& slot : old)
      if (slot.value != kAbsent) place(slot.id, slot.value);
  }
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

/// Moves the events each part of the log kept to the end of `events`, in file order.
void append_parts(std::vector<std::vector<Event>>& parts, std::vector<Event>& events) {
  for (auto& part : parts)
    events.insert(events.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
}

}  // namespace

fs::path locate_journal(const std::optional<std::string>& dir_option, const fs::path& cwd) {
  if (dir_option) return fs::path(*dir_option);
  if (auto dir = env("MICROSTEP_DIR")) return fs::path(*dir);
  std::error_code ec;
  for (fs::path p = cwd; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / "microstep.yaml", ec)) return p;
    if (p == p.parent_path()) break;
  }
  if (auto data = env("XDG_DATA_HOME")) return fs::path(*data) / "microstep";
  if (auto home = env("HOME")) return fs::path(*home) / ".local/share/microstep";
  return fs::path(".local/share/microstep");
}

Journal Journal::open(const fs::path& root, Settings settings) {
  std::error_code ec;
  if (!fs::is_directory(root, ec) || !fs::exists(root / "microstep.yaml", ec))
    throw io_error("no journal at " + root.string() + " (no microstep.yaml there); create one with: microstep init " +
                   root.string());
  return Journal(root, std::move(settings));
}

Journal Journal::open(const fs::path& root) {
  Journal journal = open(root, Settings{});
  journal.settings_ = load_settings(root / "microstep.yaml", "microstep.yaml");
  return journal;
}

fs::path Journal::goal_path(const std::string& id) const { return goals_dir() / (id + ".yaml"); }

std::string Journal::goal_display_path(const std::string& id) { return "goals/" + id + ".yaml"; }

std::vector<std::string> Journal::goal_ids() const {
  std::vector<std::string> ids;
  std::error_code ec;
  fs::directory_iterator it(goals_dir(), ec), end;
  if (ec) {
    if (ec == std::errc::no_such_file_or_directory) return ids;
    throw io_error("cannot list " + goals_dir().string() + ": " + ec.message());
  }
  for (; it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.extension() != ".yaml") continue;
    std::string id = p.stem().string();
    if (is_valid_goal_id(id)) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

bool Journal::has_goal(const std::string& id) const {
  std::error_code ec;
  return is_valid_goal_id(id) && fs::exists(goal_path(id), ec);
}

std::string Journal::read_goal_text(const std::string& file_name) const {
  fs::path path = goals_dir() / file_name;
  std::string display = "goals/" + file_name;
  std::error_code ec;
  if (fs::is_symlink(path, ec)) {
    fs::path target = fs::weakly_canonical(path, ec);
    if (ec || !is_inside(target, fs::weakly_canonical(root_, ec)))
      throw data_error(display + ":1: a symbolic link to a file outside the journal; refusing to read it");
  }
  return read_text_file(path);
}

Goal Journal::load_goal(const std::string& id) const {
  std::string display = goal_display_path(id);
  Goal goal = parse_goal_text(read_goal_text(id + ".yaml"), display);
  if (goal.id != id)
    throw data_error(display + ":1: id '" + goal.id + "' does not match the file name (expected id: " + id + ")");
  return goal;
}

std::vector<Goal> Journal::load_goals() const {
  // Parsing YAML is the slow part of opening a journal with many goals: spread it over the
  // cores. A bad file still fails the same way: the first in id order is the one reported.
  auto ids = goal_ids();
  std::vector<Goal> goals(ids.size());
  std::vector<std::exception_ptr> failures(ids.size());
  parallel_for(ids.size(), [&](size_t i) {
    try {
      goals[i] = load_goal(ids[i]);
    } catch (...) {
      failures[i] = std::current_exception();
    }
  });
  for (const auto& failure : failures)
    if (failure) std::rethrow_exception(failure);
  return goals;
}

std::string Journal::resolve_id(const std::string& prefix) const {
  auto ids = goal_ids();
  if (std::binary_search(ids.begin(), ids.end(), prefix)) return prefix;
  std::vector<std::string> matches;
  for (const auto& id : ids)
    if (id.starts_with(prefix)) matches.push_back(id);
  if (matches.size() == 1) return matches.front();
  if (matches.empty())
    throw usage_error("no goal '" + prefix + "' (see `microstep list`)");
  std::string list;
  for (const auto& m : matches) list += "\n  " + m;
  throw usage_error("'" + prefix + "' matches several goals:" + list);
}

std::map<std::string, DayMarks> Journal::read_marks(const std::vector<Goal>& goals,
                                                    LogDiagnostics& diagnostics) const {
  std::vector<Event> none;  // no day is in an empty range
  return read_marks(goals, Day::max(), Day::min(), none, diagnostics);
}

std::map<std::string, DayMarks> Journal::read_marks(const std::vector<Goal>& goals, Day from, Day to,
                                                    std::vector<Event>& events,
                                                    LogDiagnostics& diagnostics) const {
  // Each part of the log fills its own collectors (no locks); they are merged per goal.
  // One table lookup per line gives the goal's index; goals with a file but not asked for
  // give kNotAsked.
  constexpr long kNotAsked = -1;
  const unsigned parts = worker_count();
  auto known = goal_ids();
  std::vector<std::vector<CheckinCollector>> storage(parts);
  for (auto& part : storage) part.resize(goals.size());
  IdTable index;
  for (const auto& id : known) index.add(id, kNotAsked);
  for (size_t g = 0; g < goals.size(); ++g) index.add(goals[g].id, static_cast<long>(g));
  struct Unknown {
    unsigned part;
    size_t line;
  };
  std::vector<std::map<std::string, Unknown, std::less<>>> unknown(parts);
  std::vector<std::vector<Event>> kept(parts);  // joined in file order below
  auto first_lines = scan_log_in_parts(
      log_path(), parts,
      [&](unsigned part, const EventView& event, size_t line) {
        long g = index.find(event.goal);
        if (g >= 0) {
          storage[part][static_cast<size_t>(g)].add(event);
          if (event.day >= from && event.day <= to) kept[part].push_back(to_event(event));
        } else if (g == IdTable::kAbsent) {
          unknown[part].try_emplace(std::string(event.goal), Unknown{part, line});
        }
      },
      diagnostics);
  append_parts(kept, events);

  // An unknown goal id is warned about once, at its first line in the file.
  std::map<std::string, size_t> first_unknown;
  for (unsigned part = 0; part < parts; ++part)
    for (const auto& [id, where] : unknown[part])
      first_unknown.try_emplace(id, first_lines[where.part] + where.line - 1);
  for (const auto& [id, line] : first_unknown)
    diagnostics.warnings.push_back("checkins.log:" + std::to_string(line) + ": unknown goal '" + id + "'");

  std::vector<DayMarks> marks(goals.size());
  parallel_for(goals.size(), [&](size_t g) {
    std::vector<const CheckinCollector*> of_goal;
    for (unsigned part = 0; part < parts; ++part) of_goal.push_back(&storage[part][g]);
    marks[g] = DayMarks(of_goal, goals[g].default_amount());
    for (unsigned part = 0; part < parts; ++part) storage[part][g] = {};  // free as we go
  });
  std::map<std::string, DayMarks> result;
  for (size_t g = 0; g < goals.size(); ++g) result.emplace(goals[g].id, std::move(marks[g]));
  return result;
}

std::vector<Event> Journal::read_events(const std::set<std::string, std::less<>>& ids, Day from,
                                        Day to, LogDiagnostics& diagnostics) const {
  // Each part of the log keeps its own events; the parts are joined in file order.
  std::vector<std::vector<Event>> parts(worker_count());
  scan_log_in_parts(log_path(), static_cast<unsigned>(parts.size()),
                    [&](unsigned part, const EventView& event, size_t) {
                      if (event.day < from || event.day > to) return;
                      if (!ids.empty() && !ids.count(event.goal)) return;
                      parts[part].push_back(to_event(event));
                    },
                    diagnostics);
  std::vector<Event> events;
  append_parts(parts, events);
  return events;
}

}  // namespace microstep
