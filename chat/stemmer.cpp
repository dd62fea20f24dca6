#include "chat/stemmer.hpp"

namespace support::chat {

namespace {

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

}  // namespace

std::u32string stem(const std::u32string& word) {
  if (word.empty()) return word;
  const char32_t c = word.back();
  if (c >= U'а' && c <= U'я') return unify_russian_verb_stem(stem_russian(word));
  if (c >= U'a' && c <= U'z') return stem_english(word);
  return word;
}

}  // namespace support::chat
