#include "forms/password_policy.hpp"

#include "forms/input_guard.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace support::forms::password {

Loaded<Policy> Policy::load(std::string_view json, const std::string& file) {
  return load_config<Policy>([&] {
    ConfigFile r(json, file);
    Policy p;
    p.min_length = static_cast<std::size_t>(r.integer("min_length", 1, 256));
    p.max_length = static_cast<std::size_t>(r.integer("max_length", 1, 1024));
    if (p.max_length < p.min_length) r.fail("max_length", "must not be below min_length");
    p.require_lowercase = r.boolean_or("require_lowercase", true);
    p.require_uppercase = r.boolean_or("require_uppercase", true);
    p.require_digit = r.boolean_or("require_digit", true);
    p.require_special = r.boolean_or("require_special", true);
    p.special_characters = text::to_u32(r.string("special_characters"));
    if (p.require_special && p.special_characters.empty()) {
      r.fail("special_characters", "must not be empty when require_special is set");
    }
    p.allow_spaces = r.boolean_or("allow_spaces", false);
    p.min_score = static_cast<int>(r.integer_or("min_score", 0, 0, 4));
    p.reference_year = static_cast<int>(r.integer_or("reference_year", 2026, 1970, 2200));
    r.finish();
    return p;
  });
}

std::vector<Issue> Policy::check(std::string_view password) const {
  // Four bytes per code point at most: anything longer is too long without decoding it.
  if (password.size() > max_length * 4) return {{"password.too_long", {{"max", std::to_string(max_length)}}}};
  if (auto issue = check_input(password, {max_length * 4})) return {*issue};

  bool lower = false, upper = false, digit = false, special = false, cyrillic = false, space = false;
  std::string other;
  std::size_t length = 0;
  text::for_each_code_point(password, [&](char32_t cp, std::size_t pos, std::size_t len) {
    ++length;
    if (cp >= U'a' && cp <= U'z') lower = true;
    else if (cp >= U'A' && cp <= U'Z') upper = true;
    else if (text::is_ascii_digit(cp)) digit = true;
    else if (special_characters.find(cp) != std::u32string::npos) special = true;
    else if (text::script_of(cp) == text::Script::cyrillic) cyrillic = true;
    else if (cp == U' ' && allow_spaces) special = true;
    else if (text::is_space(cp)) space = true;
    else if (other.empty()) other = std::string(password.substr(pos, len));
  });

  std::vector<Issue> issues;
  if (length < min_length) issues.push_back({"password.too_short", {{"min", std::to_string(min_length)}}});
  if (length > max_length) issues.push_back({"password.too_long", {{"max", std::to_string(max_length)}}});
  if (cyrillic) issues.push_back({"password.cyrillic", {}});
  if (space) issues.push_back({"password.space", {}});
  if (!other.empty()) issues.push_back({"password.character", {{"character", other}, {"specials", text::to_utf8(special_characters)}}});
  if (require_lowercase && !lower) issues.push_back({"password.no_lowercase", {}});
  if (require_uppercase && !upper) issues.push_back({"password.no_uppercase", {}});
  if (require_digit && !digit) issues.push_back({"password.no_digit", {}});
  if (require_special && !special) issues.push_back({"password.no_special", {{"specials", text::to_utf8(special_characters)}}});
  return issues;
}

}  // namespace support::forms::password
