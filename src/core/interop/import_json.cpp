#include "core/interop/import_json.hpp"

#include "core/base/amount.hpp"
#include "core/base/error.hpp"
#include "core/interop/export_format.hpp"
#include "core/interop/json_reader.hpp"

namespace microstep {

namespace {

/// The members of a JSON object as fields: strings as they are, numbers as plain decimals,
/// nulls left out. Arrays and objects are left to the caller.
ExportFields fields_of(const JsonValue& object, const std::string& display,
                       const std::string& what) {
  ExportFields f;
  f.where = display + ":" + std::to_string(object.line) + ": ";
  if (object.type != JsonValue::Type::object) f.fail(what + " must be an object");
  for (const auto& v : object.members) {
    const std::string& key = v.key;
    switch (v.type) {
      case JsonValue::Type::string:
        f.values[key] = v.text;
        break;
      case JsonValue::Type::number:
        // Writers may use an exponent (1e+09); the readers of amounts take plain decimals.
        f.values[key] = v.number < 0 ? v.text : format_amount(v.number);
        break;
      case JsonValue::Type::null:
        break;
      case JsonValue::Type::boolean:
        f.values[key] = v.flag ? "true" : "false";
        break;
      default:
        break;
    }
  }
  return f;
}

}  // namespace

ImportPlan parse_export_json(std::string_view text, const std::string& display_path) {
  JsonValue doc = read_json(text, display_path);
  auto at = [&](const JsonValue& v) { return display_path + ":" + std::to_string(v.line) + ": "; };
  const JsonValue* format = doc.type == JsonValue::Type::object ? doc.get("format") : nullptr;
  if (!format || format->type != JsonValue::Type::string || format->text != kExportFormatName)
    throw data_error(at(doc) + "not a microstep json export (no \"format\": \"" +
                     std::string(kExportFormatName) + "\")");
  const JsonValue* version = doc.get("version");
  if (!version || version->type != JsonValue::Type::number ||
      version->number != kExportFormatVersion)
    throw data_error(at(doc) + "export version is not one this microstep reads (1)");
  ImportPlan plan;
  ExportGoals goals;
  if (const JsonValue* list = doc.get("goals")) {
    if (list->type != JsonValue::Type::array)
      throw data_error(at(*list) + "goals must be an array");
    for (const auto& item : list->items) {
      ExportFields f = fields_of(item, display_path, "each goal");
      Goal g = export_goal(f);
      if (const JsonValue* history = item.get("history");
          history && history->type != JsonValue::Type::null) {
        if (history->type != JsonValue::Type::array)
          throw data_error(at(*history) + "history must be an array");
        for (const auto& entry : history->items)
          g.history.push_back(export_version(fields_of(entry, display_path, "each history entry")));
        check_export_history(g, f.where);
      }
      goals.add(std::move(g), f.where);
    }
  }
  if (const JsonValue* list = doc.get("events")) {
    if (list->type != JsonValue::Type::array)
      throw data_error(at(*list) + "events must be an array");
    for (const auto& item : list->items)
      plan.events.push_back(export_event(fields_of(item, display_path, "each event")));
  }
  plan.goals = std::move(goals.goals);
  return plan;
}

}  // namespace microstep
