#include "text/translit.hpp"

#include <array>

#include "text/chars.hpp"

namespace support::text {

namespace {

// Index: letter - U'а' for а..я; ё handled apart.
constexpr std::array<std::u32string_view, 32> kCommon = {
    U"a", U"b", U"v", U"g", U"d", U"e", U"zh", U"z", U"i", U"y", U"k", U"l", U"m", U"n", U"o", U"p",
    U"r", U"s", U"t", U"u", U"f", U"kh", U"ts", U"ch", U"sh", U"sch", U"", U"y", U"", U"e", U"yu", U"ya"};
constexpr std::array<std::u32string_view, 32> kAlternative = {
    U"a", U"b", U"v", U"g", U"d", U"e", U"zh", U"z", U"i", U"j", U"k", U"l", U"m", U"n", U"o", U"p",
    U"r", U"s", U"t", U"u", U"f", U"h", U"c", U"ch", U"sh", U"shch", U"", U"i", U"", U"e", U"ju", U"ja"};

}  // namespace

std::u32string transliterate(std::u32string_view text, TranslitScheme scheme) {
  const auto& table = scheme == TranslitScheme::common ? kCommon : kAlternative;
  std::u32string out;
  out.reserve(text.size() * 2);
  for (char32_t cp : text) {
    cp = to_lower(cp);
    if (cp == U'ё') cp = U'е';
    if (cp >= U'а' && cp <= U'я') {
      out += table[cp - U'а'];
    } else {
      out += cp;
    }
  }
  return out;
}

}  // namespace support::text
