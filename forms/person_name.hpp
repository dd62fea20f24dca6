// ФИО and its parts: Cyrillic or Latin letters, hyphens (Салтыков-Щедрин),
// apostrophes (O'Brien, Д'Артаньян) and single spaces. One word never mixes
// scripts: "Ивaнов" with a Latin "a" is a typo or a spoof.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "forms/issue.hpp"

namespace support::forms::person_name {

struct Rules {
  std::size_t max_length = 100;  // code points, after normalisation
};

// Value: trimmed, runs of spaces collapsed, dashes turned into "-" and
// apostrophes into "'". Codes: input.*, name.digits, name.character
// {character}, name.punctuation, name.mixed_scripts, name.too_long {max}.
Result validate(std::string_view text, const Rules& rules = {});
bool is_valid(std::string_view text, const Rules& rules = {});

}  // namespace support::forms::person_name
