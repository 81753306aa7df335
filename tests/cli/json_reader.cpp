#include "cli/json_reader.hpp"

#include <stdexcept>

namespace microstep::test {

namespace {

const JsonValue kNull;

[[noreturn]] void type_error(const Json& value, std::string_view wanted) {
  throw std::runtime_error("JSON value is " + std::string(value.type_name()) + ", not " +
                           std::string(wanted));
}

}  // namespace

Json::Json() : value_(&kNull) {}

bool Json::as_bool() const {
  if (!is_bool()) type_error(*this, "bool");
  return value_->flag;
}

double Json::as_number() const {
  if (!is_number()) type_error(*this, "number");
  return value_->number;
}

const std::string& Json::as_string() const {
  if (!is_string()) type_error(*this, "string");
  return value_->text;
}

Json Json::operator[](const std::string& key) const {
  if (!is_object()) type_error(*this, "object (looking up key \"" + key + "\")");
  const JsonValue* member = value_->get(key);
  if (!member) throw std::runtime_error("JSON object has no key \"" + key + "\"");
  return Json(document_, member);
}

Json Json::at(std::size_t index) const {
  if (!is_array()) type_error(*this, "array");
  if (index >= value_->items.size())
    throw std::runtime_error("JSON array index " + std::to_string(index) + " out of range (size " +
                             std::to_string(value_->items.size()) + ")");
  return Json(document_, &value_->items[index]);
}

std::size_t Json::size() const {
  if (is_array()) return value_->items.size();
  if (!is_object()) type_error(*this, "array or object");
  return value_->members.size();
}

bool Json::has(const std::string& key) const {
  if (!is_object()) type_error(*this, "object");
  return value_->get(key) != nullptr;
}

std::vector<std::string> Json::keys() const {
  if (!is_object()) type_error(*this, "object");
  std::vector<std::string> keys;
  for (const auto& member : value_->members) keys.push_back(member.key);
  return keys;
}

std::string_view Json::type_name() const {
  switch (type()) {
    case Type::null:
      return "null";
    case Type::boolean:
      return "bool";
    case Type::number:
      return "number";
    case Type::string:
      return "string";
    case Type::array:
      return "array";
    case Type::object:
      return "object";
  }
  return "?";
}

Json parse_json(std::string_view text) {
  // read_json's Failure is a std::runtime_error, as the tests expect.
  auto document = std::make_shared<const JsonValue>(read_json(text, "output"));
  const JsonValue* root = document.get();
  return Json(std::move(document), root);
}

}  // namespace microstep::test
