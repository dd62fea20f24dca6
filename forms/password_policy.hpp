// Composition rules for a new password, loaded from JSON
// (forms/data/password_policy.json): the seeds' rules, editable by the portal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/config.hpp"
#include "forms/issue.hpp"

namespace support::forms::password {

struct Policy {
  std::size_t min_length = 8;
  std::size_t max_length = 64;
  bool require_lowercase = true;
  bool require_uppercase = true;
  bool require_digit = true;
  bool require_special = true;
  std::u32string special_characters;
  bool allow_spaces = false;
  int min_score = 0;  // 0..4; passwords estimated weaker than this are refused
  int reference_year = 2026;

  static Loaded<Policy> load(std::string_view json, const std::string& file = "password_policy.json");

  // Every rule the password breaks, in a stable order. Codes: input.* (invalid
  // UTF-8, control characters), password.too_short {min}, password.too_long
  // {max}, password.cyrillic (switch the keyboard layout), password.space,
  // password.character {character, specials}, password.no_lowercase,
  // password.no_uppercase, password.no_digit, password.no_special {specials}.
  std::vector<Issue> check(std::string_view password) const;
};

}  // namespace support::forms::password
