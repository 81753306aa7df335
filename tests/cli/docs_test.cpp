// The documentation keeps up with the binary: every long option a command's --help lists is
// in microstep(1).
#include <doctest/doctest.h>

#include "cli/harness.hpp"

namespace microstep::test {

TEST_CASE("docs: every long option of every command's --help is in microstep(1)") {
  std::string man = read_file(std::string(MICROSTEP_SOURCE_DIR) + "/man/microstep.1");
  // Roff writes a hyphen as "\-".
  for (size_t at = man.find("\\-"); at != std::string::npos; at = man.find("\\-", at)) man.erase(at, 1);
  for (const auto& name : subcommands())
    for (const auto& option : long_options(name)) {
      CAPTURE(name);
      CAPTURE(option);
      CHECK(man.find(option) != std::string::npos);
    }
}

}  // namespace microstep::test
