// The Snowball Russian stemmer (snowballstem.org/algorithms/russian).
#include <array>
#include <string_view>

#include "chat/stemmer.hpp"

namespace support::chat {

namespace {

using Endings = std::initializer_list<std::u32string_view>;

bool is_vowel(char32_t c) {
  switch (c) {
    case U'а': case U'е': case U'и': case U'о': case U'у': case U'ы': case U'э': case U'ю': case U'я':
      return true;
    default:
      return false;
  }
}

// Compared from the last letter: most endings tried fail on it at once.
bool ends_with(const std::u32string& w, std::u32string_view s) {
  if (w.size() < s.size()) return false;
  const char32_t* tail = w.data() + (w.size() - s.size());
  for (std::size_t i = s.size(); i-- > 0;) {
    if (tail[i] != s[i]) return false;
  }
  return true;
}

class RussianStemmer {
 public:
  explicit RussianStemmer(std::u32string word) : w_(std::move(word)) {
    // RV: after the first vowel. R1: after the first non-vowel following a
    // vowel. R2: the same rule applied inside R1.
    rv_ = w_.size();
    for (std::size_t i = 0; i < w_.size(); ++i) {
      if (is_vowel(w_[i])) {
        rv_ = i + 1;
        break;
      }
    }
    const std::size_t r1 = region_after(0);
    r2_ = region_after(r1);
  }

  std::u32string run() {
    step1();
    if (ends_with_in_rv(U"и")) w_.pop_back();  // step 2
    // Step 3: derivational ending inside R2.
    for (std::u32string_view s : {std::u32string_view(U"ость"), std::u32string_view(U"ост")}) {
      if (ends_with(w_, s) && w_.size() - s.size() >= r2_ && w_.size() - s.size() >= rv_) {
        w_.resize(w_.size() - s.size());
        break;
      }
    }
    step4();
    return w_;
  }

 private:
  std::u32string w_;
  std::size_t rv_, r2_;

  std::size_t region_after(std::size_t from) const {
    for (std::size_t i = from + 1; i < w_.size(); ++i) {
      if (!is_vowel(w_[i]) && is_vowel(w_[i - 1])) return i + 1;
    }
    return w_.size();
  }

  bool ends_with_in_rv(std::u32string_view s) const { return ends_with(w_, s) && w_.size() - s.size() >= rv_; }

  // The longest ending of `group1` (which must follow а or я, itself in RV)
  // or `group2`. Removes it and returns true; false when the longest match
  // fails its condition, as Snowball's among does.
  bool remove_longest(Endings group1, Endings group2) {
    std::u32string_view best;
    bool best_is_group1 = false;
    for (auto s : group1) {
      if (s.size() > best.size() && ends_with_in_rv(s)) best = s, best_is_group1 = true;
    }
    for (auto s : group2) {
      if (s.size() > best.size() && ends_with_in_rv(s)) best = s, best_is_group1 = false;
    }
    if (best.empty()) return false;
    const std::size_t start = w_.size() - best.size();
    if (best_is_group1) {
      if (start == 0 || start - 1 < rv_ || (w_[start - 1] != U'а' && w_[start - 1] != U'я')) return false;
    }
    w_.resize(start);
    return true;
  }

  bool adjectival() {
    if (!remove_longest({}, {U"ее", U"ие", U"ые", U"ое", U"ими", U"ыми", U"ей", U"ий", U"ый", U"ой", U"ем", U"им",
                             U"ым", U"ом", U"его", U"ого", U"ему", U"ому", U"их", U"ых", U"ую", U"юю", U"ая", U"яя",
                             U"ою", U"ею"})) {
      return false;
    }
    remove_longest({U"ем", U"нн", U"вш", U"ющ", U"щ"}, {U"ивш", U"ывш", U"ующ"});  // participle
    return true;
  }

  void step1() {
    if (remove_longest({U"в", U"вши", U"вшись"}, {U"ив", U"ивши", U"ившись", U"ыв", U"ывши", U"ывшись"})) return;
    remove_longest({}, {U"ся", U"сь"});  // reflexive
    if (adjectival()) return;
    if (remove_longest({U"ла", U"на", U"ете", U"йте", U"ли", U"й", U"л", U"ем", U"н", U"ло", U"но", U"ет", U"ют", U"ны",
                        U"ть", U"ешь", U"нно"},
                       {U"ила", U"ыла", U"ена", U"ейте", U"уйте", U"ите", U"или", U"ыли", U"ей", U"уй", U"ил", U"ыл",
                        U"им", U"ым", U"ен", U"ило", U"ыло", U"ено", U"ят", U"ует", U"уют", U"ит", U"ыт", U"ены",
                        U"ить", U"ыть", U"ишь", U"ую", U"ю"})) {
      return;
    }
    remove_longest({}, {U"а", U"ев", U"ов", U"ие", U"ье", U"е", U"иями", U"ями", U"ами", U"еи", U"ии", U"и", U"ией",
                        U"ей", U"ой", U"ий", U"й", U"иям", U"ям", U"ием", U"ем", U"ам", U"ом", U"о", U"у", U"ах",
                        U"иях", U"ях", U"ы", U"ь", U"ию", U"ью", U"ю", U"ия", U"ья", U"я"});
  }

  void step4() {
    if (ends_with_in_rv(U"нн")) {
      w_.pop_back();
      return;
    }
    if (remove_longest({}, {U"ейш", U"ейше"})) {
      if (ends_with_in_rv(U"нн")) w_.pop_back();
      return;
    }
    if (ends_with_in_rv(U"ь")) w_.pop_back();
  }
};

}  // namespace

std::u32string stem_russian(std::u32string word) { return RussianStemmer(std::move(word)).run(); }

}  // namespace support::chat
