// Паспорт гражданина РФ: series of 4 digits (region and year of the blank)
// and number of 6 digits, typed "4508 123456", "45 08 123456" or "4508123456".
#pragma once

#include <string>
#include <string_view>

#include "forms/issue.hpp"

namespace support::forms::passport {

std::string compact(std::string_view number);
// Codes: input.*, passport.format {character}, passport.length {actual},
// passport.series (region part 00), passport.number (000000).
Result validate(std::string_view number);
bool is_valid(std::string_view number);
// "4508123456" -> "4508 123456".
std::string format(std::string_view number);

}  // namespace support::forms::passport
