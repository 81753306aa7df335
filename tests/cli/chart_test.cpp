// chart --svg end to end: on a copy of the example journal, the SVG is valid XML (xmllint),
// renders (rsvg-convert), and its cells agree with `stats --json`.
#include <doctest/doctest.h>

#include <regex>
#include <tuple>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

/// Runs a checking tool; a missing tool fails the test (never skips it), naming its package.
RunResult tool(const TempJournal& j, const std::string& program, const std::vector<std::string>& args,
               const std::string& package) {
  RunResult r = j.run_program(program, args);
  if (r.exit_code == 127 && r.err.find("not found") != std::string::npos)
    FAIL(program << " is not installed: apt-get install " << package);
  return r;
}

/// The state classes of the day cells of each goal panel, in order.
std::vector<std::vector<std::string>> panels(const std::string& svg) {
  std::vector<std::vector<std::string>> out;
  std::regex token("<g class=\"goal\">|<rect class=\"day ([a-z ]+)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), token); it != std::sregex_iterator(); ++it) {
    if ((*it)[1].matched) {
      REQUIRE(!out.empty());
      out.back().push_back((*it)[1]);
    } else {
      out.emplace_back();
    }
  }
  return out;
}

long count_done(const std::vector<std::string>& classes) {
  long n = 0;
  for (const auto& c : classes)
    if (c.rfind("done", 0) == 0 || c.rfind("extra", 0) == 0) ++n;
  return n;
}

}  // namespace

TEST_CASE("chart --svg writes a valid SVG that renders with a cell per day and the done days of stats") {
  TempJournal j;
  copy_examples(j);
  RunResult r = j.run({"--today", "2026-11-22", "chart", "--svg", "chart.svg", "--weeks", "53"});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "Wrote the chart of 4 goals to chart.svg\n");
  std::string svg = j.read("chart.svg");

  RunResult lint = tool(j, "xmllint", {"--noout", "chart.svg"}, "libxml2-utils");
  INFO("xmllint: " << lint.err);
  CHECK(lint.exit_code == 0);
  CHECK(lint.err.empty());

  RunResult png = tool(j, "rsvg-convert", {"-o", "chart.png", "chart.svg"}, "librsvg2-bin");
  INFO("rsvg-convert: " << png.err);
  REQUIRE(png.exit_code == 0);
  std::string image = j.read("chart.png");
  CHECK(image.rfind("\x89PNG\r\n\x1a\n", 0) == 0);
  CHECK(image.size() > 20000);  // a picture, not an empty canvas
  // Its pixel size is the SVG's own: width and height from the IHDR chunk.
  auto be32 = [&](size_t at) {
    return (static_cast<unsigned char>(image[at]) << 24) | (static_cast<unsigned char>(image[at + 1]) << 16) |
           (static_cast<unsigned char>(image[at + 2]) << 8) | static_cast<unsigned char>(image[at + 3]);
  };
  std::smatch size;
  REQUIRE(std::regex_search(svg, size, std::regex("<svg [^>]*width=\"([0-9]+)\" height=\"([0-9]+)\"")));
  CHECK(be32(16) == std::stoul(size[1]));
  CHECK(be32(20) == std::stoul(size[2]));

  // Each goal's done cells are its done days (all of the example's fall within the year).
  auto cells = panels(svg);
  RunResult stats = j.run({"--today", "2026-11-22", "--json", "stats"});
  REQUIRE(stats.exit_code == 0);
  Json goals = parse_json(stats.out);
  REQUIRE(cells.size() == goals.size());
  for (size_t i = 0; i < goals.size(); ++i) {
    CAPTURE(goals[i]["id"].as_string());
    CHECK(cells[i].size() == 52 * 7 + 7);  // 17 Nov 2025 (a Monday) to Sunday 22 Nov 2026
    CHECK(count_done(cells[i]) == static_cast<long>(goals[i]["done_days"].as_number()));
    CHECK(goals[i]["done_days"].as_number() > 0);
    CHECK(cells[i].back().find(" today") != std::string::npos);
    CHECK(svg.find(goals[i]["id"].as_string() + ": ") != std::string::npos);
  }
}

TEST_CASE("chart ID takes a unique prefix - --svg - writes to stdout - --json says what was written") {
  TempJournal j;
  copy_examples(j);
  RunResult one = j.run({"--today", "2026-11-22", "chart", "wri", "--svg", "-"});
  REQUIRE(one.exit_code == 0);
  CHECK(one.out.rfind("<?xml", 0) == 0);
  CHECK(panels(one.out).size() == 1);
  CHECK(one.out.find("write-novel: Write one sentence") != std::string::npos);
  CHECK(one.out.find("floss:") == std::string::npos);

  RunResult json = j.run({"--today", "2026-11-22", "--json", "chart", "run", "guitar", "--svg", "out/c.svg"});
  // A directory that does not exist: an I/O error, and nothing half-written.
  CHECK(json.exit_code == 4);
  CHECK_FALSE(j.exists("out/c.svg"));
  j.write("out/.keep", "");
  json = j.run({"--today", "2026-11-22", "--json", "chart", "run", "guitar", "--svg", "out/c.svg"});
  REQUIRE(json.exit_code == 0);
  Json written = parse_json(json.out);
  CHECK(written["file"].as_string() == "out/c.svg");
  REQUIRE(written["goals"].size() == 2);
  CHECK(written["goals"][0].as_string() == "run");
  CHECK(written["goals"][1].as_string() == "guitar");
  // By default, from the week the first of them started (run, 2026-10-26): 4 weeks.
  CHECK(written["first"].as_string() == "2026-10-26");
  CHECK(written["last"].as_string() == "2026-11-22");
  CHECK(written["weeks"].as_number() == 4);
  CHECK(panels(j.read("out/c.svg")).size() == 2);
}

