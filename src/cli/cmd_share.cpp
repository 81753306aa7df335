// microstep share [--week DATE] [--format text|markdown|json] [--with-notes]: the week, for a
// partner who keeps you accountable.
#include "cli/commands.hpp"
#include "cli/goal_reports.hpp"
#include "core/base/error.hpp"
#include "core/render/share.hpp"

namespace microstep::cli {

namespace {

struct ShareOptions {
  std::optional<std::string> week;
  std::string format = "text";
  bool with_notes = false;
};

void run_share(Context& context, const ShareOptions& o) {
  const Journal& journal = context.journal();
  const Day today = context.clock().today;
  const Day in_week = o.week ? context.date_arg("--week", *o.week) : today;
  Share share;
  share.first = start_of_week(in_week, journal.settings().week_starts);
  share.last = share.first + date::days{6};
  share.to = std::min(share.last, today);
  share.so_far = share.last >= today;
  share.with_notes = o.with_notes;
  CoachRules rules = load_rules(journal.root());
  EventsOfDays week_events{share.first, share.to, {}};
  auto reports = load_reports(
      context, {}, [&](const Goal& g) { return g.status == GoalStatus::active && g.started <= share.to; },
      o.with_notes ? &week_events : nullptr, &rules);
  std::vector<WeekReview> weeks;
  weeks.reserve(reports.size());
  for (const auto& r : reports) {
    weeks.push_back(review_week(*r.chain, in_week, rules.thresholds));
    ShareGoal& g = share.goals.emplace_back(ShareGoal{r.goal.id, &r.stats, &weeks.back(), {}});
    for (const auto& e : week_events.events)
      if (e.goal == r.goal.id && (!e.note.empty() || !e.truth.empty()) && e.kind != EventKind::undo)
        g.notes.push_back(&e);
  }
  for (const ReportGroup& group : group_reports(reports))
    if (!group.text.empty()) share.big_goals.push_back({group.text, group.stats});
  if (o.format == "json") context.print(share_json(share));
  else if (o.format == "markdown") context.print(share_markdown(share));
  else context.print(share_text(share));
}

}  // namespace

void setup_share(CLI::App& app, Context& context) {
  auto o = std::make_shared<ShareOptions>();
  auto* cmd = app.add_subcommand("share", "The week in short, to send to an accountability partner");
  cmd->add_option("--week", o->week, "Any day of the week to share (default: this week)");
  cmd->add_option("--format", o->format, "text (default), markdown or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  cmd->add_flag("--with-notes", o->with_notes, "Add the week's notes and truths (private by default)");
  cmd->callback([&context, o] {
    if (context.options.json) o->format = "json";
    run_share(context, *o);
  });
}

}  // namespace microstep::cli
