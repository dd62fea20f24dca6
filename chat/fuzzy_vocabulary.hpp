// Finds the known word nearest to a misspelt one ("вайти" -> "войти",
// "пороль" -> "пароль"). Words are kept by first letter and length, so a
// lookup measures only the few words that could be near (same first letter,
// length within the allowed typos). A deletion index (SymSpell) found the same
// words, but building it took most of the chat's start-up.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace support::chat {

// Optimal string alignment distance (Levenshtein plus adjacent transposition),
// or max + 1 as soon as it exceeds `max`.
int edit_distance(const std::u32string& a, const std::u32string& b, int max);

// Allowed typos by word length: none up to 4 letters, one up to 7, two beyond.
int allowed_distance(std::size_t length);

class FuzzyVocabulary {
 public:
  void add(const std::u32string& word, std::uint32_t weight = 1);  // weight breaks ties
  bool contains(const std::u32string& word) const { return ids_.count(word) > 0; }

  struct Hit {
    std::u32string word;
    int distance;
  };
  // The nearest known word with the same first letter, within
  // allowed_distance(word.size()); nullopt if none.
  std::optional<Hit> nearest(const std::u32string& word) const;

 private:
  std::vector<std::u32string> words_;
  std::vector<std::uint32_t> weights_;
  std::unordered_map<std::u32string, std::uint32_t> ids_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_start_;  // (first letter, length) -> ids
};

}  // namespace support::chat
