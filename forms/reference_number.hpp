// Numbers of applications, earlier requests and accounts as people copy them:
// "№ 1234567890", "ЗП-2026/000123", "A-17 #42". Letters, digits and the usual
// separators, with at least one digit.
#pragma once

#include <cstddef>
#include <string_view>

#include "forms/issue.hpp"

namespace support::forms::reference_number {

// Value: trimmed, runs of spaces collapsed. Codes: input.*,
// reference.format {character}, reference.too_long {max}, reference.no_digits.
Result validate(std::string_view text, std::size_t max_length = 64);

}  // namespace support::forms::reference_number
