// The README's quick start is the contract with a new user, and CI runs its second command:
// the two must never drift apart.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The bodies of the ```sh blocks of the README's "Quick start" section.
std::vector<std::string> quick_start_commands(const std::string& readme) {
  auto start = readme.find("## Quick start");
  auto end = readme.find("\n## ", start + 1);
  std::string section = readme.substr(start, end - start);
  std::vector<std::string> commands;
  const std::string open = "```sh\n", close = "\n```";
  for (size_t at = section.find(open); at != std::string::npos; at = section.find(open, at)) {
    auto body = at + open.size();
    auto stop = section.find(close, body);
    commands.push_back(section.substr(body, stop - body));
    at = stop;
  }
  return commands;
}

}  // namespace

TEST_CASE("the README quick start has two commands and CI runs the second verbatim") {
  const std::string source = MICROSTEP_SOURCE_DIR;
  auto commands = quick_start_commands(read_file(source + "/README.md"));
  REQUIRE(commands.size() == 2);
  for (const auto& command : commands) CHECK(command.find('\n') == std::string::npos);
  CHECK(commands[0].find("apt-get install") != std::string::npos);
  CHECK(commands[0].find("examples/journal") != std::string::npos);
  CHECK(commands[1].find("tests/run-all") != std::string::npos);

  std::string ci = read_file(source + "/.ci/run");
  CHECK_MESSAGE(ci.find("\n" + commands[1] + "\n") != std::string::npos,
                ".ci/run must run the README's second command verbatim");
  // The same packages in both commands: set-up is the same, only the job differs.
  auto packages = [](const std::string& command) {
    auto from = command.find("install -y");
    return command.substr(from, command.find("&&", from) - from);
  };
  CHECK(packages(commands[0]) == packages(commands[1]));
}
