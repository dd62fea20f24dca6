// ИНН: taxpayer number. 10 digits for a legal entity (one check digit),
// 12 digits for an individual (two check digits).
#pragma once

#include <string>
#include <string_view>

#include "forms/issue.hpp"

namespace support::forms::inn {

enum class Kind { any, legal_entity, individual };

std::string compact(std::string_view number);

// Check digits for the leading digits: 9 digits -> 1 check digit (legal
// entity); 11 digits -> the 12th digit; 10 digits -> both check digits of an
// individual's number. Any other input (other lengths, non-digits) gives "".
std::string checksum(std::string_view leading);

// Codes: input.*, inn.format {character}, inn.length {actual},
// inn.kind {expected: legal_entity|individual}, inn.checksum.
Result validate(std::string_view number, Kind kind = Kind::any);
bool is_valid(std::string_view number, Kind kind = Kind::any);
std::string format(std::string_view number);

}  // namespace support::forms::inn
