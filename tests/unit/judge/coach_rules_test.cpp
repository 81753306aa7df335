/// Tests of core/judge/coach_rules: the coaching rules as data, the installed ones and a journal's own.
#include "core/judge/coach_rules.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/base/error.hpp"
#include "unit/temp_dir.hpp"

namespace microstep {

TEST_CASE("coach rules: a file's thresholds replace the defaults - the ones it leaves out stay") {
  CoachRules rules = parse_rules_text("thresholds:\n  review_needed: 4\n  grow_min_rate: 0.8\n", "rules.yaml");
  CHECK(rules.thresholds.review_needed == 4);
  CHECK(rules.thresholds.grow_min_rate == doctest::Approx(0.8));
  CHECK(rules.thresholds.review_window == 7);  // the 7-day rule, untouched
  CHECK(rules.thresholds.grow_after_days == 30);
  CHECK(rules.ladders.empty());
}

TEST_CASE("coach rules: a file's lists come before the base's, so its own rules are tried first") {
  CoachRules base = parse_rules_text(
      "ladders:\n  - [book, chapter, page]\nvague:\n  - more\n"
      "replacements:\n  - when: [workout]\n    step: Put on your shoes\n",
      "installed.yaml");
  CoachRules own = parse_rules_text(
      "ladders:\n  - [album, song, verse]\nvague:\n  - better\n"
      "preparations:\n  - when: [piano]\n    step: Open the {noun}\n    nouns: [piano, lid]\n",
      "rules.yaml", base);
  REQUIRE(own.ladders.size() == 2);
  CHECK(own.ladders[0] == std::vector<std::string>{"album", "song", "verse"});
  CHECK(own.ladders[1] == std::vector<std::string>{"book", "chapter", "page"});
  CHECK(own.vague == std::vector<std::string>{"better", "more"});
  REQUIRE(own.replacements.size() == 1);  // none of its own: the base's, as they were
  CHECK(own.replacements[0].step == "Put on your shoes");
  REQUIRE(own.preparations.size() == 1);
  CHECK(own.preparations[0].when == std::vector<std::string>{"piano"});
  CHECK(own.preparations[0].nouns == std::vector<std::string>{"piano", "lid"});
}

TEST_CASE("coach rules: skills, places, jobs, counts and distances - the journal's first") {
  CoachRules base = parse_rules_text(
      "thresholds:\n  handful: 4\n  short_distance: 150\n"
      "skills:\n  - when: [\"learn {noun}\"]\n    nouns: [Spanish]\n    step: Learn one new {noun} word\n"
      "going: [go to]\nplaces:\n  - when: [gym]\n    step: Do one push-up\n"
      "jobs:\n  - when: [kitchen]\n    part: one counter in {det} kitchen\n  - when: [do the dishes]\n"
      "    step: Wash one dish\n"
      "counts:\n  - units: [word]\n    most: 50\n"
      "distances:\n  - units: [km]\n    metres: 1000\n",
      "installed.yaml");
  CHECK(base.thresholds.handful == 4);
  CHECK(base.thresholds.short_distance == 150);
  REQUIRE(base.skills.size() == 1);
  CHECK(base.skills[0].when == std::vector<std::string>{"learn {noun}"});
  CHECK(base.going == std::vector<std::string>{"go to"});
  REQUIRE(base.jobs.size() == 2);
  CHECK(base.jobs[0].part == "one counter in {det} kitchen");
  CHECK(base.jobs[0].step.empty());
  CHECK(base.jobs[1].step == "Wash one dish");
  REQUIRE(base.counts.size() == 1);
  CHECK(base.counts[0].units == std::vector<std::string>{"word"});
  CHECK(base.counts[0].value == 50);
  REQUIRE(base.distances.size() == 1);
  CHECK(base.distances[0].value == 1000);

  CoachRules own = parse_rules_text("counts:\n  - units: [page]\n    most: 3\ngoing: [drive to]\n", "rules.yaml", base);
  REQUIRE(own.counts.size() == 2);
  CHECK(own.counts[0].units == std::vector<std::string>{"page"});
  CHECK(own.going == std::vector<std::string>{"drive to", "go to"});
  CHECK(own.skills.size() == 1);  // none of its own: the base's, as they were
}

TEST_CASE("coach rules: a bad entry is an error naming the file and line") {
  auto error_of = [](const std::string& text) {
    try {
      parse_rules_text(text, "rules.yaml");
    } catch (const Failure& f) {
      CHECK(f.code() == ExitCode::data);
      return std::string(f.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("thresholds:\n  review_needed: five\n") ==
        "rules.yaml:2: thresholds.review_needed must be a number");
  CHECK(error_of("ladders: book\n") == "rules.yaml:1: ladders must be a list of lists");
  CHECK(error_of("vague:\n  - more\n  - [a, b]\n") == "rules.yaml:3: vague must be a list of texts");
  CHECK(error_of("replacements:\n  - when: [run]\n") ==
        "rules.yaml:2: replacements entries need when: [words] and step: text");
  CHECK(error_of("counts:\n  - units: [word]\n    most: many\n") == "rules.yaml:3: counts.most must be a number");
  CHECK(error_of("distances:\n  - units: [km]\n") ==
        "rules.yaml:2: distances must be a list of {units: [...], metres: number}");
  CHECK(error_of("- a list\n").starts_with("rules.yaml:1: expected a mapping of coaching rules"));
}

TEST_CASE("coach rules: load_rules reads the installed rules, then the journal's own rules.yaml") {
  test::TempDir journal;
  CoachRules installed = load_rules(journal.path);
  CHECK(installed.thresholds.review_needed == 5);
  REQUIRE_FALSE(installed.ladders.empty());
  CHECK_FALSE(installed.replacements.empty());

  journal.write("rules.yaml", "thresholds:\n  review_needed: 6\nladders:\n  - [novel, scene, line]\n");
  CoachRules extended = load_rules(journal.path);
  CHECK(extended.thresholds.review_needed == 6);
  REQUIRE(extended.ladders.size() == installed.ladders.size() + 1);
  CHECK(extended.ladders.front() == std::vector<std::string>{"novel", "scene", "line"});

  journal.write("rules.yaml", "ladders: [\n");
  CHECK_THROWS_WITH(load_rules(journal.path), doctest::Contains("rules.yaml:"));
}

TEST_CASE("coach rules: the rules built into the binary are data/rules.yaml, parsed") {
  std::ifstream in(std::string(MICROSTEP_SOURCE_DATADIR) + "/rules.yaml", std::ios::binary);
  std::ostringstream file;
  file << in.rdbuf();
  REQUIRE_FALSE(file.str().empty());
  CHECK(default_rules_text() == file.str());
  CoachRules parsed = parse_rules_text(file.str(), "rules.yaml");
  CHECK(default_rules() == parsed);
  // Not an empty match: the file sets every kind of rule.
  CHECK_FALSE(parsed.ladders.empty());
  CHECK_FALSE(parsed.replacements.empty());
  CHECK_FALSE(parsed.preparations.empty());
  CHECK_FALSE(parsed.vague.empty());
}

TEST_CASE("coach rules: an installed rules file replaces the built-in rules, the journal's extend either") {
  test::TempDir journal, share;
  SUBCASE("none installed: the rules built in") {
    CHECK(load_rules(journal.path, std::nullopt) == default_rules());
  }
  SUBCASE("the installed file as built in") {
    share.write("rules.yaml", std::string(default_rules_text()));
    CHECK(load_rules(journal.path, share.path / "rules.yaml") == default_rules());
  }
  SUBCASE("an installed file edited: its rules, not the built-in ones") {
    share.write("rules.yaml", "thresholds:\n  review_needed: 3\nvague:\n  - someday\n");
    CoachRules rules = load_rules(journal.path, share.path / "rules.yaml");
    CHECK(rules.thresholds.review_needed == 3);
    CHECK(rules.vague == std::vector<std::string>{"someday"});
    CHECK(rules.ladders.empty());
    journal.write("rules.yaml", "vague:\n  - one day\n");
    CHECK(load_rules(journal.path, share.path / "rules.yaml").vague == std::vector<std::string>{"one day", "someday"});
  }
  SUBCASE("a bad installed file is an error naming it") {
    share.write("rules.yaml", "ladders: book\n");
    const std::string path = (share.path / "rules.yaml").string();
    CHECK_THROWS_WITH(load_rules(journal.path, share.path / "rules.yaml"), (path + ":1: ladders must be a list of lists").c_str());
  }
  SUBCASE("an installed file that cannot be read is an I/O error") {
    try {
      load_rules(journal.path, share.path / "missing.yaml");
      FAIL("no error");
    } catch (const Failure& e) {
      CHECK(e.code() == ExitCode::io);
    }
  }
}

}  // namespace microstep
