#include "forms/word_trie.hpp"

#include <algorithm>

namespace support::forms::password {

WordTrie::WordTrie() : nodes_(1) {}

std::uint32_t WordTrie::child(std::uint32_t node, char32_t c) const {
  const auto& children = nodes_[node].children;
  const auto it = std::lower_bound(children.begin(), children.end(), c,
                                   [](const auto& edge, char32_t key) { return edge.first < key; });
  return it != children.end() && it->first == c ? it->second : kNone;
}

void WordTrie::insert(std::u32string_view word, WordList list, std::uint32_t rank) {
  std::uint32_t node = kRoot;
  for (char32_t c : word) {
    std::uint32_t next = child(node, c);
    if (next == kNone) {
      next = static_cast<std::uint32_t>(nodes_.size());
      nodes_.emplace_back();
      auto& children = nodes_[node].children;
      const auto at = std::lower_bound(children.begin(), children.end(), c,
                                       [](const auto& edge, char32_t key) { return edge.first < key; });
      children.insert(at, {c, next});
    }
    node = next;
  }
  Entry& e = nodes_[node].entry;
  if (e.rank == 0 || rank < e.rank) e = {rank, list};
}

}  // namespace support::forms::password
