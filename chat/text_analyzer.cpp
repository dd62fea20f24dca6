#include "chat/text_analyzer.hpp"

#include "chat/stemmer.hpp"
#include "text/chars.hpp"
#include "text/compose.hpp"
#include "text/utf8.hpp"

namespace support::chat {

namespace {
bool is_word_char(char32_t c) { return text::is_letter(c) || text::is_ascii_digit(c); }
bool is_inner_joiner(char32_t c) { return c == U'-' || c == U'\'' || c == 0x2019; }
}  // namespace

std::vector<std::u32string> split_words(std::u32string_view s, std::size_t max_words) {
  std::vector<std::u32string> words;
  std::u32string current;
  for (std::size_t i = 0; i <= s.size() && words.size() < max_words; ++i) {
    const char32_t c = i < s.size() ? s[i] : U' ';
    const char32_t composed = current.empty() ? 0 : text::compose_pair(current.back(), c);
    if (composed) {  // "й" typed as и + U+0306
      current.back() = composed == U'ё' ? U'е' : composed;
    } else if (is_word_char(c)) {
      char32_t lower = text::to_lower(c);
      current += lower == U'ё' ? U'е' : lower;
    } else if (is_inner_joiner(c) && !current.empty() && i + 1 < s.size() && is_word_char(s[i + 1])) {
      current += c == 0x2019 ? U'\'' : c;
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  return words;
}

namespace {
// A negation reaches past this many stop words to the word it negates.
constexpr int kNegationReach = 3;
std::u32string concept_of(const Lexicon::Language& language, std::u32string word_stem) {
  const auto it = language.concepts.find(word_stem);
  return it == language.concepts.end() ? word_stem : it->second;
}
}  // namespace

std::u32string feature_of(const Lexicon::Language& language, const std::u32string& word) {
  return concept_of(language, stem(word));
}

std::vector<Term> analyze(std::u32string_view text, const Lexicon::Language& language, std::size_t max_words) {
  // Words in order, each marked when a negation ("не", "not") stands before it.
  std::vector<Term> base;
  std::vector<bool> negated;
  int negation_reach = 0;  // words a negation still applies to ("так и не ответили")
  // A word is replaced, or split at hyphens and apostrophes, at most twice:
  // "смс-ку" -> "смс"; "смс-код" -> "смс", "код"; replacements never loop.
  auto emit = [&](auto&& self, const std::u32string& word, int depth) -> void {
    if (word.empty()) return;
    const auto replaced = language.replacements.find(word);
    if (depth < 2 && replaced != language.replacements.end()) {
      for (const auto& w : replaced->second) self(self, w, depth + 1);
      return;
    }
    if (language.negations.count(word)) {
      negation_reach = kNegationReach;
      return;
    }
    const bool stopword = language.stopwords.count(word) > 0;
    std::u32string word_stem;  // stemmed once, for the slang lookup and the feature
    if (depth == 0 && !stopword) {
      word_stem = stem(word);
      const auto declined = language.stem_replacements.find(word_stem);
      if (declined != language.stem_replacements.end()) {
        for (const auto& w : declined->second) self(self, w, depth + 1);
        return;
      }
    }
    if (depth < 2 && word.find_first_of(U"-'") != std::u32string::npos) {
      std::u32string part;
      for (char32_t c : word + U"-") {
        if (c == U'-' || c == U'\'') {
          self(self, part, depth + 1);
          part.clear();
        } else {
          part += c;
        }
      }
      return;
    }
    if (stopword) {
      if (negation_reach > 0) --negation_reach;
      return;
    }
    if (word_stem.empty()) word_stem = stem(word);
    base.push_back({word, concept_of(language, std::move(word_stem))});
    negated.push_back(negation_reach > 0);
    negation_reach = 0;
  };
  const auto words = split_words(text, max_words);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i + 1 < words.size() && !language.phrases.empty()) {
      const auto phrase = language.phrases.find(words[i] + U" " + words[i + 1]);
      if (phrase != language.phrases.end()) {
        for (const auto& w : phrase->second) emit(emit, w, 1);
        ++i;
        continue;
      }
    }
    emit(emit, words[i], 0);
  }
  // Word pairs that change a word's sense, then each negated word's second feature.
  std::vector<Term> terms;
  for (std::size_t i = 0; i < base.size(); ++i) {
    bool negative = negated[i];
    std::size_t from = terms.size();
    const auto pair = i + 1 < base.size() && !language.pairs.empty()
                          ? language.pairs.find(base[i].feature + U" " + base[i + 1].feature)
                          : language.pairs.end();
    if (pair != language.pairs.end()) {
      negative = negative || negated[i + 1];
      for (const auto& w : pair->second) {
        if (!language.stopwords.count(w)) terms.push_back({w, feature_of(language, w)});
      }
      ++i;
    } else {
      terms.push_back(base[i]);
    }
    if (!negative) continue;
    const std::size_t end = terms.size();
    for (std::size_t t = from; t < end; ++t) terms.push_back({terms[t].word, kNegationMark + terms[t].feature});
  }
  return terms;
}

}  // namespace support::chat
