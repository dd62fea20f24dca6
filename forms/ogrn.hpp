// ОГРН (13 digits, legal entities) and ОГРНИП (15 digits, sole proprietors):
// state registration numbers whose last digit checks the rest (mod 11 and
// mod 13 respectively, then mod 10). The first digit tells the record kind:
// 1 or 5 for ОГРН, 3 for ОГРНИП.
#pragma once

#include <string>
#include <string_view>

#include "forms/issue.hpp"

namespace support::forms::ogrn {

std::string compact(std::string_view number);
std::string checksum(std::string_view first_twelve);  // "" unless twelve ASCII digits
// Codes: input.*, ogrn.format {character}, ogrn.length {actual}, ogrn.kind, ogrn.checksum.
Result validate(std::string_view number);
bool is_valid(std::string_view number);
std::string format(std::string_view number);

}  // namespace support::forms::ogrn

namespace support::forms::ogrnip {

std::string compact(std::string_view number);
std::string checksum(std::string_view first_fourteen);  // "" unless fourteen ASCII digits
// Codes: input.*, ogrnip.format {character}, ogrnip.length {actual}, ogrnip.kind, ogrnip.checksum.
Result validate(std::string_view number);
bool is_valid(std::string_view number);
std::string format(std::string_view number);

}  // namespace support::forms::ogrnip
