// microstep plan: a new goal, step by step (seed 003's 7-day plan; seed 000's question). On a
// terminal it asks what it was not told; without one it takes every answer as an option.
#include <unistd.h>

#include <iostream>
#include <set>

#include "cli/commands.hpp"
#include "cli/goal_update.hpp"
#include "core/base/error.hpp"
#include "core/journal/goal_file.hpp"
#include "core/model/goal_id.hpp"
#include "core/interop/import_apply.hpp"
#include "core/render/intention.hpp"
#include "core/judge/plan.hpp"
#include "core/render/report.hpp"
#include "core/judge/ridiculous_test.hpp"

namespace microstep::cli {

namespace {

struct PlanOptions {
  std::optional<std::string> goal, sign, step, after, feeling, every, id;
  bool yes = false;
};

std::string trimmed(std::string text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  size_t start = 0;
  while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
  return text.substr(start);
}

/// Questions on the terminal, answers from it; nothing is asked without one.
class Interview {
 public:
  Interview(Context& context, bool interactive) : context_(context), interactive_(interactive) {}
  bool interactive() const { return interactive_; }

  /// The answer given as `option`, else the one typed (`fallback` when nothing is), else, off
  /// a terminal, `fallback`, noting `option` as missing when the answer is required.
  std::string ask(const std::optional<std::string>& given, const std::string& option, const std::string& question,
                  bool required, const std::string& fallback = "") {
    if (given) return Context::text_arg(option, *given);
    if (!interactive_) {
      if (required) missing_.push_back(option);
      return fallback;
    }
    for (;;) {
      std::string answer = read(question);
      if (!answer.empty() || !required) return answer.empty() ? fallback : answer;
      say("  An answer is needed here (or give " + option + ").\n");
    }
  }
  /// One line typed after `question`; the end of the input stops the plan, nothing written.
  std::string read(const std::string& question) {
    context_.print(question + " ");
    std::string line;
    if (!std::getline(std::cin, line)) throw usage_error("plan stopped before the end: nothing was written");
    return trimmed(line);
  }
  void say(const std::string& text) {
    if (interactive_) context_.print_wrapped(text);
  }
  /// Off a terminal: the options every answer still needs.
  void require_answers() const {
    if (missing_.empty()) return;
    std::string list;
    for (size_t i = 0; i < missing_.size(); ++i) list += (i ? ", " : "") + missing_[i];
    throw usage_error("plan asks its questions on a terminal; without one, give the answers as options: " + list);
  }

