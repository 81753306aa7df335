// Which coaching rules a journal is coached with: the installed rules file when there is
// one, else the rules built into the binary; then the journal's own rules.yaml.
#include <system_error>

#include "core/judge/coach_rules.hpp"
#include "core/base/text_file.hpp"

namespace fs = std::filesystem;

namespace microstep {

CoachRules load_rules(const fs::path& journal_root, const std::optional<fs::path>& installed) {
  CoachRules rules;
  if (!installed) {
    rules = default_rules();
  } else {
    // The file make install puts there is the one built in: its text says so, and it need
    // not be parsed again (4.6 million instructions, more than a whole process start).
    std::string text = read_text_file(*installed);
    rules = text == default_rules_text() ? default_rules() : parse_rules_text(text, installed->string());
  }
  std::error_code ec;
  fs::path own = journal_root / "rules.yaml";
  if (fs::exists(own, ec)) rules = parse_rules_text(read_text_file(own), "rules.yaml", rules);
  return rules;
}

CoachRules load_rules(const fs::path& journal_root) {
  // Installed: PREFIX/bin/microstep beside PREFIX/share/microstep/rules.yaml.
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  fs::path installed = exe.parent_path().parent_path() / "share/microstep/rules.yaml";
  bool found = !ec && fs::exists(installed, ec);
  return load_rules(journal_root, found ? std::optional<fs::path>(installed) : std::nullopt);
}

}  // namespace microstep
