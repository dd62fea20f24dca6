// СНИЛС: insurance number of individual ledger account, 11 digits shown as
// "123-456-789 64". The last two digits check the first nine.
#pragma once

#include <string>
#include <string_view>

#include "forms/issue.hpp"

namespace support::forms::snils {

std::string compact(std::string_view number);

// Check number for nine digits: weights 9..1; a sum below 100 is the check
// number itself, 100 and 101 give "00", larger sums are taken mod 101 (100 -> "00").
// Anything but nine ASCII digits gives "".
std::string checksum(std::string_view first_nine);

// Numbers up to 001-001-998 were issued before check numbers existed; false
// when the first nine characters are not digits.
bool has_checksum(std::string_view compacted);

// Codes: input.*, snils.format {character}, snils.length {actual}, snils.checksum.
Result validate(std::string_view number);
bool is_valid(std::string_view number);

// "12345678964" -> "123-456-789 64"; returns the compact form when not 11 digits.
std::string format(std::string_view number);

}  // namespace support::forms::snils
