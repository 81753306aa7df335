#include "core/interop/export_csv.hpp"

#include <algorithm>

#include "core/base/amount.hpp"
#include "core/interop/export_format.hpp"
#include "core/interop/import_apply.hpp"

namespace microstep {

namespace {

std::string number_text(const std::optional<double>& v) { return v ? format_amount(*v) : ""; }

std::string csv_row(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += csv_field(fields[i]);
  }
  return out + "\n";
}

std::string csv_header(std::string_view type, const std::vector<std::string>& columns) {
  std::vector<std::string> fields{"#" + std::string(type)};
  fields.insert(fields.end(), columns.begin(), columns.end());
  return csv_row(fields);
}

}  // namespace

std::string export_csv(const std::vector<Goal>& goals, const std::vector<Event>& events) {
  std::string out =
      csv_row({"#" + std::string(kExportFormatName), std::to_string(kExportFormatVersion)});
  out += csv_header("goal", kExportGoalFields);
  for (const auto& g : goals)
    out += csv_row({"goal", g.id, g.goal, g.step, g.after, g.schedule_text, format_day(g.started),
                    format_day(g.since), std::string(to_string(g.status)), g.feeling, g.unit,
                    number_text(g.minimum), number_text(g.minutes), g.at});
  bool any_history =
      std::any_of(goals.begin(), goals.end(), [](const Goal& g) { return !g.history.empty(); });
  if (any_history) {
    out += csv_header("version", kExportVersionFields);
    for (const auto& g : goals)
      for (const auto& v : g.history)
        out += csv_row({"version", g.id, format_day(v.from), v.step, v.schedule_text,
                        number_text(v.minimum), v.after});
  }
  out += csv_header("event", kExportEventFields);
  for (const auto& e : events)
    out +=
        csv_row({"event", format_day(e.day), format_moment(e.written),
                 std::string(to_string(e.kind)), e.goal, number_text(e.amount), e.note, e.truth});
  return out;
}

}  // namespace microstep
