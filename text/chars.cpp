#include "text/chars.hpp"

#include "text/utf8.hpp"

namespace support::text {

bool is_ascii_digit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }

bool is_space(char32_t cp) {
  return cp == 0x20 || cp == 0x09 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool is_dash(char32_t cp) {
  switch (cp) {
    case 0x002D: case 0x00AD: case 0x058A: case 0x05BE: case 0x1400: case 0x1806:
    case 0x2E17: case 0x2E1A: case 0x2E3A: case 0x2E3B: case 0x2E40: case 0x301C:
    case 0x3030: case 0x30A0: case 0xFE31: case 0xFE32: case 0xFE58: case 0xFE63:
    case 0xFF0D: case 0x2212: case 0x2043:
      return true;
    default:
      return cp >= 0x2010 && cp <= 0x2015;
  }
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

bool is_bidi_control(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool is_invisible(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200D) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF ||
         cp == 0x180E || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0;
}

bool is_noncharacter(char32_t cp) {
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return true;
  if ((cp & 0xFFFE) == 0xFFFE) return true;
  return (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000;
}

Script script_of(char32_t cp) {
  if ((cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z')) return Script::latin;
  if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) return Script::latin;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return Script::latin;
  if ((cp >= 0x400 && cp <= 0x52F) || (cp >= 0x1C80 && cp <= 0x1C8F)) return Script::cyrillic;
  if (cp >= 0x370 && cp <= 0x3FF) return Script::other;  // Greek
  return Script::none;
}

bool is_letter(char32_t cp) {
  if (script_of(cp) != Script::none) {
    // Cyrillic signs that are not letters (U+0482..U+0489: numeric and combining marks).
    return !(cp >= 0x482 && cp <= 0x489);
  }
  return false;
}

char32_t to_lower(char32_t cp) {
  if (cp < 0x80) return (cp >= U'A' && cp <= U'Z') ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;   // А..Я
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;   // Ѐ..Џ, Ё included
  if (((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF) || (cp >= 0x4D0 && cp <= 0x52F)) &&
      cp % 2 == 0) {
    return cp + 1;
  }
  if (cp >= 0x4C1 && cp <= 0x4CE && cp % 2 == 1) return cp + 1;
  if (cp == 0x4C0) return 0x4CF;
  if (((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) && cp % 2 == 0) return cp + 1;
  if (((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) && cp % 2 == 1) return cp + 1;
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;  // Greek capitals
  if (cp >= 0x1E00 && cp <= 0x1EFF && cp % 2 == 0) return cp + 1;
  return cp;
}

char32_t to_upper(char32_t cp) {
  if (cp < 0x80) return (cp >= U'a' && cp <= U'z') ? cp - 32 : cp;
  if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 32;
  if (cp >= 0x430 && cp <= 0x44F) return cp - 32;
  if (cp >= 0x450 && cp <= 0x45F) return cp - 80;
  if (((cp >= 0x461 && cp <= 0x481) || (cp >= 0x48B && cp <= 0x4BF) || (cp >= 0x4D1 && cp <= 0x52F)) &&
      cp % 2 == 1) {
    return cp - 1;
  }
  if (cp >= 0x4C2 && cp <= 0x4CE && cp % 2 == 0) return cp - 1;
  if (cp == 0x4CF) return 0x4C0;
  if (((cp >= 0x101 && cp <= 0x137) || (cp >= 0x14B && cp <= 0x177)) && cp % 2 == 1) return cp - 1;
  if (((cp >= 0x13A && cp <= 0x148) || (cp >= 0x17A && cp <= 0x17E)) && cp % 2 == 0) return cp - 1;
  if (cp >= 0x3B1 && cp <= 0x3CB && cp != 0x3C2) return cp - 32;
  if (cp >= 0x1E01 && cp <= 0x1EFF && cp % 2 == 1) return cp - 1;
  return cp;
}

std::string to_lower(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for_each_code_point(utf8, [&](char32_t cp, std::size_t, std::size_t) { append_utf8(out, to_lower(cp)); });
  return out;
}

}  // namespace support::text
