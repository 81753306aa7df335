#include "core/base/text_file.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/base/error.hpp"
#include "unit/temp_dir.hpp"

namespace fs = std::filesystem;
using namespace microstep;
using microstep::test::TempDir;

namespace {

ExitCode code_of_reading(const fs::path& path) {
  try {
    read_text_file(path);
  } catch (const Failure& failure) {
    return failure.code();
  }
  return ExitCode::ok;
}

}  // namespace

TEST_CASE("read_text_file gives the bytes unchanged: CRLF, NUL, no final newline and non-ASCII") {
  TempDir dir;
  const std::string bytes = std::string("id: a\r\nnote: caf\xC3\xA9\n", 20) + std::string(1, '\0') + "end";
  dir.write("f.yaml", bytes);
  CHECK(read_text_file(dir.path / "f.yaml") == bytes);
}

TEST_CASE("read_text_file reads an empty file as empty text") {
  TempDir dir;
  dir.write("empty.yaml", "");
  CHECK(read_text_file(dir.path / "empty.yaml").empty());
}

TEST_CASE("read_text_file: a missing file is an io failure naming the path - a directory or a FIFO is bad data") {
  TempDir dir;
  CHECK(code_of_reading(dir.path / "missing.yaml") == ExitCode::io);
  CHECK(code_of_reading(dir.path) == ExitCode::data);
  REQUIRE(::mkfifo((dir.path / "fifo.yaml").c_str(), 0644) == 0);
  CHECK_THROWS_WITH_AS(read_text_file(dir.path / "fifo.yaml", "goals/fifo.yaml"),
                       "goals/fifo.yaml:1: not a regular file but a FIFO; microstep reads and writes only regular "
                       "files here",
                       Failure);  // at once: never waits for a writer
  try {
    read_text_file(dir.path / "missing.yaml");
  } catch (const Failure& failure) {
    CHECK(std::string(failure.what()) == "cannot read " + (dir.path / "missing.yaml").string());
  }
}

TEST_CASE("read_text_file reads past what the file system said the size was") {
  TempDir dir;
  std::string big(100000, 'x');
  for (size_t i = 0; i < big.size(); i += 7) big[i] = static_cast<char>('a' + i % 26);
  dir.write("big.yaml", big);
  CHECK(read_text_file(dir.path / "big.yaml") == big);
  // /proc's files say they are empty, and are not.
  const std::string status = read_text_file("/proc/self/status");
  CHECK(status.starts_with("Name:"));
  CHECK(status.find("\nPid:") != std::string::npos);
}
