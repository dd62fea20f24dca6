// What a validator returns: the normalised value, or one precise issue with an
// error code and the parameters its message needs. Codes are stable API: the
// i18n catalogs key their texts on them ("forms." + code), the portal API
// returns them per field.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace support::forms {

using Params = std::vector<std::pair<std::string, std::string>>;

struct Issue {
  std::string code;  // e.g. "snils.checksum", "input.invalid_utf8"
  Params params;

  std::string message_key() const { return "forms." + code; }
  bool operator==(const Issue& other) const { return code == other.code && params == other.params; }
};

struct Result {
  std::string value;           // compact / normalised form; empty when invalid
  std::optional<Issue> issue;  // set when invalid

  bool ok() const { return !issue.has_value(); }

  static Result valid(std::string value) { return {std::move(value), std::nullopt}; }
  static Result invalid(std::string code, Params params = {}) {
    return {std::string(), Issue{std::move(code), std::move(params)}};
  }
  static Result invalid(Issue issue) { return {std::string(), std::move(issue)}; }
};

}  // namespace support::forms
