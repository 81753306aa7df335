/// Tests of core/base/wrap: text fitted to a terminal's width, broken at spaces only.
#include "core/base/wrap.hpp"

#include <doctest/doctest.h>

#include <string>

namespace microstep {

TEST_CASE("display_width counts characters, not bytes, and no color codes") {
  CHECK(display_width("") == 0);
  CHECK(display_width("done") == 4);
  CHECK(display_width("caf\xc3\xa9") == 4);         // é is two bytes
  CHECK(display_width("\xe2\x96\xa0 done") == 6);   // ■ is three bytes
  CHECK(display_width("\033[32m[x]\033[0m") == 3);  // green [x]
  CHECK(display_width("\033[1;31mred\033[0m and plain") == 13);
}

TEST_CASE("wrap_text") {
  SUBCASE("lines that fit are kept byte for byte, spaces and all") {
    CHECK(wrap_text("", 10) == "");
    CHECK(wrap_text("short\n", 10) == "short\n");
    CHECK(wrap_text("exactly 10", 10) == "exactly 10");
    CHECK(wrap_text("  rate       7d 100%  \n", 30) == "  rate       7d 100%  \n");
  }
  SUBCASE("a long line breaks at the last space that fits; the hang indents what follows") {
    CHECK(wrap_text("Make it smaller: Read for 2 minutes", 20) ==
          "Make it smaller:\n"
          "  Read for 2 minutes");
    CHECK(wrap_text("  Make it smaller: \"Read for 2 minutes before bed\" (missed in a row)", 30) ==
          "  Make it smaller: \"Read for 2\n"
          "    minutes before bed\"\n"
          "    (missed in a row)");
    CHECK(wrap_text("  [ ] After I brush my teeth, I will floss one tooth.", 30, 4) ==
          "  [ ] After I brush my teeth,\n"
          "      I will floss one tooth.");
    CHECK(wrap_text("one two three", 7, 0) == "one two\nthree");
  }
  SUBCASE("each line on its own; the final newline stays") {
    CHECK(wrap_text("aaa bbb ccc\nshort\naaa bbb ccc\n", 8) ==
          "aaa bbb\n  ccc\nshort\naaa bbb\n  ccc\n");
  }
  SUBCASE("never inside a word: a word wider than the room gets a line of its own") {
    CHECK(wrap_text("see https://example.org/a/very/long/address here", 12) ==
          "see\n"
          "  https://example.org/a/very/long/address\n"
          "  here");
    CHECK(wrap_text("supercalifragilistic", 5) == "supercalifragilistic");
    CHECK(wrap_text("    deeply indented words", 4, 2) ==
          "    deeply\n      indented\n      words");
  }
  SUBCASE("the spaces at a break are dropped, other runs of spaces kept") {
    CHECK(wrap_text("a  b    c", 5, 0) == "a  b\nc");
    CHECK(wrap_text("word   ", 3) == "word");
  }
  SUBCASE("width counts characters and ignores colors") {
    const std::string marks = "\xe2\x96\xa0 done  \xe2\x96\xaa extra";  // 15 characters, 19 bytes
    CHECK(wrap_text(marks, 15) == marks);
    CHECK(wrap_text(marks, 14) == "\xe2\x96\xa0 done  \xe2\x96\xaa\n  extra");
    CHECK(wrap_text("\033[32m[x]\033[0m After coffee, write", 18, 4) ==
          "\033[32m[x]\033[0m After coffee,\n    write");
  }
}

}  // namespace microstep
