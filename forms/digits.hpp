// Shared steps of the digit-string identifiers (SNILS, INN, OGRN, passport):
// strip the separators people type, then insist on ASCII digits of a known length.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "forms/issue.hpp"

namespace support::forms::digits {

// Removes spaces, dashes of every Unicode kind and dots; keeps everything else
// (including invalid bytes) so that validation can report it.
std::string compact(std::string_view value);

// Error codes of one identifier; literals at each call site, so every code
// the core can return is written out in the source.
struct ShapeCodes {
  const char* format;  // a character that is not a digit {character}
  const char* length;  // wrong number of digits {actual}
};

// Input guard, compaction and shape check in one place. On success returns the
// compact digits. Codes: input.* from the guard, input.empty, codes.format,
// codes.length.
Result parse(std::string_view raw, std::initializer_list<std::size_t> lengths, const ShapeCodes& codes);

// True when `s` is exactly `length` ASCII digits: the guard every checksum
// function applies before it reads a single digit.
bool are_digits(std::string_view s, std::size_t length);

// Weighted digit sum: sum(digit[i] * weights[i]); nullopt unless `digits` is
// exactly one ASCII digit per weight.
std::optional<int> weighted_sum(std::string_view digits, std::initializer_list<int> weights);

// The number the digits spell; nullopt unless 1 to 19 ASCII digits.
std::optional<std::uint64_t> to_number(std::string_view digits);

}  // namespace support::forms::digits
