// The git story end to end: two clones of one journal, check-ins and a new goal on each side,
// `git pull` on both. checkins.log merges by union (.gitattributes), nothing conflicts, and
// both sides compute the same numbers; a line added identically on both sides counts once.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

/// A sandbox with a bare "remote" and two clones, git isolated from the host's configuration.
class TwoClones {
 public:
  TwoClones() {
    git({"init", "--bare", "--initial-branch=main", root_.file("remote.git")});
    // Side a: a journal in a new repository, pushed to the remote.
    git({"init", "--initial-branch=main", a()});
    identity(a(), "Ada");
    ms(a(), {"init", "--git"});
    ms(a(), {"add", "write-novel", "Write one sentence", "--start", "2026-11-01"});
    commit(a(), "add write-novel");
    git({"-C", a(), "remote", "add", "origin", root_.file("remote.git")});
    git({"-C", a(), "push", "-u", "origin", "main"});
    // Side b: a clone of it.
    git({"clone", root_.file("remote.git"), b()});
    identity(b(), "Bob");
  }

  std::string a() const { return root_.file("a"); }
  std::string b() const { return root_.file("b"); }
  const TempJournal& root() const { return root_; }

  /// Runs git; it must succeed.
  RunResult git(const std::vector<std::string>& args) const {
    RunResult r = root_.run_program("git", args, env());
    INFO("git " << args.front() << "\nstdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return r;
  }
  /// Runs microstep on one side's journal with the clock pinned; it must succeed.
  RunResult ms(const std::string& side, std::vector<std::string> args) const {
    args.insert(args.begin(), {"--dir", side, "--now", "2026-11-03T21:00:00+01:00"});
    RunResult r = root_.run(args, env());
    INFO("microstep " << args[4] << "\nstdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return r;
  }
  void commit(const std::string& side, const std::string& message) const {
    git({"-C", side, "add", "-A"});
    git({"-C", side, "commit", "-q", "-m", message});
  }
  void append(const std::string& side, const std::string& line) const {
    std::string log = side + "/checkins.log";
    write_file(log, read_file(log) + line);
  }

 private:
  TempJournal root_;
  RunOptions env() const {
    return RunOptions{.env = {{"HOME", root_.file("home")},
                              {"GIT_CONFIG_NOSYSTEM", "1"},
                              {"GIT_CONFIG_GLOBAL", "/dev/null"},
                              {"GIT_TERMINAL_PROMPT", "0"}}};
  }
  void identity(const std::string& side, const std::string& name) const {
    git({"-C", side, "config", "user.name", name});
    git({"-C", side, "config", "user.email", name + "@example.org"});
  }
};

size_t count_of(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

std::optional<Json> goal_in(const Json& stats, const std::string& id) {
  for (size_t i = 0; i < stats.size(); ++i)
    if (stats[i]["id"].as_string() == id) return stats[i];
  return std::nullopt;
}

}  // namespace

TEST_CASE("two clones check in and add goals, git pull on both: no conflict, same stats") {
  TwoClones s;
  // The same line (same day, moment, amount and note) written on both sides, as a check-in
  // copied by hand or replayed by a script would be.
  const std::string twice =
      "2026-11-03\t2026-11-03T07:40:00+01:00\tdone\twrite-novel\t4\tOn both machines\n";

  // Side a: a check-in, the shared line, a new goal with its check-in.
  s.ms(s.a(), {"done", "write-novel", "--date", "2026-11-01", "--amount", "2"});
  s.append(s.a(), twice);
  s.ms(s.a(), {"add", "walk", "Put on my shoes", "--start", "2026-11-02"});
  s.ms(s.a(), {"done", "walk", "--date", "2026-11-02"});
  s.commit(s.a(), "a: check-ins and walk");

  // Side b, meanwhile: the shared line first, a check-in, another new goal.
  s.append(s.b(), twice);
  s.ms(s.b(), {"done", "write-novel", "--date", "2026-11-02", "--amount", "3", "--note", "From b"});
  s.ms(s.b(), {"add", "floss", "Floss one tooth", "--start", "2026-11-02"});
  s.ms(s.b(), {"skip", "floss", "--date", "2026-11-03", "--note", "Dentist"});
  s.commit(s.b(), "b: check-ins and floss");

  // a pushes first; b pulls (a real merge) and pushes; a pulls.
  s.git({"-C", s.a(), "push", "-q"});
  RunResult pull_b = s.git({"-C", s.b(), "pull", "--no-rebase", "--no-edit"});
  CHECK(pull_b.out.find("CONFLICT") == std::string::npos);
  s.git({"-C", s.b(), "push", "-q"});
  RunResult pull_a = s.git({"-C", s.a(), "pull", "--no-rebase", "--no-edit"});
  CHECK(pull_a.out.find("CONFLICT") == std::string::npos);

  // b's merge is a real merge commit (two parents), and nothing is left unmerged.
  RunResult parents = s.git({"-C", s.b(), "rev-list", "--parents", "-n", "1", "HEAD"});
  CHECK(lines_of(parents.out).size() == 1);
  CHECK(std::count(parents.out.begin(), parents.out.end(), ' ') == 2);
  CHECK(s.git({"-C", s.b(), "status", "--porcelain"}).out.empty());
  CHECK(s.git({"-C", s.a(), "status", "--porcelain"}).out.empty());

  for (const auto& side : {s.a(), s.b()}) {
    CAPTURE(side);
    std::string log = read_file(side + "/checkins.log");
    CHECK(log.find("<<<<<<<") == std::string::npos);
    CHECK(log.find(">>>>>>>") == std::string::npos);
    CHECK(log.find("=======") == std::string::npos);
    // The union of both sides' lines.
    CHECK(count_of(log, "\tdone\twrite-novel\t2\t\n") == 1);
    CHECK(count_of(log, "\tdone\twrite-novel\t3\tFrom b\n") == 1);
    CHECK(count_of(log, "\tdone\twalk\t") == 1);
    CHECK(count_of(log, "\tskip\tfloss\t\tDentist\n") == 1);
    CHECK(count_of(log, twice) >= 1);
    CHECK(read_file(side + "/goals/walk.yaml").find("step: Put on my shoes") != std::string::npos);
    CHECK(read_file(side + "/goals/floss.yaml").find("step: Floss one tooth") != std::string::npos);
  }

  // Byte-identical numbers on both sides.
  RunResult stats_a = s.ms(s.a(), {"--today", "2026-11-03", "--json", "stats"});
  RunResult stats_b = s.ms(s.b(), {"--today", "2026-11-03", "--json", "stats"});
  CHECK(stats_a.out == stats_b.out);
  CHECK(s.ms(s.a(), {"--json", "log"}).out == s.ms(s.b(), {"--json", "log"}).out);

  // The shared line counts once: 2 + 3 + 4 sentences on three days, not 2 + 3 + 4 + 4.
  Json stats = parse_json(stats_b.out);
  REQUIRE(stats.size() == 3);
  std::optional<Json> novel = goal_in(stats, "write-novel");
  REQUIRE(novel.has_value());
  CHECK((*novel)["done_days"].as_number() == 3);
  CHECK((*novel)["total_amount"].as_number() == 9);
  Json events = parse_json(s.ms(s.b(), {"--json", "log", "write-novel"}).out);
  CHECK(events.size() == 3);
}

TEST_CASE("a line the union merge leaves twice counts once") {
  TwoClones s;
  const std::string twice =
      "2026-11-02\t2026-11-02T07:40:00+01:00\tdone\twrite-novel\t4\tOn both machines\n";
  // Placed so that git cannot fold the two additions into one: first on a, last on b.
  s.append(s.a(), twice);
  s.ms(s.a(), {"done", "write-novel", "--date", "2026-11-01", "--amount", "2"});
  s.commit(s.a(), "a");
  s.ms(s.b(), {"done", "write-novel", "--date", "2026-11-03", "--amount", "3"});
  s.append(s.b(), twice);
  s.commit(s.b(), "b");
  s.git({"-C", s.a(), "push", "-q"});
  s.git({"-C", s.b(), "pull", "--no-rebase", "--no-edit"});
  std::string log = read_file(s.b() + "/checkins.log");
  INFO(log);
  REQUIRE(count_of(log, twice) == 2);
  Json stats = parse_json(s.ms(s.b(), {"--today", "2026-11-03", "--json", "stats"}).out);
  REQUIRE(stats.size() == 1);
  CHECK(stats[0]["done_days"].as_number() == 3);
  CHECK(stats[0]["total_amount"].as_number() == 9);
  CHECK(parse_json(s.ms(s.b(), {"--json", "log"}).out).size() == 3);
}

}  // namespace microstep::test