 private:
  Context& context_;
  bool interactive_;
  std::vector<std::string> missing_;
};

/// The step: the one given, else the proposal, which the person takes or replaces. A step of
/// their own that fails the ridiculous test is answered with the reason and a smaller one;
/// typed again, it is kept (the person knows their day).
std::string choose_step(Interview& in, const PlanOptions& o, const std::string& goal, const std::string& sign,
                        const CoachRules& rules) {
  if (o.step) return *o.step;
  auto proposed = propose_first_step(sign, goal, rules);
  if (!in.interactive()) {
    if (!proposed && !goal.empty()) in.ask(std::nullopt, "--step", "", true);  // nothing to propose from
    return proposed ? proposed->step : "";
  }
  std::string offer = proposed ? proposed->step : "";
  if (proposed) in.say("\nA step so small it works on a bad day: \"" + offer + "\"\n  " + proposed->why + "\n");
  else in.say("\nNothing smaller comes from those words; you know your day best.\n");
  std::string last_own;
  for (;;) {
    std::string answer = in.read(offer.empty() ? "Your first step:" : "Press Enter to take it, or type your own:");
    if (answer.empty() && !offer.empty()) return offer;
    if (answer.empty()) continue;
    auto reasons = ridiculous_test(answer, std::nullopt, rules);
    if (reasons.empty() || answer == last_own) return answer;
    last_own = answer;
    ShrunkStep smaller = shrink_step(answer, rules);
    offer = smaller.found() ? smaller.step : offer;
    in.say("  That may be too big for a bad day: " + reasons.front() + ".\n" +
           (smaller.found() ? "  Smaller: \"" + smaller.step + "\". " : "  ") + "Type yours again to keep it.\n");
  }
}

void run_plan(Context& context, const PlanOptions& o) {
  const Journal& journal = context.journal();
  const CoachRules rules = load_rules(journal.root());
  Interview in(context, !context.options.json && ::isatty(STDIN_FILENO));
  // One paragraph: the terminal's width wraps it (a newline inside would break it twice).
  in.say("A new goal in a few questions: the big goal, the smallest sign of progress, a step so small it "
         "works on a bad day, the habit it follows, the feeling it gives. Nothing is written until you say so.\n\n");
  const std::string goal = in.ask(o.goal, "--goal", "What is the big goal?", true);
  const std::string sign = in.ask(o.sign, "--sign",
                                  "What would be the smallest sign that things were moving in the right direction?",
                                  false);
  const std::string step = choose_step(in, o, goal, sign, rules);
  std::string after = in.ask(o.after, "--after", "\nWhich habit you already have will it follow? After I", true);
  if (after.rfind("After I ", 0) == 0) after = after.substr(8);
  const std::string feeling =
      in.ask(o.feeling, "--feeling", "What feeling are you starving for, that it could give you? (Enter to skip)", false);
  std::string every = in.ask(o.every, "--every", "How often? (daily, weekdays, 3/week, ...; Enter for daily)", false,
                             "daily");
  while (!parse_schedule(every)) {
    if (!in.interactive() || o.every) throw usage_error("--every '" + every + "' is not a schedule; use " + kScheduleRule);
    every = in.read("  That is not a schedule (" + std::string(kScheduleRule) + "). How often?");
    if (every.empty()) every = "daily";
  }
  in.require_answers();

  Goal g;
  std::set<std::string> taken;
  for (auto& id : journal.goal_ids()) taken.insert(std::move(id));
  if (o.id) {
    if (!is_valid_goal_id(*o.id)) throw usage_error("goal id '" + *o.id + "' is not valid: use " + kGoalIdRule);
    if (taken.count(*o.id)) throw usage_error("a goal '" + *o.id + "' already exists (" + Journal::goal_display_path(*o.id) + ")");
    g.id = *o.id;
  } else {
    g.id = unique_goal_id(slug_goal_id(goal), taken);
  }
  g.goal = goal;
  g.step = step;
  g.after = after;
  g.feeling = feeling;
  g.schedule_text = every;
  g.schedule = *parse_schedule(every);
  g.started = g.since = context.clock().today;
  const std::string intention = implementation_intention(g.after, g.step);
  const Day review_day = g.started + date::days{6};

  bool write = true;
  if (in.interactive()) {
    context.print("\n" + Journal::goal_display_path(g.id) + ":\n\n" + render_new_goal(g) + "\n" + intention + "\n\n");
    if (!o.yes) {
      std::string answer = in.read("Write it? [Y/n]");
      write = answer.empty() || answer[0] == 'y' || answer[0] == 'Y';
    }
  }
  if (write) {
    // The lock is taken for the write alone: a person may take their time over the questions,
    // and other commands must not wait for them. The id is checked again under it.
    const JournalLock lock = journal.lock();
    if (journal.has_goal(g.id)) {
      if (o.id) throw usage_error("a goal '" + g.id + "' already exists (" + Journal::goal_display_path(g.id) + ")");
      for (auto& id : journal.goal_ids()) taken.insert(std::move(id));
      taken.erase(g.id);
      g.id = unique_goal_id(slug_goal_id(goal), taken);
    }
    write_new_goal(context, lock, g);
  }
  if (context.options.json) {
    JsonWriter json;
    json.begin_object();
    write_goal_fields(json, g);
    json.field("intention", intention).field("review_day", review_day).field("written", write).end_object();
    context.print_json(json);
    return;
  }
  if (!write) {
    context.print("Nothing written. Run microstep plan again when you are ready.\n");
    return;
  }
  std::string out = in.interactive() ? "" : render_new_goal(g) + "\n" + intention + "\n";
  out += "Added " + g.id + ". Do it today; day 7 (" + format_day(review_day) + ") is review day.\n";
  context.print_wrapped(out);
}

}  // namespace

void setup_plan(CLI::App& app, Context& context) {
  auto o = std::make_shared<PlanOptions>();
  auto* cmd = app.add_subcommand("plan", "Plan a new goal step by step, asking on a terminal");
  cmd->add_option("--goal", o->goal, "The big goal");
  cmd->add_option("--sign", o->sign, "The smallest sign that things are moving in the right direction");
  cmd->add_option("--step", o->step, "The micro-step (default: proposed from --sign or --goal)");
  cmd->add_option("--after", o->after, "The habit the step follows");
  cmd->add_option("--feeling", o->feeling, "The feeling the step should give you");
  cmd->add_option("--every", o->every, "Schedule (default daily)");
  cmd->add_option("--id", o->id, "Goal id (default: from the big goal)");
  cmd->add_flag("-y,--yes", o->yes, "Write without asking to confirm");
  cmd->callback([&context, o] { run_plan(context, *o); });
}

}  // namespace microstep::cli
