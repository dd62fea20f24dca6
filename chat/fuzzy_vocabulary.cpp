#include "chat/fuzzy_vocabulary.hpp"

#include <algorithm>
#include <vector>

namespace support::chat {

namespace {

constexpr std::size_t kMaxIndexedLength = 24;

std::uint64_t start_key(char32_t first, std::size_t length) { return (static_cast<std::uint64_t>(first) << 8) | length; }

}  // namespace

// One typo away, a short word is usually another real word ("play" / "pay",
// "life" / "line", "form" / "from"): words of up to four letters are never corrected.
int allowed_distance(std::size_t length) {
  if (length <= 4) return 0;
  return length <= 7 ? 1 : 2;
}

int edit_distance(const std::u32string& a, const std::u32string& b, int max) {
  const std::size_t n = a.size(), m = b.size();
  if (static_cast<int>(n > m ? n - m : m - n) > max) return max + 1;
  // Three rows, on the stack for vocabulary words: this runs for every known
  // word near an unknown one.
  int on_stack[3 * (kMaxIndexedLength + 1)];
  std::vector<int> on_heap;
  int* rows = on_stack;
  if (m > kMaxIndexedLength) {
    on_heap.resize(3 * (m + 1));
    rows = on_heap.data();
  }
  int* prev2 = rows;
  int* prev = rows + (m + 1);
  int* cur = rows + 2 * (m + 1);
  const char32_t* const pa = a.data();  // raw letters: at -Oz operator[] is a call
  const char32_t* const pb = b.data();
  for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    int row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = pa[i - 1] == pb[j - 1] ? 0 : 1;
      int d = prev[j] < cur[j - 1] ? prev[j] + 1 : cur[j - 1] + 1;
      if (prev[j - 1] + cost < d) d = prev[j - 1] + cost;
      if (i > 1 && j > 1 && pa[i - 1] == pb[j - 2] && pa[i - 2] == pb[j - 1] && prev2[j - 2] + 1 < d) d = prev2[j - 2] + 1;
      cur[j] = d;
      if (d < row_min) row_min = d;
    }
    if (row_min > max) return max + 1;
    int* const oldest = prev2;
    prev2 = prev;
    prev = cur;
    cur = oldest;
  }
  return prev[m];
}

void FuzzyVocabulary::add(const std::u32string& word, std::uint32_t weight) {
  if (word.empty() || word.size() > kMaxIndexedLength) return;
  const auto found = ids_.find(word);
  if (found != ids_.end()) {
    weights_[found->second] += weight;
    return;
  }
  const auto id = static_cast<std::uint32_t>(words_.size());
  words_.push_back(word);
  weights_.push_back(weight);
  ids_.emplace(word, id);
  by_start_[start_key(word[0], word.size())].push_back(id);
}

std::optional<FuzzyVocabulary::Hit> FuzzyVocabulary::nearest(const std::u32string& word) const {
  const int max = allowed_distance(word.size());
  if (max == 0 || word.size() > kMaxIndexedLength) return std::nullopt;
  std::optional<Hit> best;
  std::uint32_t best_weight = 0;
  // People rarely mistype the first letter; a word more typos longer or shorter cannot be near.
  const std::size_t shortest = word.size() > static_cast<std::size_t>(max) ? word.size() - max : 1;
  for (std::size_t length = shortest; length <= word.size() + max && length <= kMaxIndexedLength; ++length) {
    const auto it = by_start_.find(start_key(word[0], length));
    if (it == by_start_.end()) continue;
    for (std::uint32_t id : it->second) {
      const int d = edit_distance(word, words_[id], max);
      if (d > max) continue;
      const bool better = !best || d < best->distance || (d == best->distance && weights_[id] > best_weight) ||
                          (d == best->distance && weights_[id] == best_weight && words_[id] < best->word);
      if (better) {
        best = Hit{words_[id], d};
        best_weight = weights_[id];
      }
    }
  }
  return best;
}

}  // namespace support::chat
