#include "chat/stemmer.hpp"

#include <unordered_map>

namespace support::chat {

namespace {

constexpr std::size_t kRememberedWords = 8192;
constexpr std::size_t kLongestRemembered = 40;  // letters; longer "words" are noise, not vocabulary

// The stem ends with `tail` and keeps at least three letters of root before it.
bool ends_with_after_root(const std::u32string& s, std::u32string_view tail) {
  return s.size() > tail.size() + 2 && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Snowball leaves the -ировать/-изовать verbs of tech Russian with three stems
// ("заблокировать" заблокирова, "заблокируйте" заблокир, "заблокирую"
// заблокиру; "блокировка" блокировк): one stem for all of them.
std::u32string unify_russian_verb_stem(std::u32string s) {
  for (std::u32string_view suffix : {U"ирова", U"изова", U"ировк", U"изовк"}) {
    if (ends_with_after_root(s, suffix)) return s.substr(0, s.size() - 3);
  }
  for (std::u32string_view suffix : {U"иру", U"изу"}) {
    if (ends_with_after_root(s, suffix)) return s.substr(0, s.size() - 1);
  }
  return s;
}

std::u32string stem_uncached(const std::u32string& word) {
  const char32_t c = word.back();
  if (c >= U'а' && c <= U'я') return unify_russian_verb_stem(stem_russian(word));
  if (c >= U'a' && c <= U'z') return stem_english(word);
  return word;
}

}  // namespace

std::u32string stem(const std::u32string& word) {
  if (word.empty()) return word;
  if (word.size() > kLongestRemembered) return stem_uncached(word);
  // A stem costs hundreds of suffix comparisons and people reuse their words:
  // the words stemmed last are remembered (per thread; forgotten all at once
  // when there are too many, so a flood of distinct words stays bounded).
  thread_local std::unordered_map<std::u32string, std::u32string> remembered;
  if (const auto it = remembered.find(word); it != remembered.end()) return it->second;
  if (remembered.size() >= kRememberedWords) remembered.clear();
  return remembered.emplace(word, stem_uncached(word)).first->second;
}

}  // namespace support::chat
