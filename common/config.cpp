#include "common/config.hpp"

#include "common/untrusted_json.hpp"

namespace support {

using nlohmann::json;

std::string_view require_file(const DataFiles& files, std::string_view path) {
  for (const auto& [p, content] : files) {
    if (p == path) return content;
  }
  throw ConfigError(std::string(path) + ": missing data file");
}

json parse_config(std::string_view text, const std::string& file) {
  if (auto problem = untrusted_json_problem(text, kConfigJsonLimits)) {
    throw ConfigError(file + ": " + *problem);
  }
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    throw ConfigError(file + ": malformed JSON: " + e.what());
  }
}

ObjectReader::ObjectReader(const json& object, std::string file, std::string pointer)
    : object_(object), file_(std::move(file)), pointer_(std::move(pointer)) {
  if (!object_.is_object()) {
    throw ConfigError(file_ + ": " + (pointer_.empty() ? "/" : pointer_) + ": expected an object");
  }
}

namespace {
std::string escape_pointer_segment(std::string_view key) {
  std::string escaped;
  for (char c : key) {
    if (c == '~') escaped += "~0";
    else if (c == '/') escaped += "~1";
    else escaped += c;
  }
  return escaped;
}
}  // namespace

std::string ObjectReader::path(std::string_view key) const { return pointer_ + "/" + escape_pointer_segment(key); }

void ObjectReader::fail_at(std::initializer_list<std::string_view> segments, const std::string& message) const {
  std::string where = pointer_;
  for (auto s : segments) where += "/" + escape_pointer_segment(s);
  throw ConfigError(file_ + ": " + where + ": " + message);
}

void ObjectReader::fail(std::string_view key, const std::string& message) const {
  throw ConfigError(file_ + ": " + (key.empty() ? (pointer_.empty() ? "/" : pointer_) : path(key)) + ": " + message);
}

void ObjectReader::fail_item(std::string_view key, std::size_t index, const std::string& message) const {
  throw ConfigError(file_ + ": " + path(key) + "/" + std::to_string(index) + ": " + message);
}

bool ObjectReader::has(std::string_view key) const { return object_.contains(std::string(key)); }

const json& ObjectReader::required(std::string_view key) {
  const auto it = object_.find(std::string(key));
  if (it == object_.end()) fail(key, "missing required key");
  seen_.emplace(key);
  return *it;
}

const json* ObjectReader::optional(std::string_view key) {
  const auto it = object_.find(std::string(key));
  if (it == object_.end()) return nullptr;
  seen_.emplace(key);
  return &*it;
}

void ObjectReader::allow(std::string_view key) { seen_.emplace(key); }

std::string ObjectReader::string(std::string_view key) {
  const json& v = required(key);
  if (!v.is_string()) fail(key, "expected a string");
  return v.get<std::string>();
}

std::string ObjectReader::string_or(std::string_view key, std::string fallback) {
  return has(key) ? string(key) : std::move(fallback);
}

std::int64_t ObjectReader::integer(std::string_view key, std::int64_t min, std::int64_t max) {
  const json& v = required(key);
  if (!v.is_number_integer()) fail(key, "expected an integer");
  const auto n = v.get<std::int64_t>();
  if (n < min || n > max) {
    fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return n;
}

std::int64_t ObjectReader::integer_or(std::string_view key, std::int64_t fallback, std::int64_t min,
                                      std::int64_t max) {
  return has(key) ? integer(key, min, max) : fallback;
}

bool ObjectReader::boolean_or(std::string_view key, bool fallback) {
  const json* v = optional(key);
  if (!v) return fallback;
  if (!v->is_boolean()) fail(key, "expected true or false");
  return v->get<bool>();
}

std::vector<std::string> ObjectReader::strings(std::string_view key) {
  const json& v = required(key);
  if (!v.is_array()) fail(key, "expected an array of strings");
  std::vector<std::string> out;
  out.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string()) fail_item(key, i, "expected a string");
    out.push_back(v[i].get<std::string>());
  }
  return out;
}

std::vector<std::string> ObjectReader::strings_or_empty(std::string_view key) {
  return has(key) ? strings(key) : std::vector<std::string>{};
}

ObjectReader ObjectReader::object(std::string_view key) { return ObjectReader(required(key), file_, path(key)); }

ObjectReader ObjectReader::element(const json& array, std::string_view key, std::size_t i) const {
  return ObjectReader(array.at(i), file_, path(key) + "/" + std::to_string(i));
}

void ObjectReader::finish() const {
  for (const auto& item : object_.items()) {
    if (seen_.find(item.key()) == seen_.end()) fail(item.key(), "unknown key");
  }
}

}  // namespace support
