/// Tests of core/interop/json_reader: nlohmann-json's parser made strict, the values it builds
/// and the line each starts on, and every JSON text the reader refuses, named by its line.
#include "core/interop/json_reader.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "unit/data_error.hpp"

namespace microstep {

namespace {

/// The message of the data Failure reading `text` throws.
std::string error_of(std::string_view text) {
  return test::data_error_of([&] { read_json(text, "x.json"); });
}

/// A refusal in nlohmann-json's words: only the place and that it is a syntax error are ours.
bool syntax_error_at(std::string_view text, int line) {
  std::string message = error_of(text);
  CAPTURE(message);
  return message.starts_with("x.json:" + std::to_string(line) + ": syntax error while parsing ");
}

}  // namespace

TEST_CASE("json reader: values, members in their order, and the line each starts on") {
  JsonValue doc = read_json(
      "{\n"                        // 1
      "  \"a\": [1,\n"             // 2
      "    -0,\n"                  // 3
      "    2.50e1\n"               // 4
      "  ],\n"                     // 5
      "  \"b\": {\"c\": null},\n"  // 6
      "  \"d\":\n"                 // 7
      "    \"t\\u00e9xt\",\n"      // 8
      "  \"e\": true\n"            // 9
      "}\n",
      "x.json");
  CHECK(doc.type == JsonValue::Type::object);
  CHECK(doc.line == 1);
  REQUIRE(doc.members.size() == 4);
  CHECK(doc.members[0].key == "a");
  CHECK(doc.members[1].key == "b");
  CHECK(doc.members[2].key == "d");
  CHECK(doc.members[3].key == "e");

  const JsonValue& a = *doc.get("a");
  CHECK(a.type == JsonValue::Type::array);
  CHECK(a.line == 2);
  REQUIRE(a.items.size() == 3);
  CHECK(a.items[0].line == 2);
  CHECK(a.items[0].text == "1");
  CHECK(a.items[0].number == 1);
  CHECK(a.items[1].line == 3);
  CHECK(a.items[1].text == "-0");
  CHECK(std::signbit(a.items[1].number));
  // A number's line is its own, though the lexer has read the newline after it to end it.
  CHECK(a.items[2].line == 4);
  CHECK(a.items[2].text == "2.50e1");
  CHECK(a.items[2].number == 25);

  const JsonValue& b = *doc.get("b");
  CHECK(b.line == 6);
  REQUIRE(b.get("c") != nullptr);
  CHECK(b.get("c")->type == JsonValue::Type::null);
  CHECK(b.get("c")->line == 6);
  CHECK(doc.get("d")->text == "t\xc3\xa9xt");
  CHECK(doc.get("d")->line == 8);
  CHECK(doc.get("e")->flag);
  CHECK(doc.get("e")->line == 9);
  CHECK(doc.get("f") == nullptr);
}

TEST_CASE("json reader: escapes, surrogate pairs, big and exact numbers") {
  JsonValue v = read_json(
      R"(["a\"b\\c\/d\b\f\n\r\t", "\ud83d\ude00\u0000", 12345678901234567890123, 18446744073709551615,
                              -9223372036854775808, 1e-310, 0.1])",
      "x.json");
  REQUIRE(v.items.size() == 7);
  CHECK(v.items[0].text == "a\"b\\c/d\b\f\n\r\t");
  CHECK(v.items[1].text == std::string("\xf0\x9f\x98\x80") + '\0');
  CHECK(v.items[2].number == 12345678901234567890123.0);
  CHECK(v.items[2].text == "12345678901234567890123");
  CHECK(v.items[3].number == 18446744073709551615.0);
  CHECK(v.items[4].text == "-9223372036854775808");
  CHECK(v.items[5].number == 1e-310);  // small, but not 0
  CHECK(v.items[6].number == 0.1);
  CHECK(v.items[6].line == 2);
}

