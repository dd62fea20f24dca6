// Loading of data files (schemas, policies, catalogs, knowledge base): strict,
// with errors that name the file and the JSON path, e.g.
//   forms/schemas/feedback.json: /fields/3/type: unknown field type "phon"
// Internally a ConfigError is thrown; load functions turn it into Loaded<T>,
// so no exception crosses a public API.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace support {

// Data files by repository path ("forms/schemas/feedback.json") -> content.
using DataFiles = std::vector<std::pair<std::string_view, std::string_view>>;

// The content of `path`, or a ConfigError naming the missing file.
std::string_view require_file(const DataFiles& files, std::string_view path);

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

template <class T>
struct Loaded {
  std::optional<T> value;
  std::string error;  // "file: /path: what is wrong" when !value
  explicit operator bool() const { return value.has_value(); }
};

// Runs `load` and converts a ConfigError (or any std::exception) into Loaded::error.
template <class T, class F>
Loaded<T> load_config(F&& load) {
  try {
    return {load(), {}};
  } catch (const std::exception& e) {
    return {std::nullopt, e.what()};
  }
}

// Inside a loader: the loaded value, or the nested loader's error rethrown.
template <class T>
T value_or_throw(Loaded<T> loaded) {
  if (!loaded) throw ConfigError(loaded.error);
  return std::move(*loaded.value);
}

// Parses a data file; throws ConfigError "file: line L, column C: ...".
nlohmann::json parse_config(std::string_view text, const std::string& file);

// A strict view of one JSON object: every key must be read (or declared with
// allow()), so a misspelt key is an error instead of a silently ignored setting.
class ObjectReader {
 public:
  ObjectReader(const nlohmann::json& object, std::string file, std::string pointer);

  bool has(std::string_view key) const;
  const nlohmann::json& required(std::string_view key);
  const nlohmann::json* optional(std::string_view key);
  void allow(std::string_view key);  // documentation-only keys such as "about"

  std::string string(std::string_view key);
  std::string string_or(std::string_view key, std::string fallback);
  std::int64_t integer(std::string_view key, std::int64_t min, std::int64_t max);
  std::int64_t integer_or(std::string_view key, std::int64_t fallback, std::int64_t min, std::int64_t max);
  bool boolean_or(std::string_view key, bool fallback);
  std::vector<std::string> strings(std::string_view key);
  std::vector<std::string> strings_or_empty(std::string_view key);
  ObjectReader object(std::string_view key);

  // Reader for element i of array `key` (which must be an object).
  ObjectReader element(const nlohmann::json& array, std::string_view key, std::size_t i) const;

  // Throws if the object has keys that were never read or allowed.
  void finish() const;

  [[noreturn]] void fail(std::string_view key, const std::string& message) const;
  // Fails at element `index` of array `key`: "/key/3".
  [[noreturn]] void fail_item(std::string_view key, std::size_t index, const std::string& message) const;
  // Fails deeper inside: segments are escaped and joined, {"synonyms", "24", "1"} -> "/synonyms/24/1".
  [[noreturn]] void fail_at(std::initializer_list<std::string_view> segments, const std::string& message) const;
  std::string path(std::string_view key) const;
  const std::string& file() const { return file_; }

 private:
  const nlohmann::json& object_;
  std::string file_;
  std::string pointer_;
  std::set<std::string, std::less<>> seen_;
};

namespace detail {
struct ParsedDocument {
  nlohmann::json document;
};
}  // namespace detail

// A data file: parsed (see parse_config), and read as its top-level object,
// whose "about" key documents the file for the people who edit it.
class ConfigFile : private detail::ParsedDocument, public ObjectReader {
 public:
  ConfigFile(std::string_view text, const std::string& file)
      : ParsedDocument{parse_config(text, file)}, ObjectReader(document, file, "") {
    allow("about");
  }
  ConfigFile(const ConfigFile&) = delete;
  ConfigFile& operator=(const ConfigFile&) = delete;

  const nlohmann::json& json() const { return document; }
};

}  // namespace support
