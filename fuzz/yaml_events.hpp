#pragma once
/// For the YAML fuzz targets: finds anchors and aliases by parsing (yaml-cpp's event
/// interface), independently of the text scan load_yaml_mapping uses to refuse them.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace microstep::fuzz {

class AnchorFinder : public YAML::EventHandler {
 public:
  std::optional<int> line;  ///< 1-based line of the first anchor or alias

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { note(mark, anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { note(mark, 1); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string&) override {
    note(mark, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    note(mark, anchor);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    note(mark, anchor);
  }
  void OnMapEnd() override {}

 private:
  void note(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor && !line) line = mark.line + 1;
  }
};

/// The line of the first anchor or alias in the first document (the one YAML::Load reads),
/// or nothing (also when the text does not parse).
inline std::optional<int> first_anchor_or_alias(std::string_view text) {
  std::istringstream in{std::string(text)};
  AnchorFinder finder;
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(finder);
  } catch (const YAML::Exception&) {
  }
  return finder.line;
}

}  // namespace microstep::fuzz
