// The Debian package as a user gets it: built by CPack (the "package: build" fixture), then read
// with Debian's own tools. Without dpkg-deb (or lintian, for its check) a test prints why and
// ctest reports it as skipped, never as passed.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <regex>
#include <sstream>

#include "cli/harness.hpp"

namespace microstep::test {

namespace {

namespace fs = std::filesystem;

/// Is `tool` an executable on PATH?
bool on_path(const std::string& tool) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');)
    if (::access((dir + "/" + tool).c_str(), X_OK) == 0) return true;
  return false;
}

/// Says why a check does not run, in the words ctest's SKIP_REGULAR_EXPRESSION looks for.
bool skipped_without(const std::string& tool) {
  if (on_path(tool)) return false;
  std::cout << "SKIPPED: " << tool << " is not installed, so the Debian package is not checked\n";
  return true;
}

/// The one .deb the fixture built.
std::string the_package() {
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(MICROSTEP_PACKAGE_DIR))
    if (entry.path().extension() == ".deb") found.push_back(entry.path().string());
  REQUIRE_MESSAGE(found.size() == 1, "expected one .deb in " MICROSTEP_PACKAGE_DIR);
  return found.front();
}

RunResult ran_ok(const std::string& program, const std::vector<std::string>& args,
                 const RunOptions& options = {}) {
  RunResult r = run_program(program, args, options);
  INFO(program << " failed: " << r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

std::string architecture() {
  std::string arch = ran_ok("dpkg", {"--print-architecture"}).out;
  return arch.substr(0, arch.find('\n'));
}

const std::string kVersion = std::string(MICROSTEP_VERSION) + "-1";

}  // namespace

TEST_CASE("the package is named for its version and architecture") {
  if (skipped_without("dpkg-deb")) return;
  CHECK(fs::path(the_package()).filename().string() ==
        "microstep_" + kVersion + "_" + architecture() + ".deb");
}

TEST_CASE("the package holds the binary, the man pages, the completions, the rules and the docs") {
  if (skipped_without("dpkg-deb")) return;
  // Modes, owners and paths; sizes and times vary from build to build.
  std::string listing;
  for (const auto& line : lines_of(ran_ok("dpkg-deb", {"--contents", the_package()}).out)) {
    std::istringstream fields(line);
    std::string mode, owner, size, day, time, path;
    fields >> mode >> owner >> size >> day >> time >> path;
    listing += mode + " " + owner + " " + path + "\n";
  }
  CHECK(listing ==
        "drwxr-xr-x root/root ./usr/\n"
        "drwxr-xr-x root/root ./usr/bin/\n"
        "-rwxr-xr-x root/root ./usr/bin/microstep\n"
        "drwxr-xr-x root/root ./usr/share/\n"
        "drwxr-xr-x root/root ./usr/share/bash-completion/\n"
        "drwxr-xr-x root/root ./usr/share/bash-completion/completions/\n"
        "-rw-r--r-- root/root ./usr/share/bash-completion/completions/microstep\n"
        "drwxr-xr-x root/root ./usr/share/doc/\n"
        "drwxr-xr-x root/root ./usr/share/doc/microstep/\n"
        "-rw-r--r-- root/root ./usr/share/doc/microstep/changelog.Debian.gz\n"
        "-rw-r--r-- root/root ./usr/share/doc/microstep/changelog.gz\n"
        "-rw-r--r-- root/root ./usr/share/doc/microstep/copyright\n"
        "drwxr-xr-x root/root ./usr/share/fish/\n"
        "drwxr-xr-x root/root ./usr/share/fish/vendor_completions.d/\n"
        "-rw-r--r-- root/root ./usr/share/fish/vendor_completions.d/microstep.fish\n"
        "drwxr-xr-x root/root ./usr/share/lintian/\n"
        "drwxr-xr-x root/root ./usr/share/lintian/overrides/\n"
        "-rw-r--r-- root/root ./usr/share/lintian/overrides/microstep\n"
        "drwxr-xr-x root/root ./usr/share/man/\n"
        "drwxr-xr-x root/root ./usr/share/man/man1/\n"
        "-rw-r--r-- root/root ./usr/share/man/man1/microstep.1.gz\n"
        "drwxr-xr-x root/root ./usr/share/man/man5/\n"
        "-rw-r--r-- root/root ./usr/share/man/man5/microstep.5.gz\n"
        "drwxr-xr-x root/root ./usr/share/man/man7/\n"
        "-rw-r--r-- root/root ./usr/share/man/man7/microstep-stats.7.gz\n"
        "drwxr-xr-x root/root ./usr/share/microstep/\n"
        "-rw-r--r-- root/root ./usr/share/microstep/rules.yaml\n"
        "drwxr-xr-x root/root ./usr/share/zsh/\n"
        "drwxr-xr-x root/root ./usr/share/zsh/vendor-completions/\n"
        "-rw-r--r-- root/root ./usr/share/zsh/vendor-completions/_microstep\n");
}

TEST_CASE("the package's control fields: name, version, section, and the libraries it needs") {
  if (skipped_without("dpkg-deb")) return;
  std::string deb = the_package();
  auto field = [&](const std::string& name) {
    std::string value = ran_ok("dpkg-deb", {"--field", deb, name}).out;
    return value.substr(0, value.size() - (value.ends_with('\n') ? 1 : 0));
  };
  CHECK(field("Package") == "microstep");
  CHECK(field("Version") == kVersion);
  CHECK(field("Architecture") == architecture());
  CHECK(field("Section") == "utils");
  CHECK(field("Priority") == "optional");
  CHECK(field("Maintainer") == "The microstep authors <microstep@example.org>");
  CHECK(field("Description") ==
        "habit tracker: one ridiculously small step at a time\n"
        " microstep keeps goals in YAML files and check-ins in an append-only,\n"
        " plain-text log made to live in git, and gives honest feedback: streaks,\n"
        " completion rates over 7, 30 and 90 days, habit strength, and coaching that\n"
        " suggests a smaller step when one is missed too often, or a slightly bigger\n"
        " one after 30 days kept.");
  // dpkg-shlibdeps names the packages of the shared libraries the binary links, each with a
  // minimum version; their names carry the library's ABI version, which depends on the release.
  // The static PIE (MICROSTEP_STATIC, the default where the static libraries are) loads none,
  // and so depends on no package.
  std::string depends = field("Depends");
  INFO("Depends: " << depends);
  TempJournal root;
  ran_ok("dpkg-deb", {"-x", deb, root.path()});
  if (skipped_without("file")) return;
  const std::string kind = ran_ok("file", {"-b", root.file("usr/bin/microstep")}).out;
  INFO("file: " << kind);
  if (kind.find("static-pie linked") != std::string::npos || kind.find("statically linked") != std::string::npos) {
    CHECK(depends == "");
  } else {
    CHECK(kind.find("dynamically linked") != std::string::npos);
    CHECK(std::regex_match(depends,
                           std::regex("libc6 \\(>= [^)]+\\), libgcc-s1 \\(>= [^)]+\\), libstdc\\+\\+6 \\(>= [^)]+\\), "
                                      "libxxhash0 \\(>= [^)]+\\), libyaml-cpp[0-9.]+ \\(>= [^)]+\\)")));
  }
}

TEST_CASE("the binary unpacked from the package runs today on the example journal") {
  if (skipped_without("dpkg-deb")) return;
  TempJournal root;  // a throw-away folder to unpack into
  ran_ok("dpkg-deb", {"-x", the_package(), root.path()});
  std::string binary = root.file("usr/bin/microstep");
  std::string journal = std::string(MICROSTEP_SOURCE_DIR) + "/examples/journal";
  RunResult today = run_program(binary, {"--dir", journal, "--today", "2026-11-22", "today"});
  CHECK(today.err == "");
  CHECK(today.exit_code == 0);
  CHECK(today.out ==
        "Sunday 22 November 2026\n"
        "  [ ] After I brush my teeth at night, I will floss one tooth.\n"
        "      floss: 10-day streak, open today\n"
        "  [ ] After I pour my morning coffee, I will write one sentence.\n"
        "      write-novel: 15-day streak, open today\n");
  CHECK(run_program(binary, {"--version"}).out == "microstep " MICROSTEP_VERSION "\n");
}

TEST_CASE("the package's man pages carry the version, its copyright file the whole license") {
  if (skipped_without("dpkg-deb")) return;
  TempJournal root;
  ran_ok("dpkg-deb", {"-x", the_package(), root.path()});
  const std::string source = MICROSTEP_SOURCE_DIR;
  for (const char* page : {"man1/microstep.1", "man5/microstep.5", "man7/microstep-stats.7"}) {
    std::string installed = ran_ok("gzip", {"-dc", root.file("usr/share/man/") + page + ".gz"}).out;
    std::string original = read_file(source + "/man/" + fs::path(page).filename().string());
    auto with_version = original;
    with_version.replace(original.find(" \"microstep\" "), 13,
                         " \"microstep " MICROSTEP_VERSION "\" ");
    CHECK_MESSAGE(installed == with_version, page);
  }
  std::string copyright = root.read("usr/share/doc/microstep/copyright");
  auto license = lines_of(read_file(source + "/LICENSE"));
  REQUIRE(license.size() > 4);
  std::string expected =
      "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
      "Upstream-Name: microstep\n\nFiles: *\nCopyright: " +
      license[2].substr(14) + "\nLicense: Expat\n";
  for (size_t i = 4; i < license.size(); ++i)
    expected += license[i].empty() ? " .\n" : " " + license[i] + "\n";
  CHECK(copyright == expected);
  CHECK(ran_ok("gzip", {"-dc", root.file("usr/share/doc/microstep/changelog.gz")}).out ==
        read_file(source + "/CHANGELOG.md"));
  CHECK(lines_of(ran_ok("gzip", {"-dc", root.file("usr/share/doc/microstep/changelog.Debian.gz")})
                     .out)[0] == "microstep (" + kVersion + ") unstable; urgency=medium");
}

TEST_CASE("lintian finds no error and no warning in the package") {
  if (skipped_without("dpkg-deb") || skipped_without("lintian")) return;
  RunResult r = run_program("lintian", {"--fail-on", "error,warning", the_package()},
                            {.timeout_seconds = 120});
  CHECK(r.out == "");
  CHECK(r.exit_code == 0);
}

}  // namespace microstep::test
