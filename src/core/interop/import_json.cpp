#include "core/interop/import_json.hpp"

#include <charconv>
#include <cmath>

#include "core/base/amount.hpp"
#include "core/base/error.hpp"
#include "core/interop/export_format.hpp"

namespace microstep {

namespace {

// ---- a small strict JSON reader --------------------------------------------------------------

struct JsonValue {
  enum class Type { null, boolean, number, string, array, object } type = Type::null;
  bool flag = false;
  double number = 0;
  std::string text;
  std::vector<JsonValue> items;
  /// An object's members, each with its name in `key`. (A vector of pairs of a name and a
  /// JsonValue would instantiate the pair while JsonValue is incomplete: clang refuses it.)
  std::vector<JsonValue> members;
  std::string key;  ///< the name of this value in the object that holds it
  size_t line = 1;

  const JsonValue* get(std::string_view name) const {
    for (const auto& member : members)
      if (member.key == name) return &member;
    return nullptr;
  }
};

class JsonParser {
 public:
  JsonParser(std::string_view text, const std::string& display) : text_(text), display_(display) {}

  JsonValue document() {
    JsonValue v = value(0);
    skip_space();
    if (pos_ != text_.size()) fail("unexpected text after the JSON document");
    return v;
  }

 private:
  std::string_view text_;
  const std::string& display_;
  size_t pos_ = 0, line_ = 1;

  [[noreturn]] void fail(const std::string& what) const {
    throw data_error(display_ + ":" + std::to_string(line_) + ": " + what);
  }
  void skip_space() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '\n') ++line_;
      else if (c != ' ' && c != '\t' && c != '\r') break;
      ++pos_;
    }
  }
  bool take(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void expect(char c, const char* what) {
    if (!take(c)) fail(std::string("expected ") + what);
  }

  JsonValue value(int depth) {
    if (depth > 32) fail("nested too deeply");
    skip_space();
    if (pos_ >= text_.size()) fail("unexpected end of the document");
    JsonValue v;
    v.line = line_;
    char c = text_[pos_];
    if (c == '{') {
      ++pos_;
      v.type = JsonValue::Type::object;
      if (take('}')) return v;
      do {
        skip_space();
        if (pos_ >= text_.size() || text_[pos_] != '"') fail("expected a member name in quotes");
        std::string key = string_body();
        if (v.get(key)) fail("member \"" + key + "\" comes twice");
        expect(':', "':' after a member name");
        JsonValue member = value(depth + 1);
        member.key = std::move(key);
        v.members.push_back(std::move(member));
      } while (take(','));
      expect('}', "',' or '}' in an object");
      return v;
    }
    if (c == '[') {
      ++pos_;
      v.type = JsonValue::Type::array;
      if (take(']')) return v;
      do v.items.push_back(value(depth + 1));
      while (take(','));
      expect(']', "',' or ']' in an array");
      return v;
    }
    if (c == '"') {
      v.type = JsonValue::Type::string;
      v.text = string_body();
      return v;
    }
    if (literal("true")) {
      v.type = JsonValue::Type::boolean;
      v.flag = true;
      return v;
    }
    if (literal("false")) {
      v.type = JsonValue::Type::boolean;
      return v;
    }
    if (literal("null")) return v;
    if (c == '-' || (c >= '0' && c <= '9')) {
      v.type = JsonValue::Type::number;
      size_t start = pos_;
      auto digits = [&] {
        size_t from = pos_;
        while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
        return pos_ > from;
      };
      if (text_[pos_] == '-') ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '0') ++pos_;
      else if (!digits()) fail("a malformed number");
      if (pos_ < text_.size() && text_[pos_] == '.') {
        ++pos_;
        if (!digits()) fail("a malformed number");
      }
      if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
        ++pos_;
        if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
        if (!digits()) fail("a malformed number");
      }
      v.text = std::string(text_.substr(start, pos_ - start));
      auto [end, ec] = std::from_chars(v.text.data(), v.text.data() + v.text.size(), v.number);
      if (ec != std::errc{} || !std::isfinite(v.number)) fail("the number " + v.text + " is out of range");
      return v;
    }
    fail(std::string("unexpected character '") + c + "'");
  }

  bool literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  unsigned hex4() {
    if (pos_ + 4 > text_.size()) fail("a \\u escape cut short");
    unsigned code = 0;
    for (int i = 0; i < 4; ++i) {
      char h = text_[pos_++];
      code <<= 4;
      if (h >= '0' && h <= '9') code |= static_cast<unsigned>(h - '0');
      else if (h >= 'a' && h <= 'f') code |= static_cast<unsigned>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') code |= static_cast<unsigned>(h - 'A' + 10);
      else fail("a malformed \\u escape");
    }
    return code;
  }

  static void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  /// At the opening quote; returns the unescaped text.
  std::string string_body() {
    ++pos_;
    std::string out;
    while (true) {
      if (pos_ >= text_.size()) fail("a string is never closed");
      char c = text_[pos_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("a control character inside a string (escape it)");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) fail("a string is never closed");
      char e = text_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xDC00 && cp <= 0xDFFF) fail("a lone low surrogate in a \\u escape");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (text_.substr(pos_, 2) != "\\u") fail("a lone high surrogate in a \\u escape");
            pos_ += 2;
            unsigned low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) fail("a high surrogate without its low half");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default: fail(std::string("an unknown escape \\") + e);
      }
    }
  }
};

