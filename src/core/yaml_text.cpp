#include "core/yaml_text.hpp"

#include <cctype>

#include "core/error.hpp"
#include "core/escape.hpp"

namespace microstep {

namespace {

constexpr size_t kMaxDocument = 1 << 20;

/// The 1-based line of the first anchor (&name) or alias (*name) outside quotes and comments.
size_t find_anchor_or_alias(std::string_view text) {
  size_t line = 1;
  char quote = 0;
  bool comment = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      comment = false;
      if (quote == '\'') quote = 0;  // single-quoted scalars rarely span lines; be safe
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (c == '\\' && quote == '"') ++i;
      else if (c == quote) quote = 0;
      continue;
    }
    bool token_start = i == 0 || std::isspace(static_cast<unsigned char>(text[i - 1])) ||
                       text[i - 1] == '[' || text[i - 1] == '{' || text[i - 1] == ',' ||
                       text[i - 1] == ':' || text[i - 1] == '-';
    if (c == '#' && (i == 0 || std::isspace(static_cast<unsigned char>(text[i - 1])))) comment = true;
    else if ((c == '"' || c == '\'') && token_start) quote = c;
    else if ((c == '&' || c == '*') && token_start && i + 1 < text.size() &&
             !std::isspace(static_cast<unsigned char>(text[i + 1])))
      return line;
  }
  return 0;
}

}  // namespace

std::string yaml_where(const std::string& display_path, const YAML::Node& node) {
  return display_path + ":" + std::to_string(node.Mark().line + 1) + ": ";
}

YAML::Node load_yaml_mapping(std::string_view text, const std::string& display_path,
                             const std::string& expected) {
  if (text.size() > kMaxDocument) throw data_error(display_path + ":1: larger than 1 MiB");
  if (size_t line = find_anchor_or_alias(text))
    throw data_error(display_path + ":" + std::to_string(line) +
                     ": anchors and aliases (& and *) are not allowed here");
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw data_error(display_path + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  if (!root.IsMap())
    throw data_error(display_path + ":1: expected a mapping of " + expected);
  return root;
}

std::string yaml_scalar(std::string_view text) {
  auto needs_quotes = [&] {
    if (text.empty()) return true;
    if (std::isspace(static_cast<unsigned char>(text.front())) ||
        std::isspace(static_cast<unsigned char>(text.back())))
      return true;
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(text.front()) != std::string_view::npos)
      return true;
    if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos ||
        text.back() == ':')
      return true;
    for (unsigned char c : text)
      if (c < 0x20 || c == 0x7f) return true;
    // Words YAML would read as something other than a string.
    std::string lower;
    for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::string_view special : {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"})
      if (lower == special) return true;
    bool numeric = true;
    for (char c : text)
      if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E' && c != ':')
        numeric = false;
    return numeric;
  };
  if (!needs_quotes()) return std::string(text);
  // The log's escapes (\\ \t \n \r \xHH) are YAML double-quoted escapes too; add \".
  std::string out = "\"";
  for (char c : escape_field(text)) {
    if (c == '"') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace microstep
