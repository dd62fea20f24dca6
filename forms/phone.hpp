// Russian phone numbers as people type them: "8 800 100-70-10",
// "+7 (495) 783‑34‑34", "8(916)123 45 67 доб. 123", with non-breaking spaces
// and any kind of dash. Normalised to E.164, the extension kept apart.
// Deliberately small: the Russian numbering plan's shape, not libphonenumber.
#pragma once

#include <string>
#include <string_view>

#include "forms/issue.hpp"

namespace support::forms::phone {

struct Number {
  std::string e164;       // "+74957833434"
  std::string extension;  // "123" or empty
};

// Codes: input.*, phone.format {character}, phone.plus_position,
// phone.too_short {actual}, phone.too_long {actual}, phone.not_russian,
// phone.range {code}, phone.extension.
// The value is E.164, with ";ext=NNN" (RFC 3966) when there is an extension.
Result validate(std::string_view text);
bool is_valid(std::string_view text);

// Splits a validated value back into number and extension.
Number split(std::string_view value);

// "+74957833434" (or any accepted input) -> "+7 495 783-34-34"; the extension
// is not included (its wording is locale-specific, see i18n).
std::string format(std::string_view text);

}  // namespace support::forms::phone
