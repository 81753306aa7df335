#include "core/cache/goal_cache.hpp"

#include <algorithm>

#include "core/cache/cache_file.hpp"
#include "core/cache/cache_version.hpp"
#include "core/base/content_hash.hpp"

namespace microstep {

// The layout of the file, numbers in the machine's byte order:
//
//   magic, byte-order mark, the hash of all that follows
//   the version of microstep that wrote it, the number of entries
//   each entry: file name, text hash, text size, the goal's bytes (encode_goal)
//
// The version is part of it because the goal a text gives is what this version's parser
// makes of it: another version may read the same file differently.

namespace {

// 2: goal files must be UTF-8 since; a text version 1 held may no longer give a goal.
// 3: schedules hold K (K in N days) and two more kinds.
constexpr char kMagic[8] = {'m', 's', 't', 'e', 'p', 'G', 'C', '3'};
constexpr std::uint32_t kByteOrderMark = 0x01020304;
constexpr size_t kHeaderSize = sizeof kMagic + sizeof(std::uint32_t) + sizeof(std::uint64_t);

void put_schedule(Encoder& out, const Schedule& schedule) {
  out.put(static_cast<std::uint8_t>(schedule.kind));
  out.put(schedule.weekday_mask);
  out.put(static_cast<std::uint32_t>(schedule.n));
  out.put(static_cast<std::uint32_t>(schedule.k));
}

Schedule get_schedule(Decoder& in) {
  Schedule schedule;
  auto kind = in.get<std::uint8_t>();
  if (kind > static_cast<std::uint8_t>(Schedule::Kind::tracking)) in.ok = false;
  schedule.kind = static_cast<Schedule::Kind>(kind);
  schedule.weekday_mask = in.get<std::uint8_t>();
  schedule.n = in.get<std::uint32_t>();
  schedule.k = in.get<std::uint32_t>();
  return schedule;
}

void put_day(Encoder& out, Day day) { out.put(static_cast<std::int64_t>(day_number(day))); }
Day get_day(Decoder& in) { return day_from_number(static_cast<long>(in.get<std::int64_t>())); }

void put_number(Encoder& out, const std::optional<double>& number) {
  out.put(static_cast<std::uint8_t>(number.has_value()));
  if (number) out.put(*number);
}

std::optional<double> get_number(Decoder& in) {
  if (in.get<std::uint8_t>() == 0) return std::nullopt;
  return in.get<double>();
}

}  // namespace

std::string encode_goal(const Goal& goal) {
  Encoder out;
  out.put_text(goal.id);
  out.put_text(goal.goal);
  out.put_text(goal.after);
  out.put_text(goal.step);
  out.put_text(goal.schedule_text);
  put_schedule(out, goal.schedule);
  put_day(out, goal.started);
  put_day(out, goal.since);
  out.put(static_cast<std::uint8_t>(goal.status));
  out.put_text(goal.feeling);
  out.put_text(goal.unit);
  put_number(out, goal.minimum);
  put_number(out, goal.minutes);
  out.put_text(goal.at);
  out.put(static_cast<std::uint64_t>(goal.history.size()));
  for (const StepVersion& version : goal.history) {
    put_day(out, version.from);
    out.put_text(version.step);
    out.put_text(version.schedule_text);
    put_schedule(out, version.schedule);
    put_number(out, version.minimum);
    out.put_text(version.after);
  }
  return std::move(out.bytes);
}

std::optional<Goal> decode_goal(std::string_view bytes) {
  Decoder in{bytes};
  Goal goal;
  goal.id = in.get_text();
  goal.goal = in.get_text();
  goal.after = in.get_text();
  goal.step = in.get_text();
  goal.schedule_text = in.get_text();
  goal.schedule = get_schedule(in);
  goal.started = get_day(in);
  goal.since = get_day(in);
  auto status = in.get<std::uint8_t>();
  if (status > static_cast<std::uint8_t>(GoalStatus::archived)) in.ok = false;
  goal.status = static_cast<GoalStatus>(status);
  goal.feeling = in.get_text();
  goal.unit = in.get_text();
  goal.minimum = get_number(in);
  goal.minutes = get_number(in);
  goal.at = in.get_text();
  // A version takes at least a day and three text lengths.
  for (auto n = in.get_count(sizeof(std::int64_t) + 3 * sizeof(std::uint32_t)); n > 0 && in.ok; --n) {
    StepVersion& version = goal.history.emplace_back();
    version.from = get_day(in);
    version.step = in.get_text();
    version.schedule_text = in.get_text();
    version.schedule = get_schedule(in);
    version.minimum = get_number(in);
    version.after = in.get_text();
  }
  if (!in.ok || !in.bytes.empty()) return std::nullopt;
  return goal;
}

GoalCache GoalCache::read(const std::filesystem::path& path) {
  GoalCache cache;
  auto bytes = read_cache_file(path);
  if (!bytes || bytes->size() < kHeaderSize || std::memcmp(bytes->data(), kMagic, sizeof kMagic) != 0) return cache;
  cache.bytes_ = std::move(*bytes);
  Decoder in{std::string_view(cache.bytes_).substr(sizeof kMagic)};
  auto byte_order = in.get<std::uint32_t>();
  auto hash = in.get<std::uint64_t>();
  if (byte_order != kByteOrderMark || hash_bytes(in.bytes) != hash || in.get_text_view() != cache_version_bytes())
    return GoalCache{};
  // An entry takes at least two text lengths, a hash and a size.
  for (auto n = in.get_count(2 * sizeof(std::uint32_t) + 2 * sizeof(std::uint64_t)); n > 0 && in.ok; --n) {
    Entry entry;
    entry.key.file_name = in.get_text();
    entry.key.text_hash = in.get<std::uint64_t>();
    entry.key.text_size = in.get<std::uint64_t>();
    entry.goal = in.get_text_view();
    cache.entries_.push_back(std::move(entry));
  }
  auto by_key = [](const Entry& a, const Entry& b) { return a.key < b.key; };
  if (!in.ok || !in.bytes.empty() || !std::is_sorted(cache.entries_.begin(), cache.entries_.end(), by_key))
    return GoalCache{};
  return cache;
}

std::optional<Goal> GoalCache::find(const GoalFileKey& key) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                             [](const Entry& entry, const GoalFileKey& k) { return entry.key < k; });
  if (it == entries_.end() || it->key != key) return std::nullopt;
  return decode_goal(it->goal);
}

bool write_goal_cache(const std::filesystem::path& path,
                      const std::vector<std::pair<GoalFileKey, const Goal*>>& goals) {
  std::vector<const std::pair<GoalFileKey, const Goal*>*> sorted;
  for (const auto& entry : goals) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  Encoder body;
  body.put_text(cache_version_bytes());
  body.put(static_cast<std::uint64_t>(sorted.size()));
  for (const auto* entry : sorted) {
    body.put_text(entry->first.file_name);
    body.put(entry->first.text_hash);
    body.put(entry->first.text_size);
    body.put_text(encode_goal(*entry->second));
  }
  Encoder file;
  file.bytes.append(kMagic, sizeof kMagic);
  file.put(kByteOrderMark);
  file.put(hash_bytes(body.bytes));
  file.bytes += body.bytes;
  return write_cache_file(path, file.bytes);
}

}  // namespace microstep
