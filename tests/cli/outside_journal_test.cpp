// Nothing written or read outside the journal, and no file replaced that is not microstep's
// to replace: symbolic links that leave the journal (checkins.log, goals/, microstep.yaml),
// an editor that swaps its file for a link, a FIFO or a hard link, the permissions of what is
// kept and created, and output files that are FIFOs, devices or links.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli/harness.hpp"
#include "cli/write_journal.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

namespace {

const std::string kSecret = "root:$6$secret-hash:19000:0:99999:7:::\n";

/// The file type of `path` itself, not of what a link points to.
mode_t type_of(const std::string& path) {
  struct stat info {};
  REQUIRE(::lstat(path.c_str(), &info) == 0);
  return info.st_mode & S_IFMT;
}

mode_t mode_of(const std::string& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

/// Runs `edit write` with EDITOR set to `sh SCRIPT`, the script holding `body` ($1 is the file).
RunResult edit_with(const TempJournal& j, const std::string& body) {
  j.write("editor.sh", body);
  return j.run({"edit", "write"}, RunOptions{.env = {{"EDITOR", "sh " + j.file("editor.sh")}, {"VISUAL", kUnset}}});
}

}  // namespace

TEST_CASE("checkins.log as a symbolic link out of the journal: nothing appended there, nothing read from there") {
  TempJournal j, outside;
  seed_write_journal(j, kWriteLine);
  outside.write("passwd", kSecret);
  ::unlink(j.file("checkins.log").c_str());
  REQUIRE(::symlink(outside.file("passwd").c_str(), j.file("checkins.log").c_str()) == 0);
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"done", "write"}, {"skip", "write"}, {"pause", "write"}, {"stats"}, {"check"}}) {
    CAPTURE(args[0]);
    RunResult r = j.run(args, kPinned);
    CHECK(r.exit_code == 3);
    CHECK_MESSAGE(r.err.find("microstep: checkins.log:1: a symbolic link to a file outside the journal (" +
                             outside.file("passwd") + "); microstep reads and writes only the journal's own files") !=
                      std::string::npos,
                  r.err);
    CHECK(outside.read("passwd") == kSecret);
  }
}

TEST_CASE("goals/ as a symbolic link out of the journal: no goal file written there, none read from there") {
  TempJournal j, outside;
  seed_write_journal(j, kWriteLine);
  outside.write("elsewhere/write.yaml", kWriteGoal);
  std::filesystem::remove_all(j.file("goals"));
  REQUIRE(::symlink(outside.file("elsewhere").c_str(), j.file("goals").c_str()) == 0);
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"add", "read", "Read one page"}, {"set", "write", "--feeling", "calm"}, {"list"}, {"done", "write"}}) {
    CAPTURE(args[0]);
    RunResult r = j.run(args, kPinned);
    CHECK(r.exit_code == 3);
    CHECK_MESSAGE(r.err.find("microstep: goals/ is a symbolic link to a directory outside the journal (" +
                             outside.file("elsewhere") + "); microstep reads and writes only the journal's own files") !=
                      std::string::npos,
                  r.err);
    CHECK_FALSE(outside.exists("elsewhere/read.yaml"));
    CHECK(outside.read("elsewhere/write.yaml") == kWriteGoal);
  }
  CHECK(j.read("checkins.log") == kWriteLine);
}

TEST_CASE("microstep.yaml as a symbolic link out of the journal is refused too") {
  TempJournal j, outside;
  seed_write_journal(j, kWriteLine);
  outside.write("settings.yaml", "week_starts: monday\n");
  ::unlink(j.file("microstep.yaml").c_str());
  REQUIRE(::symlink(outside.file("settings.yaml").c_str(), j.file("microstep.yaml").c_str()) == 0);
  RunResult r = j.run({"done", "write"}, kPinned);
  CHECK(r.exit_code == 3);
  CHECK_MESSAGE(r.err.find("microstep: microstep.yaml:1: a symbolic link to a file outside the journal") !=
                    std::string::npos,
                r.err);
  CHECK(j.read("checkins.log") == kWriteLine);
}

TEST_CASE("symbolic links inside the journal are followed: the log, goals/ and the settings") {
  TempJournal j;
  j.write("data/settings.yaml", "week_starts: monday\n");
  j.write("data/goals/write.yaml", kWriteGoal);
  j.write("data/checkins.log", kWriteLine);
  REQUIRE(::symlink("data/settings.yaml", j.file("microstep.yaml").c_str()) == 0);
  REQUIRE(::symlink("data/goals", j.file("goals").c_str()) == 0);
  REQUIRE(::symlink(j.file("data/checkins.log").c_str(), j.file("checkins.log").c_str()) == 0);
  CHECK(j.run({"done", "write", "--note", "linked"}, kPinned).exit_code == 0);
  CHECK(j.run({"set", "write", "--feeling", "calm"}, kPinned).exit_code == 0);
  CHECK(j.read("data/checkins.log").find("\tlinked\n") != std::string::npos);
  CHECK(j.read("data/goals/write.yaml").find("feeling: calm\n") != std::string::npos);
  CHECK(type_of(j.file("checkins.log")) == S_IFLNK);
  CHECK(j.run({"check"}, kPinned).exit_code == 0);
}

