/// Tests of core/cache/cache_file: bytes encoded and decoded, and small cache files written whole.
#include "core/cache/cache_file.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "unit/temp_dir.hpp"

namespace fs = std::filesystem;

namespace microstep {

using test::names_in;
using test::TempDir;

TEST_CASE("cache_file: what an Encoder writes a Decoder reads back - and nothing more") {
  Encoder out;
  out.put(std::uint64_t{42});
  out.put_text("floss");
  out.put(-1.5);
  out.put_text("");
  Decoder in{out.bytes};
  CHECK(in.get<std::uint64_t>() == 42);
  CHECK(in.get_text() == "floss");
  CHECK(in.get<double>() == -1.5);
  CHECK(in.get_text_view().empty());
  CHECK(in.ok);
  CHECK(in.bytes.empty());
  CHECK(in.get<std::uint8_t>() == 0);  // past the end
  CHECK_FALSE(in.ok);
}

TEST_CASE("cache_file: a text or a count longer than the bytes left fails the decoder for good") {
  Encoder out;
  out.put_text("a text");
  for (size_t cut = 0; cut < out.bytes.size(); ++cut) {
    CAPTURE(cut);
    Decoder in{std::string_view(out.bytes).substr(0, cut)};
    CHECK(in.get_text().empty());
    CHECK_FALSE(in.ok);
    CHECK(in.get<std::uint8_t>() == 0);
    CHECK_FALSE(in.ok);
  }
  Encoder count;
  count.put(std::uint64_t{3});  // three items of 8 bytes, with 16 bytes left
  count.put(std::uint64_t{1});
  count.put(std::uint64_t{2});
  Decoder in{count.bytes};
  CHECK(in.get_count(8) == 0);
  CHECK_FALSE(in.ok);
  Decoder fits{count.bytes};
  CHECK(fits.get_count(4) == 3);
  CHECK(fits.ok);
}

TEST_CASE("cache_file: a cache file is written whole - in a directory it creates - readable by its owner only") {
  TempDir dir;
  const fs::path file = dir.path / "cache/microstep/goals-1";
  REQUIRE(write_cache_file(file, "first"));
  CHECK(read_cache_file(file) == "first");
  REQUIRE(write_cache_file(file, std::string(100000, 'x')));
  CHECK(read_cache_file(file) == std::string(100000, 'x'));
  CHECK(names_in(file.parent_path()) == std::vector<std::string>{"goals-1"});  // no temporary file left
  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
}

TEST_CASE("cache_file: a missing file or a directory reads as nothing - a file that cannot be written is false") {
  TempDir dir;
  CHECK_FALSE(read_cache_file(dir.path / "missing"));
  fs::create_directories(dir.path / "a-directory/inside");
  CHECK_FALSE(read_cache_file(dir.path / "a-directory"));
  CHECK_FALSE(write_cache_file(dir.path / "a-directory", "bytes"));
  CHECK(names_in(dir.path / "a-directory") == std::vector<std::string>{"inside"});
  CHECK(names_in(dir.path) == std::vector<std::string>{"a-directory"});
  dir.write("a-file", "kept");
  CHECK_FALSE(write_cache_file(dir.path / "a-file/cache", "bytes"));
  CHECK(dir.read("a-file") == "kept");
}

TEST_CASE("cache_file: a ReplacementFile replaces the file only when committed") {
  TempDir dir;
  dir.write("cache", "old");
  const fs::path file = dir.path / "cache";
  {
    ReplacementFile replacement(file);
    REQUIRE(replacement.fd() >= 0);
    REQUIRE(::write(replacement.fd(), "new", 3) == 3);
    CHECK(dir.read("cache") == "old");  // the old file stands until the commit
    CHECK(names_in(dir.path).size() == 2);
    CHECK(replacement.commit());
    CHECK(replacement.fd() == -1);
    CHECK_FALSE(replacement.commit());  // once only
  }
  CHECK(dir.read("cache") == "new");
  CHECK(names_in(dir.path) == std::vector<std::string>{"cache"});
  {
    ReplacementFile abandoned(file);
    REQUIRE(abandoned.fd() >= 0);
    REQUIRE(::write(abandoned.fd(), "half", 4) == 4);
  }
  CHECK(dir.read("cache") == "new");
  CHECK(names_in(dir.path) == std::vector<std::string>{"cache"});  // its temporary file removed
}

TEST_CASE("cache_file: a ReplacementFile that cannot be made or renamed leaves nothing behind") {
  TempDir dir;
  dir.write("a-file", "kept");
  ReplacementFile under_a_file(dir.path / "a-file/cache");
  CHECK(under_a_file.fd() == -1);
  CHECK_FALSE(under_a_file.commit());
  fs::create_directories(dir.path / "a-directory/inside");
  {
    ReplacementFile over_a_directory(dir.path / "a-directory");
    REQUIRE(over_a_directory.fd() >= 0);
    CHECK_FALSE(over_a_directory.commit());  // rename(2) does not put a file over a directory
  }
  CHECK(names_in(dir.path) == std::vector<std::string>{"a-directory", "a-file"});
  CHECK(dir.read("a-file") == "kept");
}

}  // namespace microstep