TEST_CASE("chart: --svg is required - unknown goals and --json with --svg - are usage errors") {
  TempJournal j;
  copy_examples(j);
  RunResult missing = j.run({"--today", "2026-11-22", "chart"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("--svg") != std::string::npos);
  RunResult unknown = j.run({"--today", "2026-11-22", "chart", "nope", "--svg", "c.svg"});
  CHECK(unknown.exit_code == 2);
  CHECK_FALSE(j.exists("c.svg"));
  RunResult both = j.run({"--today", "2026-11-22", "--json", "chart", "--svg", "-"});
  CHECK(both.exit_code == 2);
  CHECK(both.err.find("--json and --svg -") != std::string::npos);
}

TEST_CASE("chart leaves out goals that are not active unless named - the pinned day decides the year") {
  TempJournal j;
  copy_examples(j);
  std::string floss = j.read("goals/floss.yaml");
  size_t at = floss.find("status: active");
  REQUIRE(at != std::string::npos);
  j.write("goals/floss.yaml", floss.replace(at, 14, "status: archived"));
  RunResult all = j.run({"--today", "2026-11-22", "chart", "--svg", "-"});
  REQUIRE(all.exit_code == 0);
  CHECK(panels(all.out).size() == 3);
  CHECK(all.out.find("floss:") == std::string::npos);
  RunResult named = j.run({"--today", "2026-11-22", "chart", "floss", "--svg", "-"});
  REQUIRE(named.exit_code == 0);
  CHECK(named.out.find("floss: Floss one tooth (archived)") != std::string::npos);

  RunResult earlier = j.run({"--today", "2026-11-10", "chart", "write", "--svg", "-", "--weeks", "53"});
  REQUIRE(earlier.exit_code == 0);
  CHECK(earlier.out.find("the chain, 10 Nov 2025 to 10 Nov 2026") != std::string::npos);
  auto cells = panels(earlier.out);
  REQUIRE(cells.size() == 1);
  CHECK(cells[0].size() == 52 * 7 + 2);  // Monday 10 Nov 2025 to Tuesday 10 Nov 2026
}

TEST_CASE("chart --weeks N - by default 53 weeks, or since the first goal started when shorter") {
  TempJournal j;
  copy_examples(j);
  auto chart = [&](std::vector<std::string> more) {
    std::vector<std::string> args{"--today", "2026-11-22", "--json", "chart", "--svg", "c.svg"};
    args.insert(args.end(), more.begin(), more.end());
    RunResult r = j.run(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    auto cells = panels(j.read("c.svg"));
    REQUIRE(cells.size() == 4);
    Json written = parse_json(r.out);
    return std::tuple{written["first"].as_string(), written["weeks"].as_number(), cells[0].size()};
  };
  // The example journal's goals started from Monday 2026-10-26 on: 4 weeks to Sunday 11-22,
  // not a picture of 49 empty weeks.
  CHECK(chart({}) == std::tuple{"2026-10-26", 4.0, size_t{28}});
  CHECK(j.read("c.svg").find("the chain, 26 Oct 2026 to 22 Nov 2026") != std::string::npos);
  CHECK(chart({"--weeks", "53"}) == std::tuple{"2025-11-17", 53.0, size_t{371}});
  CHECK(chart({"--weeks", "2"}) == std::tuple{"2026-11-09", 2.0, size_t{14}});
  CHECK(chart({"--weeks", "1"}) == std::tuple{"2026-11-16", 1.0, size_t{7}});

  // A goal started two years ago: the default is the year, 53 weeks.
  std::string run = j.read("goals/run.yaml");
  j.write("goals/run.yaml", run.replace(run.find("started: 2026-10-26"), 19, "started: 2024-11-01"));
  CHECK(chart({}) == std::tuple{"2025-11-17", 53.0, size_t{371}});

  for (const char* bad : {"0", "-1", "521", "many"}) {
    RunResult r = j.run({"--today", "2026-11-22", "chart", "--svg", "d.svg", "--weeks", bad});
    CHECK_MESSAGE(r.exit_code == 2, bad);
    CHECK_FALSE(j.exists("d.svg"));
  }
}

}  // namespace microstep::test
