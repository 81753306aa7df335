// microstep import FORMAT PATH|-: goals and check-ins from Loop Habit Tracker, harsh, or
// microstep's own csv and json exports. Importing the same data twice adds nothing twice.
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "core/base/error.hpp"
#include "core/interop/import_apply.hpp"
#include "core/interop/import_csv.hpp"
#include "core/interop/import_harsh.hpp"
#include "core/interop/import_json.hpp"
#include "core/interop/import_loop.hpp"

namespace microstep::cli {

namespace {

struct ImportOptions {
  std::string format, path;
  bool dry_run = false;
};

std::string_view source_name(const std::string& format) {
  if (format == "loop") return "Loop Habit Tracker";
  if (format == "harsh") return "harsh";
  return format == "csv" ? "a microstep csv export" : "a microstep json export";
}

/// `-` names standard input, as for most Unix tools (a file named "-" is ./-).
constexpr const char* kStdin = "-";
constexpr const char* kStdinName = "standard input";

ImportPlan read_plan(Context& context, const ImportOptions& o) {
  std::filesystem::path path(o.path);
  Day today = context.clock().today;
  if (o.path == kStdin && (o.format == "loop" || o.format == "harsh"))
    throw usage_error("import " + o.format + " reads a folder (" +
                      (o.format == "loop" ? "Loop's export, unzipped: Habits.csv and a folder per habit"
                                          : "harsh's habits and log files") +
                      "), which standard input cannot hold; give its path");
  if (o.format == "loop") return import_loop(path, today);
  if (o.format == "harsh") return import_harsh(path, today);
  std::string text, name = o.path;
  if (o.path == kStdin) {
    name = kStdinName;
    text = read_import_stream(std::cin, name);
  } else {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw usage_error("no such file: " + o.path);
    text = read_import_file(path, o.path);
  }
  return o.format == "csv" ? parse_export_csv(text, name) : parse_export_json(text, name);
}

std::string id_list(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

std::string count(size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

void write_list(JsonWriter& json, std::string_view key, const std::vector<std::string>& items) {
  json.key(key).begin_array();
  for (const auto& item : items) json.value(item);
  json.end_array();
}

void run_import(Context& context, const ImportOptions& o) {
  const Journal& journal = context.journal();
  ImportPlan plan = read_plan(context, o);
  LogDiagnostics diagnostics;
  ApplyResult result = apply_import(journal, plan, o.dry_run, diagnostics);
  for (const auto& w : diagnostics.warnings) context.warn(w);
  if (!o.dry_run && result.wrote()) context.committed("import " + o.format + " " + o.path);

  std::vector<std::string> not_carried = plan.not_carried;
  not_carried.insert(not_carried.end(), result.skipped.begin(), result.skipped.end());

  if (context.options.json) {
    JsonWriter json;
    json.begin_object().field("format", o.format).field("path", o.path).field("dry_run", o.dry_run);
    write_list(json, "goals_added", result.goals_added);
    write_list(json, "goals_unchanged", result.goals_unchanged);
    write_list(json, "goals_kept", result.goals_kept);
    json.field("events_added", static_cast<long>(result.events_added))
        .field("events_present", static_cast<long>(result.events_present));
    write_list(json, "approximations", plan.approximations);
    write_list(json, "not_carried", not_carried);
    json.end_object();
    context.print_json(json);
    return;
  }

  std::string text = std::string(o.dry_run ? "Would import from " : "Imported from ") +
                     std::string(source_name(o.format)) + " (" + (o.path == kStdin ? kStdinName : o.path) + ")" +
                     (o.dry_run ? "; nothing written:\n" : ":\n");
  text += "  " + count(result.goals_added.size(), "goal", "goals") + " added" +
          (result.goals_added.empty() ? "" : ": " + id_list(result.goals_added)) + "\n";
  if (!result.goals_unchanged.empty())
    text += "  " + count(result.goals_unchanged.size(), "goal was", "goals were") +
            " already there: " + id_list(result.goals_unchanged) + "\n";
  if (!result.goals_kept.empty())
    text += "  " + count(result.goals_kept.size(), "goal", "goals") +
            " already there with other fields, kept as they are: " + id_list(result.goals_kept) + "\n";
  text += "  " + count(result.events_added, "check-in", "check-ins") + " added, " +
          count(result.events_present, "was", "were") + " already in the log\n";
  if (!plan.approximations.empty()) {
    text += "Approximated (no exact equivalent in microstep):\n";
    for (const auto& a : plan.approximations) text += "  " + a + "\n";
  }
  if (!not_carried.empty()) {
    text += "Not carried over:\n";
    for (const auto& n : not_carried) text += "  " + n + "\n";
  }
  context.print(text);
}

}  // namespace

void setup_import(CLI::App& app, Context& context) {
  auto o = std::make_shared<ImportOptions>();
  auto* cmd = app.add_subcommand(
      "import", "Import goals and check-ins: Loop Habit Tracker, harsh, csv or json");
  cmd->add_option("FORMAT", o->format,
                  "loop (the unzipped CSV export, or its Habits.csv), harsh (the directory of its "
                  "habits and log files), csv or json (microstep export)")
      ->required()
      ->check(CLI::IsMember({"loop", "harsh", "csv", "json"}));
  cmd->add_option("PATH", o->path, "The file or directory to import; - reads csv or json from standard input")
      ->required();
  cmd->add_flag("--dry-run", o->dry_run, "Show what would be imported; write nothing");
  cmd->callback([&context, o] { run_import(context, *o); });
}

}  // namespace microstep::cli
