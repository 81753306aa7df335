/// Tests of core/model/event: event kinds and the text of amounts.
#include "core/model/event.hpp"

#include <doctest/doctest.h>

#include <string>

#include "core/base/amount.hpp"

namespace microstep {

TEST_CASE("event kinds have names that read back") {
  for (EventKind k : {EventKind::done, EventKind::skip, EventKind::undo, EventKind::pause,
                      EventKind::resume}) {
    CAPTURE(to_string(k));
    CHECK(parse_event_kind(to_string(k)) == k);
  }
  CHECK(to_string(EventKind::done) == "done");
  CHECK(to_string(EventKind::resume) == "resume");
}

TEST_CASE("parse_event_kind refuses other words") {
  CHECK_FALSE(parse_event_kind(""));
  CHECK_FALSE(parse_event_kind("Done"));
  CHECK_FALSE(parse_event_kind("DONE"));
  CHECK_FALSE(parse_event_kind("dones"));
  CHECK_FALSE(parse_event_kind("don"));
  CHECK_FALSE(parse_event_kind("undo "));
  CHECK_FALSE(parse_event_kind("rest"));
}

TEST_CASE("format_amount writes the shortest plain decimal") {
  SUBCASE("simple values") {
    CHECK(format_amount(3) == "3");
    CHECK(format_amount(0) == "0");
    CHECK(format_amount(2.5) == "2.5");
    CHECK(format_amount(0.1) == "0.1");
    CHECK(format_amount(1000) == "1000");
  }
  SUBCASE("no exponent for large or small values") {
    CHECK(format_amount(100000) == "100000");
    CHECK(format_amount(1e9) == "1000000000");
    CHECK(format_amount(0.0001) == "0.0001");
    CHECK(format_amount(123456789.125) == "123456789.125");
  }
  SUBCASE("what parse_amount accepts reads back as the same number") {
    for (std::string text : {"3", "2.5", "0.001", "0.0001", "100000", "1000000", "20000000",
                             "1000000000", "999999999.999", "0.000000000000000000000000000001",
                             "12345.6789"}) {
      CAPTURE(text);
      auto value = parse_amount(text);
      REQUIRE(value);
      auto again = parse_amount(format_amount(*value));
      REQUIRE(again);
      CHECK(*again == *value);
    }
  }
}

TEST_CASE("events compare by every field") {
  Event a;
  a.day = date::sys_days{date::year{2026} / 11 / 22};
  a.goal = "read";
  Event b = a;
  CHECK(a == b);
  b.note = "a note";
  CHECK_FALSE(a == b);
  b = a;
  b.amount = 3;
  CHECK_FALSE(a == b);
  b = a;
  b.kind = EventKind::skip;
  CHECK_FALSE(a == b);
}

}  // namespace microstep
