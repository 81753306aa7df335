// microstep mood N [--note TEXT] [--date DAY]: how you feel, 1 to 5 (seed 000: the activity
// creates the mood; stats, review and evidence compare moods on days with and without a step).
#include "cli/checkin.hpp"
#include "cli/commands.hpp"

namespace microstep::cli {

namespace {

struct MoodOptions {
  std::string mood;
  std::string note;
  std::optional<std::string> date;
};

void run_mood(Context& context, const MoodOptions& o) {
  int mood = mood_arg("MOOD", o.mood);
  Event event = append_mood(context, mood, o.note, o.date);
  if (context.options.json) {
    JsonWriter json;
    json.begin_object()
        .field("day", event.day)
        .field("mood", static_cast<long>(mood))
        .text_field("note", event.note)
        .end_object();
    context.print_json(json);
    return;
  }
  std::string when = event.day == context.clock().today ? "today" : format_day(event.day);
  context.print("Mood " + std::to_string(mood) + " of 5 recorded for " + when + ".\n");
}

}  // namespace

void setup_mood(CLI::App& app, Context& context) {
  auto o = std::make_shared<MoodOptions>();
  auto* cmd = app.add_subcommand("mood", "How you feel, 1 (low) to 5 (high): moods follow action");
  cmd->add_option("MOOD", o->mood, "1 (low) to 5 (high)")->required();
  cmd->add_option("--note", o->note, "A note: any text");
  cmd->add_option("--date", o->date, "The day: YYYY-MM-DD, today, yesterday or -N");
  cmd->callback([&context, o] { run_mood(context, *o); });
}

}  // namespace microstep::cli
