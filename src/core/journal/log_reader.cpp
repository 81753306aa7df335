#include "core/journal/log_reader.hpp"

#include <iterator>

#include "core/base/id_table.hpp"
#include "core/base/parallel.hpp"
#include "core/journal/journal.hpp"

namespace microstep {

LogScan::LogScan(const OpenLog& log, const std::vector<std::string>& ids, const std::vector<std::string>& known,
                 const Options& options, Day events_from, Day events_to, std::vector<Event>& events,
                 LogDiagnostics& diagnostics) {
  // Each part of the log fills its own collectors (no locks). One table lookup per line gives
  // the index of the id's collectors; ids with a goal file but not collected give kNotAsked,
  // and so do moods (the empty id) when they are not asked for.
  constexpr long kNotAsked = -1;
  IdTable index;
  for (const auto& id : known) index.add(id, kNotAsked);
  index.add("", kNotAsked);
  for (size_t c = 0; c < ids.size(); ++c) index.add(ids[c], static_cast<long>(c));
  const unsigned parts = worker_count();
  storage_.assign(parts, std::vector<CheckinCollector>(ids.size()));
  first_seen_.assign(parts, std::vector<size_t>(options.whole_ids ? ids.size() : 0, 0));
  unknown_.resize(parts);
  std::vector<std::vector<Event>> kept(parts);  // joined in file order below
  scanned_ = scan_log_from(
      log, options.start, options.first_line, parts,
      [&](unsigned part, const EventView& event, size_t line) {
        long c = index.find(event.goal);
        if (c >= 0) {
          CheckinCollector& checkins = storage_[part][static_cast<size_t>(c)];
          if (options.whole_ids && checkins.size() == 0) first_seen_[part][static_cast<size_t>(c)] = line;
          checkins.add(event);
          if (event.day >= events_from && event.day <= events_to) kept[part].push_back(to_event(event));
        } else if (c == IdTable::kAbsent) {
          auto it = unknown_[part].try_emplace(std::string(event.goal), Unknown{line, {}}).first;
          if (options.whole_ids) it->second.checkins.add(event);
        }
      },
      diagnostics, options.hash);
  for (auto& part : kept) events.insert(events.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  // Part lines to file lines. A small log is scanned in fewer parts than there are
  // collectors: the collectors past them stay empty.
  for (size_t part = 0; part < scanned_.size(); ++part) {
    for (auto& line : first_seen_[part]) line += scanned_[part].first_line - 1;
    for (auto& [id, where] : unknown_[part]) where.line += scanned_[part].first_line - 1;
  }
}

std::vector<const CheckinCollector*> LogScan::checkins_of(size_t c) const {
  std::vector<const CheckinCollector*> checkins;
  for (const auto& part : storage_) checkins.push_back(&part[c]);
  return checkins;
}

void LogScan::release(size_t c) {
  for (auto& part : storage_) part[c] = {};
}

void warn_unknown_ids(const std::map<std::string, size_t>& first_lines, LogDiagnostics& diagnostics) {
  for (const auto& [id, line] : first_lines)
    if (!id.empty()) diagnostics.warnings.push_back("checkins.log:" + std::to_string(line) + ": unknown goal '" + id + "'");
}

std::map<Day, int> moods_of(std::span<const CheckinCollector* const> parts) {
  std::map<Day, std::pair<std::int32_t, int>> last;  // day -> (moment written, mood)
  for (const CheckinCollector* checkins : parts)
    checkins->for_each_mood([&](Day day, std::int32_t written, int mood) {
      auto [it, added] = last.try_emplace(day, written, mood);
      if (!added && written >= it->second.first) it->second = {written, mood};  // ties: the later line
    });
  std::map<Day, int> moods;
  for (const auto& [day, m] : last) moods.emplace(day, m.second);
  return moods;
}

DayMarks marks_without(const DayMarks& marks, const Event& checkin, std::span<const CheckinCollector* const> parts) {
  return marks.without(checkin, CheckinCollector::of_day(parts, checkin.day));
}

LogRead PlainLogReader::read(const Journal& journal, const LogRequest& request, LogDiagnostics& diagnostics) const {
  const std::vector<Goal>& goals = *request.goals;
  std::vector<std::string> ids;
  for (const Goal& goal : goals) ids.push_back(goal.id);
  if (request.moods) ids.push_back("");  // moods name no goal
  LogRead read;
  OpenLog log(journal.log_path());
  LogScan scan(log, ids, journal.goal_ids(), {}, request.events_from, request.events_to, read.events, diagnostics);
  // An unknown goal id is warned about once, at its first line in the file.
  std::map<std::string, size_t> first_unknown;
  for (const auto& part : scan.unknown())
    for (const auto& [id, where] : part) first_unknown.try_emplace(id, where.line);
  warn_unknown_ids(first_unknown, diagnostics);

  if (request.moods) read.moods = moods_of(scan.checkins_of(goals.size()));
  read.marks.resize(goals.size());
  parallel_for(goals.size(), [&](size_t g) { read.marks[g] = DayMarks(scan.checkins_of(g), goals[g].default_amount()); });
  if (request.without) read.before = marks_without(read.marks.front(), *request.without, scan.checkins_of(0));
  return read;
}

}  // namespace microstep