/// The members of a JSON object as fields: strings as they are, numbers as plain decimals,
/// nulls left out. Arrays and objects are left to the caller.
ExportFields fields_of(const JsonValue& object, const std::string& display,
                       const std::string& what) {
  ExportFields f;
  f.where = display + ":" + std::to_string(object.line) + ": ";
  if (object.type != JsonValue::Type::object) f.fail(what + " must be an object");
  for (const auto& v : object.members) {
    const std::string& key = v.key;
    switch (v.type) {
      case JsonValue::Type::string:
        f.values[key] = v.text;
        break;
      case JsonValue::Type::number:
        // Writers may use an exponent (1e+09); the readers of amounts take plain decimals.
        f.values[key] = v.number < 0 ? v.text : format_amount(v.number);
        break;
      case JsonValue::Type::null:
        break;
      case JsonValue::Type::boolean:
        f.values[key] = v.flag ? "true" : "false";
        break;
      default:
        break;
    }
  }
  return f;
}

}  // namespace

ImportPlan parse_export_json(std::string_view text, const std::string& display_path) {
  JsonValue doc = JsonParser(text, display_path).document();
  auto at = [&](const JsonValue& v) { return display_path + ":" + std::to_string(v.line) + ": "; };
  const JsonValue* format = doc.type == JsonValue::Type::object ? doc.get("format") : nullptr;
  if (!format || format->type != JsonValue::Type::string || format->text != kExportFormatName)
    throw data_error(at(doc) + "not a microstep json export (no \"format\": \"" +
                     std::string(kExportFormatName) + "\")");
  const JsonValue* version = doc.get("version");
  if (!version || version->type != JsonValue::Type::number ||
      version->number != kExportFormatVersion)
    throw data_error(at(doc) + "export version is not one this microstep reads (1)");
  ImportPlan plan;
  ExportGoals goals;
  if (const JsonValue* list = doc.get("goals")) {
    if (list->type != JsonValue::Type::array)
      throw data_error(at(*list) + "goals must be an array");
    for (const auto& item : list->items) {
      ExportFields f = fields_of(item, display_path, "each goal");
      Goal g = export_goal(f);
      if (const JsonValue* history = item.get("history");
          history && history->type != JsonValue::Type::null) {
        if (history->type != JsonValue::Type::array)
          throw data_error(at(*history) + "history must be an array");
        for (const auto& entry : history->items)
          g.history.push_back(export_version(fields_of(entry, display_path, "each history entry")));
        check_export_history(g, f.where);
      }
      goals.add(std::move(g), f.where);
    }
  }
  if (const JsonValue* list = doc.get("events")) {
    if (list->type != JsonValue::Type::array)
      throw data_error(at(*list) + "events must be an array");
    for (const auto& item : list->items)
      plan.events.push_back(export_event(fields_of(item, display_path, "each event")));
  }
  plan.goals = std::move(goals.goals);
  return plan;
}

}  // namespace microstep
