// microstep evidence [ID]: the believable truths recorded with done --truth, with their dates.
#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"

namespace microstep::cli {

namespace {

void run_evidence(Context& context, const std::string& prefix) {
  std::vector<std::string> prefixes;
  if (!prefix.empty()) prefixes.push_back(prefix);
  // The truths and the moods come from the one pass that judges the goals' days.
  CoachRules rules = load_rules(context.journal().root());
  EventsOfDays all{Day::min(), context.clock().today, {}};
  std::map<Day, int> moods;
  auto reports = load_reports(context, prefixes, {}, &all, &rules, &moods);
  auto& events = all.events;
  std::erase_if(events, [](const Event& e) { return e.truth.empty() || e.kind != EventKind::done; });
  // Seed 000: the activity creates the mood; the comparison is evidence too, when there is
  // enough of it.
  std::optional<MoodComparison> mood;
  if (!reports.empty()) mood = mood_comparison(reports, moods, rules, prefix.empty() ? nullptr : &reports.front());
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.day < b.day; });
  if (context.options.json) {
    JsonWriter json;
    json.begin_array();
    for (const auto& e : events)
      json.begin_object().field("id", e.goal).field("day", e.day).field("truth", e.truth).end_object();
    json.end_array();
    context.print_json(json);
    return;
  }
  std::string out;
  if (events.empty())
    out = "No truths recorded yet. After a step, note what you noticed: "
          "microstep done ID --truth \"I played a whole scale without stopping\"\n";
  for (const auto& e : events) out += format_day(e.day) + "  " + e.goal + "  " + e.truth + "\n";
  if (mood) out += "\n" + mood_text(*mood, prefix.empty() ? "a step" : "this step") + "\n";
  context.print_wrapped(out);
}

}  // namespace

void setup_evidence(CLI::App& app, Context& context) {
  auto id = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("evidence", "The truths you noticed (done --truth), with dates");
  cmd->add_option("ID", *id, "One goal (default: all)");
  cmd->callback([&context, id] { run_evidence(context, *id); });
}

}  // namespace microstep::cli
