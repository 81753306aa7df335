/// Tests of core/render/json_writer: the one place every --json form is escaped and punctuated.
#include "core/render/json_writer.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>

namespace microstep {

TEST_CASE("json_writer: objects and arrays nest with commas only between elements") {
  JsonWriter json;
  json.begin_object()
      .field("id", "floss")
      .field("streak", 3)
      .field("rate", 0.5)
      .field("on_track", true)
      .field("last", std::optional<std::string>{})
      .key("days")
      .begin_array()
      .value(*parse_iso_day("2026-11-02"))
      .begin_object()
      .end_object()
      .begin_array()
      .end_array()
      .end_array()
      .end_object();
  CHECK(json.str() ==
        "{\"id\":\"floss\",\"streak\":3,\"rate\":0.5,\"on_track\":true,\"last\":null,"
        "\"days\":[\"2026-11-02\",{},[]]}\n");
}

TEST_CASE("json_writer: every control character is escaped - UTF-8 passes through") {
  JsonWriter json;
  const std::string text = std::string("q\" b\\ n\n t\t r\r \x01 \x1f caf\xC3\xA9 \xF0\x9F\x8E\x89 ") + '\0' + "end";
  json.begin_array().value(text).end_array();
  CHECK(json.str() == "[\"q\\\" b\\\\ n\\n t\\t r\\r \\u0001 \\u001f caf\xC3\xA9 \xF0\x9F\x8E\x89 \\u0000end\"]\n");
}

TEST_CASE("json_writer: bytes that are not UTF-8 become U+FFFD - the document stays UTF-8") {
  JsonWriter json;
  // Latin-1 "é", a lone continuation byte, a sequence cut short, an overlong '/', a surrogate.
  json.begin_array().value("caf\xe9 \x80 \xE2\x82 \xC0\xAF \xED\xA0\x80 \xE2\x82\xAC").end_array();
  const std::string r = "\xEF\xBF\xBD";
  CHECK(json.str() == "[\"caf" + r + " " + r + " " + r + r + " " + r + r + " " + r + r + r + " \xE2\x82\xAC\"]\n");
}

TEST_CASE("json_writer: numbers - whole ones without a fraction - rates rounded to 4 decimals") {
  JsonWriter json;
  json.begin_array().value(2.0).value(-7L).value(0.125).value(round_for_output(2.0 / 3)).end_array();
  CHECK(json.str() == "[2,-7,0.125,0.6667]\n");
  CHECK(round_for_output(0.99996) == doctest::Approx(1.0));
}

}  // namespace microstep
