// chat/kb/lexicon.json per locale: stop words, replacements for slang,
// abbreviations and two-word phrases ("учетка" -> "учетная запись",
// "sign in" -> "login", "живой человек" -> "оператор"), and
// synonym groups whose words all match one concept, and weak words: general
// verbs and adjectives ("посмотреть", "nearest") that appear in the
// knowledge base but say little about what a person needs. Also negation words
// (kept as a feature of the next word), word pairs that change a word's sense
// ("не грузятся госуслуги" is the site, not a file upload) and cue groups: words
// that mark a fraud report, a message that is not ours, courtesy or a question.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/config.hpp"

namespace support::chat {

class Lexicon {
 public:
  struct Language {
    std::unordered_set<std::u32string> stopwords;                           // surface forms
    std::unordered_map<std::u32string, std::vector<std::u32string>> replacements;  // word -> words
    // Slang declines too ("двухфакторку", "учеткой"): a replaced word's other
    // forms, by stem, for words long enough that the stem says what they are.
    std::unordered_map<std::u32string, std::vector<std::u32string>> stem_replacements;  // stem -> words
    std::unordered_map<std::u32string, std::vector<std::u32string>> phrases;       // "w1 w2" -> words
    std::unordered_map<std::u32string, std::u32string> concepts;            // stem -> concept (first stem of its group)
    std::unordered_set<std::u32string> weak;                                // features that say little about the intent
    std::unordered_set<std::u32string> strong;                              // domain terms: "криптопро", "vpn"
    std::unordered_set<std::u32string> negations;                           // surface forms: "не", "not"
    // Two neighbouring words (by feature, either order) read as other words.
    std::unordered_map<std::u32string, std::vector<std::u32string>> pairs;  // "f1 f2" -> words
    // A cue group matches a word by its stem ("stems") or by its exact form
    // ("forms"); a form of two words matches a word with the one before it.
    struct Cue {
      std::unordered_set<std::u32string> stems, forms;
      bool matches(const std::u32string& word, const std::u32string& word_stem, const std::u32string& with_previous = {}) const {
        return forms.count(word) > 0 || stems.count(word_stem) > 0 || (!with_previous.empty() && forms.count(with_previous) > 0);
      }
    };
    std::unordered_map<std::string, Cue> cues;  // by group name, see kCueGroups
  };

  // The cue groups a lexicon may define.
  static const std::vector<std::string>& cue_groups();

  static Loaded<Lexicon> load(std::string_view json, const std::vector<std::string>& locales,
                              const std::string& file = "chat/kb/lexicon.json");

  // The language's tables; an empty set for an unknown locale.
  const Language& language(std::string_view locale) const;

 private:
  std::unordered_map<std::string, Language> languages_;
};

}  // namespace support::chat
