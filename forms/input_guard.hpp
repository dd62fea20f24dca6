// The first check on every value from outside: well-formed UTF-8, bounded size,
// no control, bidi-override, invisible or noncharacter code points. Runs in one
// linear pass and stops at the first problem, so a 10 MB string costs nothing
// beyond its length check.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "forms/issue.hpp"

namespace support::forms {

struct InputRules {
  std::size_t max_bytes = 256;
  bool allow_line_breaks = false;  // \n (and \r\n) in multi-line text
  bool allow_invisible = false;    // ZWJ and friends inside free text (emoji sequences)
};

// Codes: input.too_long {max}, input.invalid_utf8, input.control_character,
// input.bidi_control, input.invisible_character, input.noncharacter.
std::optional<Issue> check_input(std::string_view value, const InputRules& rules = {});

}  // namespace support::forms
