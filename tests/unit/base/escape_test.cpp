/// Tests of core/base/escape: free text in a tab-separated field, and UTF-8 validation.
#include "core/base/escape.hpp"

#include <doctest/doctest.h>

#include <string>

namespace microstep {

using namespace std::string_literals;

TEST_CASE("escape_field") {
  SUBCASE("tab, newline, carriage return and backslash") {
    CHECK(escape_field("a\tb") == "a\\tb");
    CHECK(escape_field("a\nb") == "a\\nb");
    CHECK(escape_field("a\r\nb") == "a\\r\\nb");
    CHECK(escape_field("C:\\dir") == "C:\\\\dir");
    CHECK(escape_field("\\n") == "\\\\n");
  }
  SUBCASE("other control characters become \\xHH") {
    CHECK(escape_field("\x01") == "\\x01");
    CHECK(escape_field("\x1b[31m") == "\\x1b[31m");
    CHECK(escape_field("\x7f") == "\\x7f");
    CHECK(escape_field("a\0b"s) == "a\\x00b");
  }
  SUBCASE("everything else is kept") {
    CHECK(escape_field("") == "");
    CHECK(escape_field("plain text, 100% fine!") == "plain text, 100% fine!");
    CHECK(escape_field("\"quoted\" and 'single'") == "\"quoted\" and 'single'");
    CHECK(escape_field("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80") ==
          "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
  }
  SUBCASE("the result never holds a tab, newline or carriage return") {
    std::string all;
    for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
    std::string escaped = escape_field(all);
    CHECK(escaped.find_first_of("\t\n\r") == std::string::npos);
  }
}

TEST_CASE("unescape_field inverts escape_field") {
  const std::string samples[] = {
      "",
      "a\tb\tc",
      "line one\nline two\r\n",
      "back\\slash \\\\ and \\n literally",
      "\"quotes\" 'too'",
      "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
      "\x01\x02\x1f\x7f",
      "nul\0inside"s,
      "\\",
      "trailing backslash\\",
      "\\x41 is not A",
  };
  for (const auto& s : samples) {
    CAPTURE(s);
    auto back = unescape_field(escape_field(s));
    REQUIRE(back);
    CHECK(*back == s);
  }
  SUBCASE("every byte") {
    std::string all;
    for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
    CHECK(unescape_field(escape_field(all)) == all);
  }
}

TEST_CASE("unescape_field reads the escapes") {
  CHECK(unescape_field("a\\tb") == "a\tb");
  CHECK(unescape_field("\\x41\\x7f") == "A\x7f");
  CHECK(unescape_field("\\x1B") == "\x1b");
  CHECK(unescape_field("\\x00") == "\0"s);
  CHECK(unescape_field("no escapes") == "no escapes");
}

TEST_CASE("unescape_field refuses unknown or cut-short escapes") {
  SUBCASE("unknown escapes") {
    CHECK_FALSE(unescape_field("\\q"));
    CHECK_FALSE(unescape_field("\\\""));
    CHECK_FALSE(unescape_field("\\0"));
    CHECK_FALSE(unescape_field("\\u0041"));
    CHECK_FALSE(unescape_field("\\T"));
  }
  SUBCASE("cut short") {
    CHECK_FALSE(unescape_field("\\"));
    CHECK_FALSE(unescape_field("text\\"));
    CHECK_FALSE(unescape_field("\\x"));
    CHECK_FALSE(unescape_field("\\x4"));
    CHECK_FALSE(unescape_field("a\\x4"));
  }
  SUBCASE("bad hex digits") {
    CHECK_FALSE(unescape_field("\\xg1"));
    CHECK_FALSE(unescape_field("\\x1g"));
    CHECK_FALSE(unescape_field("\\x 1"));
  }
}

TEST_CASE("is_valid_utf8 accepts well-formed text") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ASCII"));
  CHECK(is_valid_utf8("nul\0inside"s));
  CHECK(is_valid_utf8("\xc2\x80"));           // U+0080, the first two-byte code point
  CHECK(is_valid_utf8("caf\xc3\xa9"));        // é
  CHECK(is_valid_utf8("\xe0\xa0\x80"));       // U+0800, the first three-byte code point
  CHECK(is_valid_utf8("\xe2\x82\xac"));       // €
  CHECK(is_valid_utf8("\xed\x9f\xbf"));       // U+D7FF, just below the surrogates
  CHECK(is_valid_utf8("\xee\x80\x80"));       // U+E000, just above them
  CHECK(is_valid_utf8("\xef\xbf\xbf"));       // U+FFFF
  CHECK(is_valid_utf8("\xf0\x9f\x98\x80"));   // 😀
  CHECK(is_valid_utf8("\xf4\x8f\xbf\xbf"));   // U+10FFFF, the last code point
  CHECK(is_valid_utf8("a\xc3\xa9z\xf0\x9f\x98\x80!"));
}

TEST_CASE("is_valid_utf8 refuses malformed text") {
  SUBCASE("overlong forms") {
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));
    CHECK_FALSE(is_valid_utf8("\xc1\xbf"));
    CHECK_FALSE(is_valid_utf8("\xc0\x80"));
    CHECK_FALSE(is_valid_utf8("\xe0\x80\xaf"));
    CHECK_FALSE(is_valid_utf8("\xe0\x9f\xbf"));
    CHECK_FALSE(is_valid_utf8("\xf0\x80\x80\xaf"));
    CHECK_FALSE(is_valid_utf8("\xf0\x8f\xbf\xbf"));
  }
  SUBCASE("surrogates") {
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));  // U+D800
    CHECK_FALSE(is_valid_utf8("\xed\xbf\xbf"));  // U+DFFF
    CHECK_FALSE(is_valid_utf8("\xed\xa0\xbd\xed\xb8\x80"));  // a CESU-8 pair
  }
  SUBCASE("beyond U+10FFFF") {
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));
    CHECK_FALSE(is_valid_utf8("\xf5\x80\x80\x80"));
    CHECK_FALSE(is_valid_utf8("\xf8\x88\x80\x80\x80"));
  }
  SUBCASE("truncated sequences") {
    CHECK_FALSE(is_valid_utf8("\xc3"));
    CHECK_FALSE(is_valid_utf8("\xe2\x82"));
    CHECK_FALSE(is_valid_utf8("\xf0\x9f\x98"));
    CHECK_FALSE(is_valid_utf8("caf\xc3"));
    CHECK_FALSE(is_valid_utf8("\xe2\x82" "A"));
    CHECK_FALSE(is_valid_utf8("\xf0\x9f\x98 "));
  }
  SUBCASE("stray bytes") {
    CHECK_FALSE(is_valid_utf8("\x80"));
    CHECK_FALSE(is_valid_utf8("a\xbf"));
    CHECK_FALSE(is_valid_utf8("\xfe"));
    CHECK_FALSE(is_valid_utf8("\xff"));
    CHECK_FALSE(is_valid_utf8("\xc3\xa9\xa9"));
  }
}

TEST_CASE("utf8_sequence_length gives the length of the character at a place, 0 for none") {
  const std::string text = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80";  // a é € 😀
  CHECK(utf8_sequence_length(text, 0) == 1);
  CHECK(utf8_sequence_length(text, 1) == 2);
  CHECK(utf8_sequence_length(text, 3) == 3);
  CHECK(utf8_sequence_length(text, 6) == 4);
  CHECK(utf8_sequence_length(text, 2) == 0);                  // a continuation byte
  CHECK(utf8_sequence_length(text.substr(0, 9), 6) == 0);     // cut short by the end
  CHECK(utf8_sequence_length("\xed\xa0\x80", 0) == 0);        // a surrogate
  CHECK(utf8_sequence_length("\xc0\x80", 0) == 0);            // overlong
  CHECK(utf8_sequence_length("\xc3\t", 0) == 0);              // a tab is no continuation
}

}  // namespace microstep
