/// Tests of core/interop/import_json: a json export read back, numbers and escapes as any
/// writer may give them, and every problem named by the line where its record starts.
#include "core/interop/import_json.hpp"

#include <doctest/doctest.h>

#include <string>

#include "unit/builders.hpp"
#include "unit/data_error.hpp"

namespace microstep {

using test::day;

namespace {

/// The message of the data Failure reading `json` throws.
std::string error_of(const std::string& json) {
  return test::data_error_of([&] { parse_export_json(json, "x.json"); });
}

/// An export pretty-printed as a person or `jq .` would leave it, one goal and three events;
/// `event` is the third event's members. The third event starts on line 23.
std::string pretty_export(const std::string& event) {
  return "{\n"
         "  \"format\": \"microstep-export\",\n"
         "  \"version\": 1,\n"
         "  \"goals\": [\n"
         "    {\n"
         "      \"id\": \"floss\",\n"
         "      \"step\": \"Floss one tooth\",\n"
         "      \"started\": \"2026-11-01\",\n"
         "      \"history\": []\n"
         "    }\n"
         "  ],\n"
         "  \"events\": [\n"
         "    {\n"
         "      \"day\": \"2026-11-02\",\n"
         "      \"event\": \"done\",\n"
         "      \"goal\": \"floss\"\n"
         "    },\n"
         "    {\n"
         "      \"day\": \"2026-11-03\",\n"
         "      \"event\": \"done\",\n"
         "      \"goal\": \"floss\"\n"
         "    },\n"
         "    {\n" +  // line 23
         event +
         "\n"
         "    }\n"
         "  ]\n"
         "}\n";
}

}  // namespace

TEST_CASE("json import: a pretty-printed export reads as the same as a compact one") {
  ImportPlan plan = parse_export_json(
      pretty_export(R"(      "day": "2026-11-04", "event": "skip", "goal": "floss")"), "x.json");
  REQUIRE(plan.goals.size() == 1);
  CHECK(plan.goals[0].id == "floss");
  CHECK(plan.goals[0].since == day("2026-11-01"));
  REQUIRE(plan.events.size() == 3);
  CHECK(plan.events[2].kind == EventKind::skip);
  CHECK(plan.events[2].written == import_moment(day("2026-11-04")));
}

TEST_CASE("json import: a bad value deep in a multi-line export is named by its record's line") {
  CHECK(error_of(pretty_export("      \"day\": \"2026-11-04\",\n"
                               "      \"event\": \"done\",\n"
                               "      \"goal\": \"floss\",\n"
                               "      \"amount\": \"lots\"")) ==
        "x.json:23: amount 'lots' is not a number from 0 to 1000000000, such as 3 or 2.5");
  CHECK(error_of(pretty_export(R"(      "day": "2026-11-31", "event": "done", "goal": "floss")")) ==
        "x.json:23: day '2026-11-31' is not a date (YYYY-MM-DD)");
}

TEST_CASE("json import: a syntax error deep in a multi-line export is named by its own line") {
  std::string message = error_of(pretty_export(
      "      \"day\": \"2026-11-04\",\n"
      "      \"event\": \"done\"\n"  // no comma: the next member, line 26, is unexpected
      "      \"goal\": \"floss\""));
  CHECK(message ==
        "x.json:26: syntax error while parsing object - unexpected string literal; expected '}'");
  CHECK(error_of(pretty_export(R"(      "day": "2026-11-04", "event": "done", "event": "skip")")) ==
        "x.json:24: member \"event\" comes twice");
}

TEST_CASE("json import: not an export, another version, and records of the wrong type") {
  CHECK(error_of("{\"format\": \"other\"}") ==
        "x.json:1: not a microstep json export (no \"format\": \"microstep-export\")");
  CHECK(error_of("\n[1]") ==
        "x.json:2: not a microstep json export (no \"format\": \"microstep-export\")");
  CHECK(error_of("{\"format\": \"microstep-export\", \"version\": 2}") ==
        "x.json:1: export version is not one this microstep reads (1)");
  const std::string head = "{\"format\": \"microstep-export\", \"version\": 1,\n";
  CHECK(error_of(head + "\"goals\": {}}") == "x.json:2: goals must be an array");
  CHECK(error_of(head + "\"goals\": [\n1]}") == "x.json:3: each goal must be an object");
  CHECK(error_of(head + "\"goals\": [{\"id\": \"a\", \"step\": \"A\", \"started\": "
                        "\"2026-01-01\",\n\"history\": 1}]}") ==
        "x.json:3: history must be an array");
  CHECK(error_of(head + "\"goals\": [{\"id\": \"a\", \"step\": \"A\", \"started\": \"2026-01-01\", "
                        "\"history\": [\n\"x\"]}]}") ==
        "x.json:3: each history entry must be an object");
  CHECK(error_of(head +
                 "\"goals\": [{\"id\": \"a\", \"step\": \"A\", \"started\": \"2026-01-01\"},\n"
                 "{\"id\": \"a\", \"step\": \"A\", \"started\": \"2026-01-01\"}]}") ==
        "x.json:3: goal a comes twice");
  CHECK(error_of(head + "\"events\": \"none\"}") == "x.json:2: events must be an array");
  CHECK(error_of(head + "\"events\": [null]}") == "x.json:2: each event must be an object");
}

TEST_CASE("json import: strict JSON, as json_reader reads it") {
  CHECK(error_of("{\"format\":\"microstep-export\",\"format\":1}") ==
        "x.json:1: member \"format\" comes twice");
  CHECK(error_of(
            "{\"format\":\"microstep-export\",\"version\":1,\"goals\":[{\"id\":\"\\ud800\"}]}") ==
        "x.json:1: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF "
        "must be followed by "
        "U+DC00..U+DFFF; last read: '\"\\ud800\"'");
  CHECK(error_of("{\"format\":\"microstep-export\",\"version\":1} x") ==
        "x.json:1: syntax error while parsing value - invalid literal; last read: '1} x'; expected "
        "end of input");
}

TEST_CASE("json import: numbers with exponents and escapes read back") {
  std::string json =
      "{\"format\":\"microstep-export\",\"version\":1,\"goals\":[{\"id\":\"a\",\"step\":"
      "\"St\\u00e9p \\ud83d\\ude00\","
      "\"started\":\"2026-01-01\",\"minimum\":1e+09,\"history\":null}],\"events\":[{\"day\":\"2026-"
      "01-02\","
      "\"event\":\"done\",\"goal\":\"a\",\"amount\":2.5E1,\"note\":\"a\\/b\\n\"}]}";
  ImportPlan plan = parse_export_json(json, "x.json");
  REQUIRE(plan.goals.size() == 1);
  CHECK(plan.goals[0].step == "Stép 😀");
  CHECK(plan.goals[0].minimum == 1e9);
  REQUIRE(plan.events.size() == 1);
  CHECK(plan.events[0].amount == 25);
  CHECK(plan.events[0].note == "a/b\n");
}

TEST_CASE("json import: a negative number is taken as it is written, and refused as an amount") {
  const std::string head =
      "{\"format\":\"microstep-export\",\"version\":1,\"goals\":[{\"id\":\"a\",\"step\":\"A\","
      "\"started\":"
      "\"2026-01-01\"}],\"events\":[{\"day\":\"2026-01-02\",\"event\":\"done\",\"goal\":\"a\",";
  CHECK(error_of(head + "\"amount\":-1.50}]}") ==
        "x.json:1: amount '-1.50' is not a number from 0 to 1000000000, such as 3 or 2.5");
  CHECK(error_of(head + "\"amount\":-0}]}") ==
        "x.json:1: amount '-0' is not a number from 0 to 1000000000, such as 3 or 2.5");
  ImportPlan plan =
      parse_export_json(head + "\"amount\":0, \"note\":-2.50e1, \"truth\":true}]}", "x.json");
  REQUIRE(plan.events.size() == 1);
  CHECK(plan.events[0].amount == 0);
  CHECK(plan.events[0].note == "-2.50e1");
  CHECK(plan.events[0].truth == "true");
}

}  // namespace microstep
