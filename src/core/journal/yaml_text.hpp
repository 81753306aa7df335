#pragma once
/// YAML as microstep reads and writes it: safe loading with file:line errors, and scalars.
#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

namespace microstep {

/// Parses a document that must be a mapping. Refuses text that is not UTF-8, anchors and
/// aliases (no "billion laughs"), documents over 1 MiB, syntax errors and anything but a
/// mapping, each as a data Failure "DISPLAY_PATH:LINE: ..."; `expected` says what the mapping
/// holds, for the message.
YAML::Node load_yaml_mapping(std::string_view text, const std::string& display_path,
                             const std::string& expected);

/// "display_path:LINE: " for a node, with 1-based lines.
std::string yaml_where(const std::string& display_path, const YAML::Node& node);

/// A scalar as it should be written: plain when that reads back as the same string,
/// double-quoted with escapes otherwise.
std::string yaml_scalar(std::string_view text);

}  // namespace microstep
