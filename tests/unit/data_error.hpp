#pragma once
/// The message of the data Failure some reading throws: what the tests of readers assert,
/// word for word.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "core/base/error.hpp"

namespace microstep::test {

/// The message of the Failure `read` throws, checked to be a data error (exit 3); "no failure"
/// when it throws none.
inline std::string data_error_of(const std::function<void()>& read) {
  try {
    read();
  } catch (const Failure& e) {
    CHECK(e.code() == ExitCode::data);
    return e.what();
  }
  return "no failure";
}

}  // namespace microstep::test
