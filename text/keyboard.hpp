// The two keyboards Russian speakers use: QWERTY and ЙЦУКЕН on the same keys.
// Converts text typed in the wrong layout ("yt vjue djqnb" is «не могу войти»,
// "gfhjkm" is «пароль») and gives key positions for spotting keyboard runs
// ("qwerty", "1q2w3e", "йцукен").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace support::text {

// The character on the same key in the other layout, or 0 when there is none.
char32_t latin_key_to_cyrillic(char32_t cp);
char32_t cyrillic_key_to_latin(char32_t cp);

// Converts every mapped character; others are kept. Invalid UTF-8 becomes U+FFFD.
std::string latin_layout_to_cyrillic(std::string_view text);
std::string cyrillic_layout_to_latin(std::string_view text);

enum class Layout : unsigned char { qwerty, jcuken };

struct KeyPosition {
  Layout layout;
  int row;  // 0 = digit row .. 3 = bottom row
  int col;  // rows are staggered: a key touches row-1 at col and col+1
  bool shifted;
};

std::optional<KeyPosition> key_position(char32_t cp);

// Direction code 1..6 when b's key neighbours a's key on one layout, else 0.
int key_step_direction(char32_t a, char32_t b);

}  // namespace support::text
