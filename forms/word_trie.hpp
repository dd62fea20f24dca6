// A compact trie over the password word lists, walked one character at a
// time so that every substring of a password is looked up without building
// strings (and with leet or keyboard-layout substitutions on the fly).
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace support::forms::password {

enum class WordList : std::uint8_t { common, russian, russian_translit, english, name };

class WordTrie {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  static constexpr std::uint32_t kRoot = 0;

  struct Entry {
    std::uint32_t rank = 0;  // 0 = no word ends here
    WordList list = WordList::common;
  };

  WordTrie();
  // Keeps the best (lowest) rank when a word is in several lists.
  void insert(std::u32string_view word, WordList list, std::uint32_t rank);
  std::uint32_t child(std::uint32_t node, char32_t c) const;
  const Entry& entry(std::uint32_t node) const { return nodes_[node].entry; }
  std::size_t size() const { return nodes_.size(); }

 private:
  struct Node {
    std::vector<std::pair<char32_t, std::uint32_t>> children;  // sorted by character
    Entry entry;
  };
  std::vector<Node> nodes_;
};

}  // namespace support::forms::password
