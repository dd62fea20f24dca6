// Canonical composition (the NFC step) for the letters of Russian and of
// Latin-script names: "и" + U+0306 becomes "й", "е" + U+0308 becomes "ё",
// "e" + U+0301 becomes "é". Text pasted from PDFs and some keyboards arrives
// decomposed, and a decomposed "й" must not fail a name or split a word.
// Covers Latin-1 Supplement, Latin Extended-A/B and Cyrillic; other marks are kept as they are.
#pragma once

#include <string>
#include <string_view>

namespace support::text {

// The precomposed letter for base + combining mark, or 0 when there is none.
char32_t compose_pair(char32_t base, char32_t mark);

std::u32string compose(std::u32string_view text);

}  // namespace support::text
