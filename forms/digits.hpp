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

// Input guard, compaction and shape check in one place. On success returns the
// compact digits. Codes: input.* from the guard, input.empty,
// <kind>.format {character}, <kind>.length {actual}.
Result parse(std::string_view raw, std::string_view kind, std::initializer_list<std::size_t> lengths);

inline int value(char c) { return c - '0'; }

// Weighted digit sum: sum(value(digits[i]) * weights[i]).
int weighted_sum(std::string_view digits, std::initializer_list<int> weights);

// The number the digits spell (at most 19 digits).
std::uint64_t to_number(std::string_view digits);

}  // namespace support::forms::digits