TEST_CASE("json reader: strict - the refusals that are its own, word for word") {
  SUBCASE("a member name that comes twice in one object, at the second") {
    CHECK(error_of("{\"a\": 1,\n \"b\": {\"a\": 2},\n \"a\": 3}") ==
          "x.json:3: member \"a\" comes twice");
  }
  SUBCASE("nested deeper than 32: the document is at depth 0") {
    const std::string deepest = std::string(32, '[') + "1" + std::string(32, ']');
    CHECK(read_json(deepest, "x.json").items.size() == 1);
    CHECK(error_of("[" + deepest + "]") == "x.json:1: nested too deeply");
    CHECK(error_of("[\n" + std::string(33, '[') + std::string(33, ']') + "]") ==
          "x.json:2: nested too deeply");
  }
  SUBCASE("a number too large for a double, or so small that it would read as 0") {
    CHECK(error_of("[\n1e-400]") == "x.json:2: the number 1e-400 is out of range");
    CHECK(error_of("-2e-324") == "x.json:1: the number -2e-324 is out of range");
    CHECK(error_of("[1,\n1e400]") ==
          "x.json:2: number overflow parsing '1e400'");  // nlohmann-json's
  }
  SUBCASE("a byte order mark: JSON text has none (an import's file has had its own removed)") {
    CHECK(error_of("\xEF\xBB\xBF{}") ==
          "x.json:1: a byte order mark (U+FEFF) before the JSON document");
  }
  SUBCASE("text after the document, a NUL byte too (nlohmann-json would stop there)") {
    CHECK(error_of(std::string("{}\n\0", 4)) ==
          "x.json:2: unexpected text after the JSON document");
    CHECK(error_of(std::string("{} \0 x", 6)) ==
          "x.json:1: unexpected text after the JSON document");
    CHECK(syntax_error_at("{}\n\n x", 3));
  }
}

TEST_CASE(
    "json reader: strict - syntax errors in nlohmann-json's words, at the line where they are") {
  SUBCASE("structure") {
    CHECK(syntax_error_at("", 1));
    CHECK(syntax_error_at(" \n\n ", 3));  // an unexpected end is where the text ends
    CHECK(syntax_error_at("{\n", 2));
    CHECK(syntax_error_at("[1,\n]", 2));
    CHECK(syntax_error_at("[1\n2]", 2));
    CHECK(syntax_error_at("{\"a\"\n 1}", 2));
    CHECK(syntax_error_at("{\na: 1}", 2));
    CHECK(syntax_error_at("{\"a\": 1,\n}", 2));
    CHECK(syntax_error_at("[\ntru]", 2));
    CHECK(syntax_error_at("[\nnul]", 2));
    CHECK(syntax_error_at("{\"a\": 1 /* a comment */}", 1));
    CHECK(syntax_error_at("{'a': 1}", 1));
  }
  SUBCASE("numbers") {
    CHECK(syntax_error_at("[\n01]", 2));
    CHECK(syntax_error_at("[\n1.]", 2));
    CHECK(syntax_error_at("[\n.5]", 2));
    CHECK(syntax_error_at("[\n-]", 2));
    CHECK(syntax_error_at("[\n+1]", 2));
    CHECK(syntax_error_at("[\n1e]", 2));
    CHECK(syntax_error_at("[\nNaN]", 2));
    CHECK(syntax_error_at("[\nInfinity]", 2));
  }
  SUBCASE("strings: escapes, surrogates, control characters, UTF-8") {
    CHECK(syntax_error_at("[\n\"abc", 2));
    CHECK(syntax_error_at("[\n\"a\tb\"]", 2));
    CHECK(syntax_error_at("[\n\"a\nb\"]", 2));  // a raw newline: the string's line
    CHECK(syntax_error_at(std::string("[\n\"a\0b\"]", 8), 2));
    CHECK(syntax_error_at("[\n\"\\x41\"]", 2));
    CHECK(syntax_error_at("[\n\"\\u12\"]", 2));
    CHECK(syntax_error_at("[\n\"\\ud83d\"]", 2));
    CHECK(syntax_error_at("[\n\"\\ud83d\\u0041\"]", 2));
    CHECK(syntax_error_at("[\n\"x\\ude00\"]", 2));
    CHECK(syntax_error_at("[\n\"\xc3\"]", 2));          // cut short
    CHECK(syntax_error_at("[\n\"\xc0\xaf\"]", 2));      // overlong
    CHECK(syntax_error_at("[\n\"\xed\xa0\x80\"]", 2));  // a surrogate
    CHECK(syntax_error_at("[\n\"\xff\"]", 2));
    CHECK(syntax_error_at("[\n\xc3\xa9]", 2));  // outside a string
  }
  SUBCASE("the words are nlohmann-json's, without its own prefix and position") {
    CHECK(error_of("tru") ==
          "x.json:1: syntax error while parsing value - invalid literal; last read: 'tru'");
  }
}

}  // namespace microstep
