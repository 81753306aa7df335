#include "core/interop/import_csv.hpp"

#include <map>

#include "core/base/error.hpp"
#include "core/interop/export_format.hpp"

namespace microstep {

ImportPlan parse_export_csv(std::string_view text, const std::string& display_path) {
  ImportPlan plan;
  auto records = parse_csv(text, display_path);
  auto where = [&](const CsvRecord& r) {
    return display_path + ":" + std::to_string(r.line) + ": ";
  };
  if (records.empty() || records[0].fields.empty() ||
      records[0].fields[0] != "#" + std::string(kExportFormatName))
    throw data_error(display_path + ":1: not a microstep csv export (it starts with #" +
                     std::string(kExportFormatName) + ",1)");
  if (records[0].fields.size() < 2 || records[0].fields[1] != std::to_string(kExportFormatVersion))
    throw data_error(display_path + ":1: export version '" +
                     (records[0].fields.size() < 2 ? std::string() : records[0].fields[1]) +
                     "' is not one this microstep reads (1)");
  std::map<std::string, std::vector<std::string>> headers;  // record type -> column names
  ExportGoals goals;
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    const std::string& type = rec.fields[0];
    if (type.starts_with("#")) {
      headers[type.substr(1)] = std::vector<std::string>(rec.fields.begin() + 1, rec.fields.end());
      continue;
    }
    auto header = headers.find(type);
    if (type != "goal" && type != "version" && type != "event") {
      plan.not_carried.push_back(where(rec) + "a record of unknown type '" + type + "'; ignored");
      continue;
    }
    if (header == headers.end())
      throw data_error(where(rec) + "a " + type + " record before its #" + type + " header row");
    ExportFields f;
    f.where = where(rec);
    for (size_t i = 0; i < header->second.size() && i + 1 < rec.fields.size(); ++i)
      if (!rec.fields[i + 1].empty()) f.values[header->second[i]] = rec.fields[i + 1];
    if (type == "goal") {
      goals.add(export_goal(f), f.where);
    } else if (type == "version") {
      std::string id = f.text("goal");
      auto it = goals.index.find(id);
      if (it == goals.index.end())
        f.fail("a version of goal '" + id + "', which no goal row above names");
      Goal& g = goals.goals[it->second];
      g.history.push_back(export_version(f));
      check_export_history(g, f.where);
    } else {
      plan.events.push_back(export_event(f));
    }
  }
  plan.goals = std::move(goals.goals);
  return plan;
}

}  // namespace microstep
