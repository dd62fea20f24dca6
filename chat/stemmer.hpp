// Snowball stemmers for the two languages of the product: the published
// Russian algorithm (войти/вхожу/входа share the stem where the language
// allows) and English Porter2. Input is one lower-case word; ё must already
// be folded to е for Russian.
#pragma once

#include <string>

namespace support::chat {

std::u32string stem_russian(std::u32string word);
std::u32string stem_english(std::u32string word);

// Picks the stemmer by the word's script (Cyrillic or Latin); other words are
// returned unchanged. Russian stems of -ировать/-изовать verbs and their
// -ировка nouns are unified one step further than Snowball does.
std::u32string stem(const std::u32string& word);

}  // namespace support::chat
