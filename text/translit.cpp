#include "text/translit.hpp"

#include <array>
#include <utility>

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

std::u32string detransliterate(std::u32string_view text) {
  // Longest groups first.
  static constexpr std::array<std::pair<std::u32string_view, std::u32string_view>, 18> kGroups = {{
      {U"shch", U"щ"}, {U"sch", U"щ"}, {U"zh", U"ж"}, {U"kh", U"х"}, {U"ts", U"ц"}, {U"ch", U"ч"},
      {U"sh", U"ш"},   {U"yu", U"ю"},  {U"ya", U"я"}, {U"ju", U"ю"}, {U"ja", U"я"}, {U"yo", U"е"},
      {U"jo", U"е"},   {U"ye", U"е"},  {U"iy", U"ий"}, {U"yy", U"ый"}, {U"ij", U"ий"}, {U"x", U"кс"},
  }};
  static constexpr std::u32string_view kLatin = U"abvgdezijklmnoprstufhcwq'";
  static constexpr std::u32string_view kCyrillic = U"абвгдезийклмнопрстуфхцвкь";
  auto is_latin_vowel = [](char32_t c) { return c == U'a' || c == U'e' || c == U'i' || c == U'o' || c == U'u'; };
  std::u32string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t c = to_lower(text[i]);
    bool grouped = false;
    for (const auto& [latin, cyrillic] : kGroups) {
      if (i + latin.size() > text.size()) continue;
      bool match = true;
      for (std::size_t k = 0; k < latin.size() && match; ++k) match = to_lower(text[i + k]) == latin[k];
      if (match) {
        out += cyrillic;
        i += latin.size();
        grouped = true;
        break;
      }
    }
    if (grouped) continue;
    if (c == U'y') {
      // "y" after a vowel is й ("voyti"), otherwise ы ("ty").
      out += i > 0 && is_latin_vowel(to_lower(text[i - 1])) ? U'й' : U'ы';
    } else if (const auto at = kLatin.find(c); at != std::u32string_view::npos) {
      out += kCyrillic[at];
    } else {
      out += text[i];
    }
    ++i;
  }
  return out;
}

}  // namespace support::text
