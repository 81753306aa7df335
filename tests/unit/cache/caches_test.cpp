/// Tests of core/cache/caches: where the caches live, and a journal read through them.
#include "core/cache/caches.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "core/journal/journal.hpp"
#include "unit/temp_dir.hpp"

namespace fs = std::filesystem;

namespace microstep {

TEST_CASE("caches: in $XDG_CACHE_HOME, else $HOME/.cache - each only as an absolute path") {
  CHECK(cache_home("/x/cache", "/home/a") == fs::path("/x/cache"));
  CHECK(cache_home(nullptr, "/home/a") == fs::path("/home/a/.cache"));
  CHECK(cache_home("", "/home/a") == fs::path("/home/a/.cache"));
  CHECK(cache_home("relative/cache", "/home/a") == fs::path("/home/a/.cache"));
  CHECK(cache_home("relative/cache", "home") == std::nullopt);
  CHECK(cache_home(nullptr, nullptr) == std::nullopt);
}

TEST_CASE("caches: a journal read through them gives what it gives without - and leaves both cache files") {
  test::TempDir dir;
  dir.write("j/microstep.yaml", "");
  dir.write("j/goals/floss.yaml", "id: floss\nstep: Floss one tooth\nstarted: 2026-11-01\n");
  std::string log;
  // Larger than the smallest log the log cache is written for; written a second apart (exact
  // duplicates count once).
  char written[32];
  for (int i = 0; i < 600; ++i) {
    std::snprintf(written, sizeof written, "2026-11-02T08:%02d:%02dZ", i / 60, i % 60);
    log += "2026-11-02\t" + std::string(written) + "\tdone\tfloss\t\t" + std::string(20, 'x') + "\n";
  }
  dir.write("j/checkins.log", log);
  const Journal plain = Journal::open(dir.path / "j");
  Journal cached = Journal::open(dir.path / "j");
  use_caches(cached, dir.path / "cache");
  LogDiagnostics d1, d2;
  const auto goals = plain.load_goals();
  CHECK(cached.load_goals() == goals);
  const auto with = cached.read_marks(goals, d1);
  const auto without = plain.read_marks(goals, d2);
  CHECK(with.at("floss").amount(date::year{2026} / 11 / 2) == without.at("floss").amount(date::year{2026} / 11 / 2));
  CHECK(with.at("floss").amount(date::year{2026} / 11 / 2) == 600);
  CHECK(fs::exists(Journal::outside_file(dir.path / "j", dir.path / "cache", "log")));
  CHECK(fs::exists(Journal::outside_file(dir.path / "j", dir.path / "cache", "goals")));
}

}  // namespace microstep
