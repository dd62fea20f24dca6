// Russian -> Latin transliteration as people type it in logins and passwords
// ("пароль" -> "parol", "любовь" -> "lyubov" / "ljubov"). Two common schemes,
// so a lookup can try both; not a standard for documents.
#pragma once

#include <string>
#include <string_view>

namespace support::text {

enum class TranslitScheme {
  common,       // й=y, х=kh, ц=ts, щ=sch, ю=yu, я=ya, ы=y
  alternative,  // й=j, х=h, ц=c, щ=shch, ю=ju, я=ja, ы=i
};

// Lower-cases and transliterates Cyrillic letters; other characters are kept.
std::u32string transliterate(std::u32string_view text, TranslitScheme scheme);

// The other way: Russian written in Latin letters ("ne mogu voyti") back to
// Cyrillic («не могу войти»), greedily, longest letter group first. Both
// schemes and common variants are read; the result is a best guess for
// matching, not a faithful transcription. Non-Latin characters are kept.
std::u32string detransliterate(std::u32string_view text);

}  // namespace support::text
