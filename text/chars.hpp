// Character classes the product needs, for the scripts it serves (Latin and
// Cyrillic). Small tables instead of ICU: this code ships to browsers.
#pragma once

#include <string>
#include <string_view>

namespace support::text {

enum class Script { none, latin, cyrillic, other };

bool is_ascii_digit(char32_t cp);
// Any Unicode space separator, tab included (people paste U+00A0, U+202F...).
bool is_space(char32_t cp);
// Hyphens, dashes and minus signs of every kind, and the soft hyphen.
bool is_dash(char32_t cp);
// C0 and C1 control characters, DEL.
bool is_control(char32_t cp);
// Characters that reorder text visually (RLO, LRI...), a spoofing vector.
bool is_bidi_control(char32_t cp);
// Zero-width and other invisible format characters (ZWSP, ZWJ, BOM, word joiner).
bool is_invisible(char32_t cp);
// Unicode noncharacters and private use: never valid in submitted text.
bool is_noncharacter(char32_t cp);
bool is_letter(char32_t cp);  // Latin, Greek and Cyrillic letters
Script script_of(char32_t cp);

char32_t to_lower(char32_t cp);
char32_t to_upper(char32_t cp);
std::string to_lower(std::string_view utf8);

}  // namespace support::text
