#include "cli/json_reader.hpp"

#include <charconv>
#include <stdexcept>

namespace microstep::test {

namespace {

/// Deep enough for any real output; shallow enough that the recursion cannot blow the stack.
constexpr int kMaxDepth = 256;

[[noreturn]] void type_error(const Json& value, std::string_view wanted) {
  throw std::runtime_error("JSON value is " + std::string(value.type_name()) + ", not " +
                           std::string(wanted));
}

/// Appends code point `cp` as UTF-8.
void append_utf8(std::string& out, unsigned cp) {
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

}  // namespace

/// Recursive descent over the bytes of one document; every error names its byte offset.
class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : text_(text) {}

  Json document() {
    Json value = parse_value(0);
    skip_space();
    if (pos_ != text_.size()) fail("unexpected text after the value");
    return value;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("malformed JSON at byte " + std::to_string(pos_) + ": " + what);
  }

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  void skip_space() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
      ++pos_;
  }

  void expect(char c) {
    if (at_end() || peek() != c) fail(std::string("expected '") + c + "'");
    ++pos_;
  }

  Json parse_value(int depth) {
    if (depth > kMaxDepth) fail("nested too deeply");
    skip_space();
    if (at_end()) fail("expected a value, found the end of the input");
    Json v;
    switch (peek()) {
      case '{': return parse_object(depth);
      case '[': return parse_array(depth);
      case '"':
        v.type_ = Json::Type::string;
        v.string_ = parse_string();
        return v;
      case 't':
        literal("true");
        v.type_ = Json::Type::boolean;
        v.bool_ = true;
        return v;
      case 'f':
        literal("false");
        v.type_ = Json::Type::boolean;
        return v;
      case 'n':
        literal("null");
        return v;
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return parse_number();
        fail(std::string("unexpected character '") + peek() + "'");
    }
  }

