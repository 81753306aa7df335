/// Tests of core/journal/atomic_file: a whole file replaced at once, or not at all.
#include "core/journal/atomic_file.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "core/base/error.hpp"
#include "core/base/text_file.hpp"
#include "unit/temp_dir.hpp"

namespace fs = std::filesystem;

namespace microstep {

using test::TempDir;

namespace {

size_t entries(const TempDir& dir) {
  return static_cast<size_t>(std::distance(fs::directory_iterator(dir.path), {}));
}

}  // namespace

TEST_CASE("write_file_atomically creates and replaces a file and leaves no temporary file") {
  TempDir dir;
  const fs::path file = dir.path / "goal.yaml";
  write_file_atomically(file, "id: a\n");
  CHECK(read_text_file(file) == "id: a\n");
  write_file_atomically(file, std::string("id: b\n\0x", 8));
  CHECK(read_text_file(file) == std::string("id: b\n\0x", 8));
  write_file_atomically(file, "");
  CHECK(read_text_file(file).empty());
  CHECK(entries(dir) == 1);
}

TEST_CASE("write_file_atomically keeps the permissions of the file it replaces") {
  TempDir dir;
  const fs::path file = dir.path / "goal.yaml";
  write_file_atomically(file, "one\n");
  ::chmod(file.c_str(), 0600);
  write_file_atomically(file, "two\n");
  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0600);
}

TEST_CASE("write_file_atomically: a directory it cannot write to is an io failure and nothing changes") {
  TempDir dir;
  const fs::path file = dir.path / "goal.yaml";
  write_file_atomically(file, "old\n");
  SUBCASE("a missing directory") {
    CHECK_THROWS_AS(write_file_atomically(dir.path / "missing" / "goal.yaml", "new\n"), Failure);
  }
  SUBCASE("a read-only directory") {
    if (::geteuid() == 0) return;  // root writes anyway; the end-to-end suite covers it as nobody
    ::chmod(dir.path.c_str(), 0500);
    try {
      write_file_atomically(file, "new\n");
      FAIL("no failure");
    } catch (const Failure& failure) {
      CHECK(failure.code() == ExitCode::io);
      CHECK(std::string(failure.what()).find(file.string()) != std::string::npos);
    }
  }
  CHECK(read_text_file(file) == "old\n");
  CHECK(entries(dir) == 1);
}

TEST_CASE("is_atomic_write_temp: the temporary names write_file_atomically gives - of one file or of any") {
  CHECK(is_atomic_write_temp(".run.yaml.tmp-AbC123", "run.yaml"));
  CHECK(is_atomic_write_temp(".run.yaml.tmp-AbC123"));
  CHECK_FALSE(is_atomic_write_temp(".run.yaml.tmp-AbC123", "walk.yaml"));
  CHECK_FALSE(is_atomic_write_temp(".run.yaml.tmp-AbC12"));     // five random characters
  CHECK_FALSE(is_atomic_write_temp("run.yaml.tmp-AbC123"));     // not hidden
  CHECK_FALSE(is_atomic_write_temp("..tmp-AbC123"));            // of no file
  CHECK_FALSE(is_atomic_write_temp(".run.edit-AbC123.yaml"));   // an edit copy
  CHECK_FALSE(is_atomic_write_temp("run.yaml"));
}

TEST_CASE("remove_interrupted_writes removes the leftovers of that file only") {
  TempDir dir;
  dir.write("run.yaml", "id: run\n");
  dir.write(".run.yaml.tmp-AbC123", "id: ru");
  dir.write(".run.yaml.tmp-XyZ789", "");
  dir.write(".walk.yaml.tmp-AbC123", "");
  dir.write(".run.edit-AbC123.yaml", "");
  remove_interrupted_writes(dir.path / "run.yaml");
  CHECK(test::names_in(dir.path) == std::vector<std::string>{".run.edit-AbC123.yaml", ".walk.yaml.tmp-AbC123", "run.yaml"});
}

}  // namespace microstep
