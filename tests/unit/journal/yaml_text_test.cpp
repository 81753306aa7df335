/// Tests of core/journal/yaml_text: safe loading with file:line errors, and writing scalars.
#include "core/journal/yaml_text.hpp"

#include <doctest/doctest.h>

#include <string>

#include "core/base/error.hpp"

namespace microstep {

namespace {

std::string error_of(const std::string& text) {
  try {
    load_yaml_mapping(text, "f.yaml", "fields");
  } catch (const Failure& failure) {
    CHECK(failure.code() == ExitCode::data);
    return failure.what();
  }
  return "";
}

}  // namespace

TEST_CASE("yaml_text: a mapping loads - yaml_where gives 1-based lines") {
  YAML::Node root = load_yaml_mapping("# c\na: 1\nb: two\n", "f.yaml", "fields");
  CHECK(root["b"].as<std::string>() == "two");
  CHECK(yaml_where("f.yaml", root["b"]) == "f.yaml:3: ");
}

TEST_CASE("yaml_text: anchors and aliases - syntax errors - non-mappings and huge texts are refused") {
  CHECK(error_of("a: &x [1, 2]\nb: *x\n").starts_with("f.yaml:1: anchors and aliases"));
  CHECK(error_of("a: 1\nb: [1, 2\n").starts_with("f.yaml:"));
  CHECK(error_of("- 1\n- 2\n").starts_with("f.yaml:1: "));
  CHECK(error_of("just text\n").starts_with("f.yaml:1: "));
  CHECK_FALSE(error_of("a: \"" + std::string(2 << 20, 'x') + "\"\n").empty());
  // "Tom &Jerry" and "2 * 3" are text, not an anchor or an alias.
  CHECK(error_of("a: Tom &Jerry\nb: 2 * 3\n").empty());
}

TEST_CASE("yaml_text: text that is not UTF-8 is refused with its line and column - a BOM and UTF-8 pass") {
  CHECK(error_of("a: 1\nb: caf\xe9\n") == "f.yaml:2: not valid UTF-8 (byte 0xE9 at column 7); save the file as UTF-8");
  CHECK(error_of("a: \xC3\xA9t\xC3\xA9 \xC0\xAF\n") ==  // columns count characters; an overlong '/'
        "f.yaml:1: not valid UTF-8 (byte 0xC0 at column 8); save the file as UTF-8");
  CHECK(error_of("a: \xED\xA0\x80\n").starts_with("f.yaml:1: not valid UTF-8 (byte 0xED"));  // a surrogate
  CHECK(error_of("\xEF\xBB\xBF" "a: caf\xC3\xA9 \xF0\x9F\x8E\x89\n").empty());
}

TEST_CASE("yaml_text: yaml_scalar writes text plain when it reads back the same - quoted otherwise") {
  CHECK(yaml_scalar("Write one sentence") == "Write one sentence");
  for (std::string text : {"", "true", "null", "~", "123", "a: b", "# no", " lead", "trail ", "\"q\"", "it's",
                           "line\nbreak", "tab\there", "- item", "*star", "&amp", "[x]", "{y}", "caf\xC3\xA9",
                           "Tom &Jerry", "@at", "`tick`", "%pct", "yes"}) {
    CAPTURE(text);
    std::string doc = "k: " + yaml_scalar(text) + "\n";
    YAML::Node root = load_yaml_mapping(doc, "f.yaml", "fields");
    CHECK(root["k"].as<std::string>() == text);
  }
  // Texts that a plain scalar would make a bool, a null or a number are quoted.
  for (std::string text : {"true", "null", "~", "123", "yes", ""}) {
    CAPTURE(text);
    CHECK(yaml_scalar(text).starts_with("\""));
  }
}

}  // namespace microstep