  void literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) fail("expected " + std::string(word));
    pos_ += word.size();
  }

  Json parse_object(int depth) {
    Json v;
    v.type_ = Json::Type::object;
    expect('{');
    skip_space();
    if (peek() == '}') {
      ++pos_;
      return v;
    }
    while (true) {
      skip_space();
      if (peek() != '"') fail("expected a string key");
      std::size_t key_at = pos_;
      std::string key = parse_string();
      skip_space();
      expect(':');
      Json member = parse_value(depth + 1);
      if (v.index_.count(key)) {
        pos_ = key_at;
        fail("duplicate key \"" + key + "\"");
      }
      v.index_.emplace(key, v.items_.size());
      v.keys_.push_back(std::move(key));
      v.items_.push_back(std::move(member));
      skip_space();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '}') {
        ++pos_;
        return v;
      }
      fail("expected ',' or '}'");
    }
  }

  Json parse_array(int depth) {
    Json v;
    v.type_ = Json::Type::array;
    expect('[');
    skip_space();
    if (peek() == ']') {
      ++pos_;
      return v;
    }
    while (true) {
      v.items_.push_back(parse_value(depth + 1));
      skip_space();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == ']') {
        ++pos_;
        return v;
      }
      fail("expected ',' or ']'");
    }
  }

  /// -?(0|[1-9]digits)(.digits)?([eE][+-]?digits)?, exactly as RFC 8259 has it.
  Json parse_number() {
    std::size_t start = pos_;
    auto digits = [&] {
      std::size_t from = pos_;
      while (!at_end() && peek() >= '0' && peek() <= '9') ++pos_;
      if (pos_ == from) fail("expected a digit");
    };
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
      if (peek() >= '0' && peek() <= '9') fail("leading zero in a number");
    } else {
      digits();
    }
    if (peek() == '.') {
      ++pos_;
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      digits();
    }
    Json v;
    v.type_ = Json::Type::number;
    auto [end, ec] = std::from_chars(text_.data() + start, text_.data() + pos_, v.number_);
    if (ec != std::errc{} || end != text_.data() + pos_) {
      pos_ = start;
      fail("number out of range");
    }
    return v;
  }

  /// Four hex digits of a \u escape.
  unsigned hex4() {
    if (pos_ + 4 > text_.size()) fail("\\u needs four hex digits");
    unsigned value = 0;
    for (int i = 0; i < 4; ++i) {
      char c = text_[pos_];
      unsigned d;
      if (c >= '0' && c <= '9')
        d = static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f')
        d = static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        d = static_cast<unsigned>(c - 'A' + 10);
      else
        fail("\\u needs four hex digits");
      value = value * 16 + d;
      ++pos_;
    }
    return value;
  }

  /// One raw (unescaped) UTF-8 sequence, checked: no overlongs, surrogates or stray bytes.
  void copy_utf8(std::string& out) {
    auto lead = static_cast<unsigned char>(text_[pos_]);
    int extra;
    unsigned cp, min;
    if (lead < 0x80) {
      extra = 0, cp = lead, min = 0;
    } else if ((lead & 0xE0) == 0xC0) {
      extra = 1, cp = lead & 0x1Fu, min = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      extra = 2, cp = lead & 0x0Fu, min = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      extra = 3, cp = lead & 0x07u, min = 0x10000;
    } else {
      fail("invalid UTF-8");
    }
    if (pos_ + static_cast<std::size_t>(extra) >= text_.size()) fail("truncated UTF-8");
    for (int k = 1; k <= extra; ++k) {
      auto c = static_cast<unsigned char>(text_[pos_ + static_cast<std::size_t>(k)]);
      if ((c & 0xC0) != 0x80) fail("invalid UTF-8");
      cp = (cp << 6) | (c & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) fail("invalid UTF-8");
    out.append(text_.substr(pos_, static_cast<std::size_t>(extra) + 1));
    pos_ += static_cast<std::size_t>(extra) + 1;
  }

  std::string parse_string() {
    expect('"');
    std::string out;
    while (true) {
      if (at_end()) fail("unterminated string");
      char c = peek();
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (static_cast<unsigned char>(c) < 0x20) fail("raw control character in a string");
      if (c != '\\') {
        copy_utf8(out);
        continue;
      }
      std::size_t escape_at = pos_;
      ++pos_;
      if (at_end()) fail("unterminated escape");
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
          if (cp >= 0xDC00 && cp <= 0xDFFF) {
            pos_ = escape_at;
            fail("lone low surrogate");
          }
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            // A high surrogate must be followed by an escaped low one.
            if (text_.substr(pos_, 2) != "\\u") {
              pos_ = escape_at;
              fail("high surrogate without a low one");
            }
            pos_ += 2;
            unsigned low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) {
              pos_ = escape_at;
              fail("high surrogate without a low one");
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default:
          pos_ = escape_at;
          fail(std::string("unknown escape \\") + e);
      }
    }
  }
};

bool Json::as_bool() const {
  if (!is_bool()) type_error(*this, "bool");
  return bool_;
}

double Json::as_number() const {
  if (!is_number()) type_error(*this, "number");
  return number_;
}

const std::string& Json::as_string() const {
  if (!is_string()) type_error(*this, "string");
  return string_;
}

const Json& Json::operator[](const std::string& key) const {
  if (!is_object()) type_error(*this, "object (looking up key \"" + key + "\")");
  auto it = index_.find(key);
  if (it == index_.end()) throw std::runtime_error("JSON object has no key \"" + key + "\"");
  return items_[it->second];
}

const Json& Json::at(std::size_t index) const {
  if (!is_array()) type_error(*this, "array");
  if (index >= items_.size())
    throw std::runtime_error("JSON array index " + std::to_string(index) + " out of range (size " +
                             std::to_string(items_.size()) + ")");
  return items_[index];
}

std::size_t Json::size() const {
  if (!is_array() && !is_object()) type_error(*this, "array or object");
  return items_.size();
}

bool Json::has(const std::string& key) const {
  if (!is_object()) type_error(*this, "object");
  return index_.count(key) > 0;
}

std::vector<std::string> Json::keys() const {
  if (!is_object()) type_error(*this, "object");
  return keys_;
}

std::string_view Json::type_name() const {
  switch (type_) {
    case Type::null: return "null";
    case Type::boolean: return "bool";
    case Type::number: return "number";
    case Type::string: return "string";
    case Type::array: return "array";
    case Type::object: return "object";
  }
  return "?";
}

Json parse_json(std::string_view text) { return JsonParser(text).document(); }

}  // namespace microstep::test
