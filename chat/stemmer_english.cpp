// The Snowball English (Porter2) stemmer (snowballstem.org/algorithms/english).
#include <array>
#include <string_view>
#include <utility>

#include "chat/stemmer.hpp"

namespace support::chat {

namespace {

bool is_vowel(char32_t c) { return c == U'a' || c == U'e' || c == U'i' || c == U'o' || c == U'u' || c == U'y'; }
bool is_double(std::u32string_view s) {
  if (s.size() < 2) return false;
  const char32_t a = s[s.size() - 1];
  if (a != s[s.size() - 2]) return false;
  return a == U'b' || a == U'd' || a == U'f' || a == U'g' || a == U'm' || a == U'n' || a == U'p' || a == U'r' ||
         a == U't';
}
bool is_li_ending(char32_t c) {
  return c == U'c' || c == U'd' || c == U'e' || c == U'g' || c == U'h' || c == U'k' || c == U'm' || c == U'n' ||
         c == U'r' || c == U't';
}

class EnglishStemmer {
 public:
  explicit EnglishStemmer(std::u32string w) : w_(std::move(w)) {}

  std::u32string run() {
    if (w_.size() <= 2) return w_;
    if (const auto* e = exception1()) return e;
    if (w_[0] == U'\'') w_.erase(0, 1);
    mark_consonant_y();
    set_regions();
    step0();
    step1a();
    for (std::u32string_view inv : {U"inning", U"outing", U"canning", U"herring", U"earring", U"proceed", U"exceed",
                                    U"succeed"}) {
      if (w_ == inv) return restore_y();
    }
    step1b();
    step1c();
    step2();
    step3();
    step4();
    step5();
    return restore_y();
  }

 private:
  std::u32string w_;
  std::size_t r1_ = 0, r2_ = 0;

  const char32_t* exception1() const {
    static constexpr std::array<std::pair<std::u32string_view, const char32_t*>, 18> kExceptions = {{
        {U"skis", U"ski"}, {U"skies", U"sky"}, {U"dying", U"die"}, {U"lying", U"lie"}, {U"tying", U"tie"},
        {U"idly", U"idl"}, {U"gently", U"gentl"}, {U"ugly", U"ugli"}, {U"early", U"earli"}, {U"only", U"onli"},
        {U"singly", U"singl"}, {U"sky", U"sky"}, {U"news", U"news"}, {U"howe", U"howe"}, {U"atlas", U"atlas"},
        {U"cosmos", U"cosmos"}, {U"bias", U"bias"}, {U"andes", U"andes"},
    }};
    for (const auto& [word, stem] : kExceptions) {
      if (w_ == word) return stem;
    }
    return nullptr;
  }

  // Compared from the last letter: most endings tried fail on it at once.
  bool ends(std::u32string_view s) const {
    if (w_.size() < s.size()) return false;
    const char32_t* tail = w_.data() + (w_.size() - s.size());
    for (std::size_t i = s.size(); i-- > 0;) {
      if (tail[i] != s[i]) return false;
    }
    return true;
  }
  std::size_t stem_len(std::u32string_view suffix) const { return w_.size() - suffix.size(); }
  bool in_r1(std::u32string_view s) const { return ends(s) && stem_len(s) >= r1_; }
  bool in_r2(std::u32string_view s) const { return ends(s) && stem_len(s) >= r2_; }
  void replace(std::u32string_view suffix, std::u32string_view with) {
    w_.resize(stem_len(suffix));
    w_ += with;
  }

  bool vowel_at(std::size_t i) const { return is_vowel(w_[i]); }
  bool has_vowel(std::size_t end) const {
    for (std::size_t i = 0; i < end; ++i) {
      if (vowel_at(i)) return true;
    }
    return false;
  }

  void mark_consonant_y() {
    if (w_[0] == U'y') w_[0] = U'Y';
    for (std::size_t i = 1; i < w_.size(); ++i) {
      if (w_[i] == U'y' && is_vowel(w_[i - 1])) w_[i] = U'Y';
    }
  }
  std::u32string restore_y() {
    for (auto& c : w_) {
      if (c == U'Y') c = U'y';
    }
    return w_;
  }

  std::size_t region_after(std::size_t from) const {
    for (std::size_t i = from + 1; i < w_.size(); ++i) {
      if (!vowel_at(i) && vowel_at(i - 1)) return i + 1;
    }
    return w_.size();
  }
  // R1: after the first non-vowel following a vowel (or after gener-,
  // commun-, arsen-); R2: the same rule applied inside R1.
  void set_regions() {
    r1_ = region_after(0);
    for (std::u32string_view prefix : {U"gener", U"commun", U"arsen"}) {
      if (std::u32string_view(w_).substr(0, prefix.size()) == prefix) r1_ = prefix.size();
    }
    r2_ = region_after(r1_);
  }

  // A short syllable ends the word: consonant-vowel-consonant (last not w, x
  // or Y), or vowel-consonant at the start of the word.
  bool ends_short_syllable() const {
    const std::size_t n = w_.size();
    if (n == 2) return vowel_at(0) && !vowel_at(1);
    if (n >= 3) {
      const char32_t last = w_[n - 1];
      return !vowel_at(n - 3) && vowel_at(n - 2) && !vowel_at(n - 1) && last != U'w' && last != U'x' && last != U'Y';
    }
    return false;
  }
  bool is_short_word() const { return r1_ >= w_.size() && ends_short_syllable(); }

