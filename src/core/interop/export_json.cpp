#include "core/interop/export_json.hpp"

#include "core/interop/export_format.hpp"
#include "core/render/json_writer.hpp"
#include "core/render/report.hpp"

namespace microstep {

std::string export_json(const std::vector<Goal>& goals, const std::vector<Event>& events) {
  JsonWriter json;
  json.begin_object().field("format", kExportFormatName).field("version", kExportFormatVersion);
  json.key("goals").begin_array();
  for (const auto& g : goals) write_goal_json(json, g);
  json.end_array();
  json.key("events").begin_array();
  for (const auto& e : events) {
    json.begin_object()
        .field("day", e.day)
        .field("written", format_moment(e.written))
        .field("event", to_string(e.kind))
        .field("goal", e.goal)
        .field("amount", e.amount)
        .field("note", e.note)
        .field("truth", e.truth)
        .end_object();
  }
  json.end_array().end_object();
  return json.str();
}

}  // namespace microstep
