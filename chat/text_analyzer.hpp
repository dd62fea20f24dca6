// Turns free text into matching features, the same way for knowledge-base
// examples and for what people type: lower case, ё as е, slang and
// abbreviations replaced, stop words dropped, words stemmed, synonyms mapped
// to one concept; a word after a negation also yields a negated feature
// ("не пришел" -> "пришл", "¬пришл"), and lexicon word pairs are read as their
// replacement. Never throws; invalid UTF-8 is read as U+FFFD.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chat/lexicon.hpp"

namespace support::chat {

// Prefix of a negated feature: a character no word contains.
inline constexpr char32_t kNegationMark[] = U"\u00AC";

struct Term {
  std::u32string word;     // surface form after replacement, lower case
  std::u32string feature;  // concept or stem: what is matched
};

// Words of the text: letters and digits, with inner hyphens and apostrophes
// kept ("e-mail", "can't"); lower case, ё folded. At most `max_words`.
constexpr std::size_t kMaxSplitWords = 256;
std::vector<std::u32string> split_words(std::u32string_view text, std::size_t max_words = kMaxSplitWords);

// The feature of one word (no replacement, no stop-word check).
std::u32string feature_of(const Lexicon::Language& language, const std::u32string& word);

std::vector<Term> analyze(std::u32string_view text, const Lexicon::Language& language, std::size_t max_words = 256);

}  // namespace support::chat
