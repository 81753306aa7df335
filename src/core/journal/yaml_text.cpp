#include "core/journal/yaml_text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <sstream>

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/eventhandler.h>

#include "core/base/error.hpp"
#include "core/base/escape.hpp"

namespace microstep {

namespace {

constexpr size_t kMaxDocument = 1 << 20;

/// Notes the first anchor (&name) or alias (*name) of a document. Events carry no expanded
/// aliases, so this costs one linear pass whatever the document holds.
class AnchorFinder : public YAML::EventHandler {
 public:
  size_t line = 0;  ///< 1-based; 0 when there is none

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
    if (anchor != YAML::NullAnchor && line == 0) line = static_cast<size_t>(std::max(mark.line, 0)) + 1;
  }
};

/// The 1-based line of the first anchor or alias in the document YAML::Load reads (the first),
/// found by the parser itself: a scan of the text missed some ("\xEF\xBB\xBF&a", a quote left
/// open in a plain scalar) and refused texts that hold none ("Tom &Jerry"). 0 when there is
/// none, or when the text does not parse (YAML::Load then says why).
size_t find_anchor_or_alias(std::string_view text) {
  // An anchor needs a '&' and an alias a '*': without either, the second parse (half the
  // time of reading a goal file) is not needed.
  if (text.find_first_of("&*") == std::string_view::npos) return 0;
  std::istringstream in{std::string(text)};
  AnchorFinder finder;
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(finder);
  } catch (const YAML::Exception&) {
  }
  return finder.line;
}

/// The first scalar under `node` (keys too) that is not UTF-8 once yaml-cpp has read its
/// escapes: it reads "\N" and "\_" as the single bytes 0x85 and 0xA0, which no JSON can hold
/// and which microstep could not write back.
std::optional<YAML::Node> scalar_not_utf8(const YAML::Node& node) {
  if (node.IsScalar()) return is_valid_utf8(node.Scalar()) ? std::nullopt : std::optional<YAML::Node>(node);
  if (node.IsSequence())
    for (const auto& item : node)
      if (auto bad = scalar_not_utf8(item)) return bad;
  if (node.IsMap())
    for (const auto& entry : node) {
      if (auto bad = scalar_not_utf8(entry.first)) return bad;
      if (auto bad = scalar_not_utf8(entry.second)) return bad;
    }
  return std::nullopt;
}

}  // namespace

std::string yaml_where(const std::string& display_path, const YAML::Node& node) {
  return display_path + ":" + std::to_string(node.Mark().line + 1) + ": ";
}

YAML::Node load_yaml_mapping(std::string_view text, const std::string& display_path,
                             const std::string& expected) {
  if (text.size() > kMaxDocument) throw data_error(display_path + ":1: larger than 1 MiB");
  // The check the log's notes get: yaml-cpp passes any byte through, and every text read
  // here may end up in JSON, which must be UTF-8.
  size_t line = 1, column = 1;
  for (size_t i = 0; i < text.size();) {
    size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
      throw data_error(display_path + ":" + std::to_string(line) + ": not valid UTF-8 (byte " + byte + " at column " +
                       std::to_string(column) + "); save the file as UTF-8");
    }
    if (text[i] == '\n') line++, column = 1;
    else ++column;
    i += length;
  }
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
  if (auto bad = scalar_not_utf8(root))
    throw data_error(yaml_where(display_path, *bad) +
                     "not valid UTF-8 once its escapes are read (\\N and \\_ give single bytes); "
                     "write the character itself");
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
    // Quoted, so that no reader (nor a person) takes "&x" or "*x" for an anchor or an alias.
    if (text.find_first_of("&*") != std::string_view::npos) return true;
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