TEST_CASE("edit: an editor that swaps its file for a symbolic link - nothing is read through it") {
  TempJournal j, outside;
  seed_write_journal(j, kWriteLine);
  outside.write("shadow", kSecret);
  ::chmod(outside.file("shadow").c_str(), 0600);
  RunResult r = edit_with(j, "rm -f \"$1\"; ln -s " + outside.file("shadow") + " \"$1\"\n");
  CHECK(r.exit_code == 3);
  CHECK_MESSAGE(r.err.find("the edited file is now a symbolic link; microstep does not follow it") != std::string::npos,
                r.err);
  CHECK_FALSE(j.exists("goals/write.yaml.rejected"));
  CHECK(j.read("goals/write.yaml") == kWriteGoal);
}

TEST_CASE("edit: an editor that swaps its file for a hard link to another file - or for a FIFO - is refused at once") {
  TempJournal j, outside;
  seed_write_journal(j, kWriteLine);
  outside.write("shadow", kSecret);
  RunResult hard = edit_with(j, "rm -f \"$1\"; ln " + outside.file("shadow") + " \"$1\"\n");
  CHECK(hard.exit_code == 3);
  CHECK_MESSAGE(hard.err.find("the edited file now has other names (hard links)") != std::string::npos, hard.err);
  CHECK_FALSE(j.exists("goals/write.yaml.rejected"));

  RunOptions options{.env = {{"EDITOR", "sh " + j.file("editor.sh")}, {"VISUAL", kUnset}}, .timeout_seconds = 10};
  j.write("editor.sh", "rm -f \"$1\"; mkfifo \"$1\"\n");
  RunResult fifo = j.run({"edit", "write"}, options);
  CHECK(fifo.exit_code == 3);
  CHECK_MESSAGE(fifo.err.find("the edited file is now a FIFO") != std::string::npos, fifo.err);
  CHECK(j.read("goals/write.yaml") == kWriteGoal);
}

TEST_CASE("edit: the rejected text is kept with the goal file's permissions - new files follow the umask") {
  TempJournal j;
  seed_write_journal(j, kWriteLine);
  ::chmod(j.file("goals/write.yaml").c_str(), 0600);
  RunResult r = edit_with(j, "printf 'id: write\\nstep: [unclosed\\n' > \"$1\"\n");
  CHECK(r.exit_code == 3);
  REQUIRE(j.exists("goals/write.yaml.rejected"));
  CHECK(mode_of(j.file("goals/write.yaml.rejected")) == 0600);

  RunResult add = j.run_program("sh", {"-c", "umask 077; exec \"$0\" add read 'Read one page'", MICROSTEP_BINARY}, kPinned);
  REQUIRE(add.exit_code == 0);
  CHECK(mode_of(j.file("goals/read.yaml")) == 0600);
}

TEST_CASE("export -o: a FIFO is written to once its reader comes - not replaced") {
  TempJournal j;
  seed_write_journal(j, kWriteLine);
  const std::string expected = j.run({"export"}, kPinned).out;
  REQUIRE(::mkfifo(j.file("out.fifo").c_str(), 0644) == 0);
  // The reader starts after microstep, as with `microstep export -o fifo & reader fifo`.
  RunResult r = j.run_program(
      "sh", {"-c", "\"$0\" export -o out.fifo & sleep 0.3; cat out.fifo > got.csv; wait $!", MICROSTEP_BINARY}, kPinned);
  CHECK(r.exit_code == 0);
  CHECK(type_of(j.file("out.fifo")) == S_IFIFO);
  CHECK(j.read("got.csv") == expected);
}

TEST_CASE("export -o: a symbolic link's target is written - the link stays") {
  TempJournal j;
  seed_write_journal(j, kWriteLine);
  j.write("backups/export.csv", "old\n");
  REQUIRE(::symlink("backups/export.csv", j.file("latest.csv").c_str()) == 0);
  RunResult r = j.run({"export", "-o", "latest.csv"}, kPinned);
  CHECK(r.exit_code == 0);
  CHECK(type_of(j.file("latest.csv")) == S_IFLNK);
  CHECK(j.read("backups/export.csv") == j.run({"export"}, kPinned).out);
}

TEST_CASE("export -o and chart --svg: a device is written to by opening it - a full one fails with exit 4") {
  TempJournal j;
  seed_write_journal(j, kWriteLine);
  std::string null_device = "/dev/null", full_device = "/dev/full";
  if (::geteuid() == 0) {  // root could replace /dev/null itself: use devices of our own
    null_device = j.file("null");
    full_device = j.file("full");
    REQUIRE(::mknod(null_device.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0);
    REQUIRE(::mknod(full_device.c_str(), S_IFCHR | 0666, makedev(1, 7)) == 0);
  }
  RunResult to_null = j.run({"export", "-o", null_device}, kPinned);
  CHECK(to_null.exit_code == 0);
  CHECK(type_of(null_device) == S_IFCHR);

  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"export", "-o", full_device}, {"chart", "--svg", full_device}}) {
    CAPTURE(args[0]);
    RunResult r = j.run(args, kPinned);
    CHECK(r.exit_code == 4);
    CHECK_MESSAGE(r.err == "microstep: cannot write " + full_device + ": No space left on device\n", r.err);
    CHECK(type_of(full_device) == S_IFCHR);
  }
}

TEST_CASE("export -o - writes to standard output") {
  TempJournal j;
  seed_write_journal(j, kWriteLine);
  RunResult r = j.run({"export", "-o", "-"}, kPinned);
  CHECK(r.exit_code == 0);
  CHECK(r.out == j.run({"export"}, kPinned).out);
  CHECK_FALSE(j.exists("-"));
  RunResult json = j.run({"--json", "export", "-o", "-"}, kPinned);
  CHECK(json.exit_code == 2);
  CHECK(json.err == "microstep: --json and -o - both write to standard output; give -o a file\n");
}

}  // namespace microstep::test
