/// Tests of core/base/id_table: the goal id -> number table every log line is looked up in.
/// Its keys hold only some bytes of a long id, so the cases below are ids that differ in
/// exactly one byte, at every place and for every length a goal id can have.
#include "core/base/id_table.hpp"

#include <doctest/doctest.h>

#include <deque>
#include <string>

namespace microstep {

TEST_CASE("IdTable: an empty table finds nothing") {
  IdTable table;
  CHECK(table.find("read") == IdTable::kAbsent);
  CHECK(table.find("") == IdTable::kAbsent);
}

TEST_CASE("IdTable: finds what was added, and nothing else") {
  IdTable table;
  table.add("read", 0);
  table.add("walk", 1);
  table.add("walk-10", -1);  // negative values other than kAbsent are values like any
  CHECK(table.find("read") == 0);
  CHECK(table.find("walk") == 1);
  CHECK(table.find("walk-10") == -1);
  CHECK(table.find("walk-11") == IdTable::kAbsent);
  CHECK(table.find("rea") == IdTable::kAbsent);
  CHECK(table.find("reads") == IdTable::kAbsent);
  CHECK(table.find("") == IdTable::kAbsent);
}

TEST_CASE("IdTable: adding an id again replaces its value") {
  IdTable table;
  table.add("floss", 3);
  table.add("floss", 7);
  CHECK(table.find("floss") == 7);
}

TEST_CASE("IdTable: ids one byte apart are told apart, at every length and place") {
  // Lengths 1 to 64 (every goal id's), each id against its copies with one byte changed:
  // below 8 bytes the key is built from overlapping words, up to 16 from the first and last
  // 8 bytes, and beyond that the middle bytes are compared in full.
  for (size_t length = 1; length <= 64; ++length) {
    CAPTURE(length);
    std::string id;
    for (size_t i = 0; i < length; ++i) id += static_cast<char>('a' + i % 26);
    std::deque<std::string> ids{id};  // the table keeps views: the ids must not move
    IdTable table;
    table.add(ids.back(), 0);
    for (size_t at = 0; at < length; ++at) {
      CAPTURE(at);
      std::string other = id;
      other[at] = '9';
      CHECK(table.find(other) == IdTable::kAbsent);
      ids.push_back(other);
      table.add(ids.back(), static_cast<long>(at + 1));
    }
    CHECK(table.find(id) == 0);
    for (size_t at = 0; at < length; ++at) CHECK(table.find(ids[at + 1]) == static_cast<long>(at + 1));
  }
}

TEST_CASE("IdTable: keeps every id as it grows") {
  std::deque<std::string> ids;
  IdTable table;
  for (long i = 0; i < 5000; ++i) {
    ids.push_back("goal-" + std::to_string(i));
    table.add(ids.back(), i);
  }
  for (long i = 0; i < 5000; ++i) CHECK(table.find(ids[static_cast<size_t>(i)]) == i);
  CHECK(table.find("goal-5000") == IdTable::kAbsent);
}

}  // namespace microstep