  void step0() {
    for (std::u32string_view s : {U"'s'", U"'s", U"'"}) {
      if (ends(s)) {
        w_.resize(stem_len(s));
        return;
      }
    }
  }

  void step1a() {
    if (ends(U"sses")) return replace(U"sses", U"ss");
    if (ends(U"ied") || ends(U"ies")) {  // "cries" -> "cri", "ties" -> "tie"
      const bool long_stem = w_.size() > 4;
      w_.resize(w_.size() - 3);
      w_ += long_stem ? U"i" : U"ie";
      return;
    }
    if (ends(U"us") || ends(U"ss")) return;
    if (ends(U"s") && w_.size() >= 2 && has_vowel(w_.size() - 2)) w_.pop_back();
  }

  void step1b() {
    for (std::u32string_view s : {U"eedly", U"eed"}) {
      if (ends(s)) {
        if (stem_len(s) >= r1_) replace(s, U"ee");
        return;
      }
    }
    for (std::u32string_view s : {U"ingly", U"edly", U"ing", U"ed"}) {
      if (!ends(s)) continue;
      if (!has_vowel(stem_len(s))) return;
      w_.resize(stem_len(s));
      if (ends(U"at") || ends(U"bl") || ends(U"iz")) {
        w_ += U'e';
      } else if (is_double(w_)) {
        w_.pop_back();
      } else if (is_short_word()) {
        w_ += U'e';
      }
      return;
    }
  }

  void step1c() {
    const std::size_t n = w_.size();
    if (n > 2 && (w_[n - 1] == U'y' || w_[n - 1] == U'Y') && !vowel_at(n - 2)) w_[n - 1] = U'i';
  }

  void step2() {
    static constexpr std::array<std::pair<std::u32string_view, std::u32string_view>, 24> kRules = {{
        {U"ization", U"ize"}, {U"ational", U"ate"}, {U"fulness", U"ful"}, {U"ousness", U"ous"}, {U"iveness", U"ive"},
        {U"tional", U"tion"}, {U"biliti", U"ble"},  {U"lessli", U"less"}, {U"entli", U"ent"},   {U"ation", U"ate"},
        {U"alism", U"al"},    {U"aliti", U"al"},    {U"ousli", U"ous"},   {U"iviti", U"ive"},   {U"fulli", U"ful"},
        {U"enci", U"ence"},   {U"anci", U"ance"},   {U"abli", U"able"},   {U"izer", U"ize"},    {U"ator", U"ate"},
        {U"alli", U"al"},     {U"bli", U"ble"},     {U"ogi", U"og"},      {U"li", U""},
    }};
    for (const auto& [suffix, with] : kRules) {
      if (!ends(suffix)) continue;
      if (stem_len(suffix) < r1_) return;
      if (suffix == U"ogi" && !(stem_len(suffix) > 0 && w_[stem_len(suffix) - 1] == U'l')) return;
      if (suffix == U"li" && !(stem_len(suffix) > 0 && is_li_ending(w_[stem_len(suffix) - 1]))) return;
      return replace(suffix, with);
    }
  }

  void step3() {
    static constexpr std::array<std::pair<std::u32string_view, std::u32string_view>, 9> kRules = {{
        {U"ational", U"ate"}, {U"tional", U"tion"}, {U"alize", U"al"}, {U"icate", U"ic"}, {U"iciti", U"ic"},
        {U"ative", U""},      {U"ical", U"ic"},     {U"ness", U""},    {U"ful", U""},
    }};
    for (const auto& [suffix, with] : kRules) {
      if (!ends(suffix)) continue;
      if (stem_len(suffix) < r1_) return;
      if (suffix == U"ative" && stem_len(suffix) < r2_) return;
      return replace(suffix, with);
    }
  }

  void step4() {
    static constexpr std::array<std::u32string_view, 18> kSuffixes = {
        U"ement", U"ance", U"ence", U"able", U"ible", U"ment", U"ant", U"ent", U"ism",
        U"ate",   U"iti",  U"ous",  U"ive",  U"ize",  U"ion",  U"al",  U"er",  U"ic"};
    for (auto suffix : kSuffixes) {
      if (!ends(suffix)) continue;
      if (stem_len(suffix) < r2_) return;
      if (suffix == U"ion") {
        const std::size_t at = stem_len(suffix);
        if (at == 0 || (w_[at - 1] != U's' && w_[at - 1] != U't')) return;
      }
      w_.resize(stem_len(suffix));
      return;
    }
  }

  void step5() {
    if (ends(U"e")) {
      const std::size_t at = stem_len(U"e");
      if (at >= r2_) {
        w_.pop_back();
      } else if (at >= r1_) {
        const std::u32string before = w_.substr(0, at);
        EnglishStemmer probe(before);
        if (!probe.ends_short_syllable()) w_.pop_back();
      }
    } else if (ends(U"l") && stem_len(U"l") >= r2_ && w_.size() >= 2 && w_[w_.size() - 2] == U'l') {
      w_.pop_back();
    }
  }
};

}  // namespace

std::u32string stem_english(std::u32string word) { return EnglishStemmer(std::move(word)).run(); }

}  // namespace support::chat
