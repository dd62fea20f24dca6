#include "forms/password_strength.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "forms/date_field.hpp"
#include "forms/phone.hpp"
#include "text/chars.hpp"
#include "text/keyboard.hpp"
#include "text/translit.hpp"
#include "text/utf8.hpp"

namespace support::forms::password {

namespace {

constexpr std::size_t kMaxAnalysed = 64;  // code points; longer passwords are too long anyway
constexpr int kMaxSegments = 16;          // beyond this the order factor no longer matters
constexpr std::size_t kMinWordLength = 3;
constexpr double kBruteforceLog10PerChar = 1.0;  // 10 guesses per unexplained character
constexpr double kKeyboardStartingKeys = 94;
constexpr double kKeyboardAverageDegree = 4.6;
constexpr int kMinYearSpace = 20;
constexpr double kLog10AffixGuesses = 2.0;  // one character of ~100 before or after a word
// Each piece beyond the first costs at least this many guesses (log10). zxcvbn
// uses 10^4, which rates any three-piece password "good" however weak the
// pieces (name + birth date + "!"); 10^3 keeps such passwords at "weak".
constexpr double kLog10MinGuessesPerExtraPiece = 3.0;

enum class Pattern : std::uint8_t { common, word, layout_word, keyboard, sequence, repeat, date, personal };

struct Match {
  std::size_t i, j;  // inclusive span
  double log10_guesses;
  Pattern pattern;
};

struct Leet {
  char32_t symbol;
  std::array<char32_t, 2> letters;
};
constexpr std::array<Leet, 17> kLeet = {{{U'@', {U'a', 0}},  {U'4', {U'a', 0}}, {U'8', {U'b', 0}},
                                         {U'(', {U'c', 0}},  {U'3', {U'e', 0}}, {U'6', {U'g', 0}},
                                         {U'9', {U'g', 0}},  {U'1', {U'i', U'l'}}, {U'!', {U'i', 0}},
                                         {U'|', {U'i', U'l'}}, {U'0', {U'o', 0}}, {U'$', {U's', 0}},
                                         {U'5', {U's', 0}},  {U'7', {U't', 0}}, {U'+', {U't', 0}},
                                         {U'2', {U'z', 0}},  {U'%', {U'x', 0}}}};

const Leet* leet_of(char32_t c) {
  for (const auto& l : kLeet) {
    if (l.symbol == c) return &l;
  }
  return nullptr;
}

double binomial(int n, int k) {
  if (k < 0 || k > n) return 0;
  double r = 1;
  for (int i = 1; i <= k; ++i) r = r * (n - k + i) / i;
  return r;
}

char32_t fold(char32_t c) {
  c = text::to_lower(c);
  return c == U'ё' ? U'е' : c;
}

// zxcvbn's uppercase variations: all lower 1; first, last or all upper 2;
// otherwise the ways to choose the upper-case positions.
double case_variations(const std::u32string& original, std::size_t i, std::size_t j) {
  int upper = 0, lower = 0;
  for (std::size_t k = i; k <= j; ++k) {
    if (text::to_lower(original[k]) != original[k]) ++upper;
    else if (text::to_upper(original[k]) != original[k]) ++lower;
  }
  if (upper == 0) return 1;
  const bool first = upper == 1 && text::to_lower(original[i]) != original[i];
  const bool last = upper == 1 && text::to_lower(original[j]) != original[j];
  if (lower == 0 || first || last) return 2;
  double v = 0;
  for (int k = 1; k <= std::min(upper, lower); ++k) v += binomial(upper + lower, k);
  return v;
}

Pattern pattern_of(WordList list) { return list == WordList::common ? Pattern::common : Pattern::word; }

void add(std::vector<Match>& out, std::size_t i, std::size_t j, double guesses, Pattern p) {
  const double min_guesses = i == j ? 10 : 50;
  out.push_back({i, j, std::log10(std::max(guesses, min_guesses)), p});
}

// Every dictionary word starting at `start`, trying leet readings of symbols.
void match_words(const WordTrie& trie, const std::u32string& lower, const std::u32string& original,
                 std::size_t start, std::vector<Match>& out) {
  auto step = [&](auto&& self, std::uint32_t node, std::size_t pos, int substitutions) -> void {
    const char32_t c = lower[pos];
    std::array<char32_t, 3> candidates{c, 0, 0};
    if (const Leet* l = leet_of(c)) candidates[1] = l->letters[0], candidates[2] = l->letters[1];
    for (char32_t candidate : candidates) {
      if (!candidate) continue;
      const std::uint32_t next = trie.child(node, candidate);
      if (next == WordTrie::kNone) continue;
      const int subs = substitutions + (candidate != c);
      const auto& e = trie.entry(next);
      if (e.rank && pos - start + 1 >= kMinWordLength) {
        const double leet = subs ? std::pow(2.0, subs) : 1;
        add(out, start, pos, e.rank * case_variations(original, start, pos) * leet, pattern_of(e.list));
      }
      if (pos + 1 < lower.size()) self(self, next, pos + 1, subs);
    }
  };
  step(step, WordTrie::kRoot, start, 0);
}

// Russian words typed with the Latin layout on: "gfhjkm" is «пароль».
void match_layout_words(const WordTrie& trie, const std::u32string& lower, const std::u32string& original,
                        std::size_t start, std::vector<Match>& out) {
  std::uint32_t node = WordTrie::kRoot;
  for (std::size_t pos = start; pos < lower.size(); ++pos) {
    const char32_t key = fold(text::latin_key_to_cyrillic(lower[pos]));
    if (!key || (node = trie.child(node, key)) == WordTrie::kNone) return;
    const auto& e = trie.entry(node);
    if (e.rank && e.list == WordList::russian && pos - start + 1 >= kMinWordLength) {
      add(out, start, pos, e.rank * 2.0 * case_variations(original, start, pos), Pattern::layout_word);
    }
  }
}

// A word with one character stuck to it ("J" + «наташа» in the Latin layout,
// "natasha" + "x"): guessing rules prepend and append a character, so the pair
// is one piece, not two.
void match_word_affixes(std::size_t n, std::vector<Match>& out) {
  const std::size_t words = out.size();
  for (std::size_t m = 0; m < words; ++m) {
    const Match w = out[m];
    if (w.pattern != Pattern::word && w.pattern != Pattern::layout_word && w.pattern != Pattern::common) continue;
    if (w.i > 0) out.push_back({w.i - 1, w.j, w.log10_guesses + kLog10AffixGuesses, w.pattern});
    if (w.j + 1 < n) out.push_back({w.i, w.j + 1, w.log10_guesses + kLog10AffixGuesses, w.pattern});
  }
}

// Latin words typed with the Russian layout on: "зфыыцщкв" is "password".
void match_cyrillic_layout_words(const WordTrie& trie, const std::u32string& lower, const std::u32string& original,
                                 std::size_t start, std::vector<Match>& out) {
  std::uint32_t node = WordTrie::kRoot;
  for (std::size_t pos = start; pos < lower.size(); ++pos) {
    const char32_t key = text::to_lower(text::cyrillic_key_to_latin(lower[pos]));
    if (!key || (node = trie.child(node, key)) == WordTrie::kNone) return;
    const auto& e = trie.entry(node);
    if (e.rank && e.list != WordList::russian && pos - start + 1 >= kMinWordLength) {
      // "йцукен" is "qwerty": a common password, whatever the layout.
      const Pattern p = e.list == WordList::common ? Pattern::common : Pattern::layout_word;
      add(out, start, pos, e.rank * 2.0 * case_variations(original, start, pos), p);
    }
  }
}

// Words written backwards ("drowssap").
void match_reversed_words(const WordTrie& trie, const std::u32string& lower, const std::u32string& original,
                          std::vector<Match>& out) {
  const std::size_t n = lower.size();
  for (std::size_t end = n; end-- > 0;) {  // walk leftwards from `end`
    std::uint32_t node = WordTrie::kRoot;
    for (std::size_t pos = end + 1; pos-- > 0;) {
      if ((node = trie.child(node, lower[pos])) == WordTrie::kNone) break;
      const auto& e = trie.entry(node);
      if (e.rank && end - pos + 1 >= kMinWordLength) {
        add(out, pos, end, e.rank * 2.0 * case_variations(original, pos, end), pattern_of(e.list));
      }
    }
  }
}

// Runs of neighbouring keys: "qwerty", "1q2w3e", "zxcvbn", "йцукен".
void match_keyboard(const std::u32string& original, std::vector<Match>& out) {
  const std::size_t n = original.size();
  std::size_t i = 0;
  while (i + 2 < n) {
    std::size_t j = i;
    int turns = 0, last = 0;
    while (j + 1 < n) {
      const int d = text::key_step_direction(original[j], original[j + 1]);
      if (!d) break;
      if (d != last) ++turns, last = d;
      ++j;
    }
    const std::size_t length = j - i + 1;
    if (length >= 3) {
      double guesses = 0;
      for (std::size_t l = 2; l <= length; ++l) {
        for (int t = 1; t <= std::min<int>(turns, static_cast<int>(l) - 1); ++t) {
          guesses += binomial(static_cast<int>(l) - 1, t - 1) * kKeyboardStartingKeys *
                     std::pow(kKeyboardAverageDegree, t);
        }
      }
      int shifted = 0;
      for (std::size_t k = i; k <= j; ++k) {
        const auto key = text::key_position(original[k]);
        shifted += key && key->shifted;
      }
      const int unshifted = static_cast<int>(length) - shifted;
      if (shifted > 0) {
        double variations = 0;
        if (unshifted == 0) variations = 2;
        for (int k = 1; k <= std::min(shifted, unshifted); ++k) variations += binomial(static_cast<int>(length), k);
        guesses *= variations;
      }
      add(out, i, j, guesses, Pattern::keyboard);
    }
    i = std::max(j, i + 1);
  }
}

int char_class(char32_t c) {
  if (text::is_ascii_digit(c)) return 1;
  if (c >= U'a' && c <= U'z') return 2;
  if (c >= U'а' && c <= U'я') return 3;
  return 0;
}

// "abcdef", "987654", "абвгд".
void match_sequences(const std::u32string& lower, std::vector<Match>& out) {
  const std::size_t n = lower.size();
  std::size_t i = 0;
  while (i + 2 < n) {
    const long delta = static_cast<long>(lower[i + 1]) - static_cast<long>(lower[i]);
    const int cls = char_class(lower[i]);
    std::size_t j = i;
    if ((delta == 1 || delta == -1) && cls) {
      while (j + 1 < n && char_class(lower[j + 1]) == cls &&
             static_cast<long>(lower[j + 1]) - static_cast<long>(lower[j]) == delta) {
        ++j;
      }
    }
    if (j - i + 1 >= 3) {
      const char32_t first = lower[i];
      double base = cls == 1 ? 10 : (cls == 2 ? 26 : 33);
      if (first == U'a' || first == U'z' || first == U'0' || first == U'1' || first == U'9' || first == U'а' ||
          first == U'я') {
        base = 4;
      }
      if (delta < 0) base *= 2;
      add(out, i, j, base * static_cast<double>(j - i + 1), Pattern::sequence);
      i = j;
    } else {
      ++i;
    }
  }
}

// Year in a date: two-digit years are read as 19xx above 50, 20xx otherwise.
int full_year(int value, std::size_t digits) {
  if (digits == 4) return value;
  return value > 50 ? 1900 + value : 2000 + value;
}

bool plausible_date(int day, int month, int year) {
  return year >= 1900 && year <= 2050 && is_real_date(year, month, day);
}

struct Group {
  int value;
  std::size_t digits;
};

// Tries day-month-year, month-day-year and year-month-day readings.
std::optional<int> date_year(const std::array<Group, 3>& g) {
  auto small = [](const Group& x) { return x.digits <= 2; };
  auto year = [](const Group& x) { return x.digits == 2 || x.digits == 4; };
  if (small(g[0]) && small(g[1]) && year(g[2])) {
    const int y = full_year(g[2].value, g[2].digits);
    if (plausible_date(g[0].value, g[1].value, y) || plausible_date(g[1].value, g[0].value, y)) return y;
  }
  if (year(g[0]) && small(g[1]) && small(g[2])) {
    const int y = full_year(g[0].value, g[0].digits);
    if (plausible_date(g[2].value, g[1].value, y)) return y;
  }
  return std::nullopt;
}

int to_int(const std::u32string& s, std::size_t from, std::size_t count) {
  int v = 0;
  for (std::size_t k = from; k < from + count; ++k) v = v * 10 + static_cast<int>(s[k] - U'0');
  return v;
}

// Dates and years: "1985", "12031985", "12.03.85", "1985-03-12".
void match_dates(const std::u32string& lower, int reference_year, std::vector<Match>& out) {
  const std::size_t n = lower.size();
  auto year_space = [&](int year) { return static_cast<double>(std::max(std::abs(year - reference_year), kMinYearSpace)); };
  for (std::size_t i = 0; i < n; ++i) {
    if (!text::is_ascii_digit(lower[i])) continue;
    // Plain digit runs of 4..8.
    std::size_t run = 0;
    while (i + run < n && text::is_ascii_digit(lower[i + run]) && run < 8) ++run;
    for (std::size_t len = 4; len <= run; ++len) {
      if (len == 4) {
        const int y = to_int(lower, i, 4);
        if (y >= 1900 && y <= 2050) add(out, i, i + 3, year_space(y), Pattern::date);
      }
      std::optional<int> best;
      // Split len digits into three groups of 1-4 digits.
      for (std::size_t a = 1; a <= 4 && a < len; ++a) {
        for (std::size_t b = 1; b <= 2 && a + b < len; ++b) {
          const std::size_t c = len - a - b;
          if (c > 4) continue;
          const std::array<Group, 3> g{{{to_int(lower, i, a), a}, {to_int(lower, i + a, b), b},
                                        {to_int(lower, i + a + b, c), c}}};
          if (auto y = date_year(g)) best = y;
        }
      }
      if (best) add(out, i, i + len - 1, year_space(*best) * 365, Pattern::date);
    }
    // With separators: d.m.yy(yy), yyyy-mm-dd.
    std::array<Group, 3> g{};
    std::size_t pos = i;
    char32_t sep = 0;
    bool ok = true;
    for (int k = 0; k < 3 && ok; ++k) {
      std::size_t d = 0;
      while (pos + d < n && text::is_ascii_digit(lower[pos + d]) && d < 4) ++d;
      if (d == 0) ok = false;
      g[k] = {d ? to_int(lower, pos, d) : 0, d};
      pos += d;
      if (k < 2 && ok) {
        const char32_t s = pos < n ? lower[pos] : 0;
        if (!(s == U'.' || s == U'-' || s == U'/' || s == U'_' || s == U' ') || (sep && s != sep)) ok = false;
        sep = s;
        ++pos;
      }
    }
    if (ok) {
      if (auto y = date_year(g)) add(out, i, pos - 1, year_space(*y) * 365 * 4, Pattern::date);
    }
  }
}

// The shortest repeated unit covering the longest span from each position:
// "aaaa", "abcabc", "123123".
void match_repeats(const StrengthEstimator& estimator, const std::u32string& lower, std::vector<Match>& out) {
  const std::size_t n = lower.size();
  std::size_t i = 0;
  while (i + 2 < n) {
    std::size_t best_unit = 0, best_count = 0;
    for (std::size_t unit = 1; i + 2 * unit <= n; ++unit) {
      if (lower[i + unit] != lower[i]) continue;
      std::size_t count = 1;
      while (i + (count + 1) * unit <= n &&
             std::equal(lower.begin() + static_cast<long>(i), lower.begin() + static_cast<long>(i + unit),
                        lower.begin() + static_cast<long>(i + count * unit))) {
        ++count;
      }
      if (count >= 2 && unit * count >= 3 && unit * count > best_unit * best_count) best_unit = unit, best_count = count;
    }
    if (best_unit) {
      const std::u32string unit = lower.substr(i, best_unit);
      const double unit_log10 = estimator.estimate_log10(unit);
      const std::size_t end = i + best_unit * best_count - 1;
      add(out, i, end, std::pow(10.0, unit_log10) * static_cast<double>(best_count), Pattern::repeat);
      i = end + 1;
    } else {
      ++i;
    }
  }
}

void match_personal(const std::u32string& lower, const std::u32string& original,
                    const std::vector<std::u32string>& tokens, std::vector<Match>& out) {
  for (const auto& token : tokens) {
    for (std::size_t at = lower.find(token); at != std::u32string::npos; at = lower.find(token, at + 1)) {
      const std::size_t end = at + token.size() - 1;
      add(out, at, end, 2 * case_variations(original, at, end), Pattern::personal);
    }
  }
}

std::u32string folded(const std::u32string& s) {
  std::u32string out(s);
  for (auto& c : out) c = fold(c);
  return out;
}

// Variants of the person's data as they would appear in a password.
std::vector<std::u32string> user_tokens(const UserInfo& user) {
  std::vector<std::u32string> tokens;
  auto push = [&](std::u32string t, std::size_t min_length) {
    if (t.size() >= min_length && std::find(tokens.begin(), tokens.end(), t) == tokens.end()) tokens.push_back(t);
  };
  // Names: as written, transliterated both ways, and typed in the wrong layout.
  std::u32string word;
  const std::u32string name = folded(text::to_u32(user.full_name, 256)) + U" ";
  for (char32_t c : name) {
    if (text::is_letter(c)) {
      word += c;
      continue;
    }
    if (!word.empty()) {
      push(word, kMinWordLength);
      push(text::transliterate(word, text::TranslitScheme::common), kMinWordLength);
      push(text::transliterate(word, text::TranslitScheme::alternative), kMinWordLength);
      std::u32string layout;
      for (char32_t k : word) layout += text::cyrillic_key_to_latin(k) ? text::cyrillic_key_to_latin(k) : k;
      push(folded(layout), kMinWordLength);
      word.clear();
    }
  }
  if (auto d = date::parse(user.birth_date)) {
    auto pad = [](int v, std::size_t width) {
      std::string s = std::to_string(v);
      return std::string(width > s.size() ? width - s.size() : 0, '0') + s;
    };
    const std::string dd = pad(d->day, 2), mm = pad(d->month, 2), yyyy = pad(d->year, 4);
    const std::string yy = yyyy.substr(2);
    for (const std::string& t : {yyyy, dd + mm + yyyy, dd + mm + yy, yyyy + mm + dd, dd + mm, dd + "." + mm + "." + yyyy}) {
      push(text::to_u32(t, 16), 4);
    }
  }
  const Result phone_result = phone::validate(user.phone);
  if (phone_result.ok()) {
    const std::string national = phone::split(phone_result.value).e164.substr(2);  // 10 digits
    push(text::to_u32(national, 16), 4);
    push(text::to_u32("8" + national, 16), 4);
    push(text::to_u32(national.substr(3), 16), 4);  // the local 7 digits
    push(text::to_u32(national.substr(6), 16), 4);  // the last four
  }
  const std::u32string email = folded(text::to_u32(user.email, 256));
  const std::size_t at = email.find(U'@');
  if (at != std::u32string::npos) {
    const std::u32string local = email.substr(0, at);
    push(local, kMinWordLength);
    std::u32string part;
    for (char32_t c : local + U".") {
      if (c == U'.' || c == U'_' || c == U'-' || c == U'+') {
        push(part, kMinWordLength);
        part.clear();
      } else {
        part += c;
      }
    }
  }
  return tokens;
}

int score_of(double log10_guesses) {
  // zxcvbn's thresholds: 10^3, 10^6, 10^8, 10^10 guesses (plus a small delta).
  const double g = std::pow(10.0, log10_guesses);
  if (g < 1e3 + 5) return 0;
  if (g < 1e6 + 5) return 1;
  if (g < 1e8 + 5) return 2;
  if (g < 1e10 + 5) return 3;
  return 4;
}

const char* warning_of(Pattern p) {
  switch (p) {
    case Pattern::personal: return "password.personal_data";
    case Pattern::common: return "password.common";
    case Pattern::word: return "password.dictionary_word";
    case Pattern::layout_word: return "password.wrong_layout_word";
    case Pattern::keyboard: return "password.keyboard_pattern";
    case Pattern::sequence: return "password.sequence";
    case Pattern::repeat: return "password.repeat";
    case Pattern::date: return "password.date";
  }
  return "";
}

}  // namespace

struct StrengthEstimator::Analysis {
  double log10_guesses = 0;
  std::vector<Pattern> patterns;  // of the cheapest explanation
};

void StrengthEstimator::insert_word(const std::u32string& w, WordList list, std::uint32_t rank) {
  ++word_count_;
  words_.insert(w, list, rank);
  if (list == WordList::russian) {
    words_.insert(text::transliterate(w, text::TranslitScheme::common), WordList::russian_translit, rank);
    words_.insert(text::transliterate(w, text::TranslitScheme::alternative), WordList::russian_translit, rank);
  }
}

void StrengthEstimator::add_russian_lists(std::string_view json, const std::string& file) {
  ConfigFile r(json, file);
  r.allow("about");
  // Each list is ranked on its own: a guesser tries the commonest names as
  // early as the commonest words.
  for (const char* key : {"words", "names", "surnames", "places"}) {
    const std::string list = r.string(key);
    std::uint32_t rank = 0;
    std::u32string word;
    const std::u32string all = text::to_u32(list) + U" ";
    for (char32_t c : all) {
      if (c != U' ' && c != U'\n') {
        word += fold(c);
        continue;
      }
      if (word.empty()) continue;
      for (char32_t k : word) {
        if (text::script_of(k) != text::Script::cyrillic) r.fail(key, "\"" + text::to_utf8(word) + "\" is not a Russian word");
      }
      if (word.size() < kMinWordLength) r.fail(key, "\"" + text::to_utf8(word) + "\" is shorter than three letters");
      insert_word(word, WordList::russian, ++rank);
      word.clear();
    }
    if (rank == 0) r.fail(key, "empty list");
  }
  r.finish();
}

Loaded<StrengthEstimator> StrengthEstimator::load(std::string_view dictionary_json, int reference_year,
                                                  const std::string& file, std::string_view russian_list_json,
                                                  const std::string& russian_list_file) {
  return load_config<StrengthEstimator>([&] {
    ConfigFile r(dictionary_json, file);
    StrengthEstimator e;
    e.reference_year_ = reference_year;
    auto insert_list = [&](const char* key, WordList list) {
      const auto words = r.strings(key);
      for (std::size_t i = 0; i < words.size(); ++i) {
        const std::u32string w = folded(text::to_u32(words[i], 256));
        if (w.empty()) r.fail_item(key, i, "empty word");
        e.insert_word(w, list, static_cast<std::uint32_t>(i + 1));
      }
    };
    insert_list("common_passwords", WordList::common);
    insert_list("russian_words", WordList::russian);
    insert_list("english_words", WordList::english);
    insert_list("names", WordList::name);
    r.finish();
    if (!russian_list_json.empty()) e.add_russian_lists(russian_list_json, russian_list_file);
    return e;
  });
}

StrengthEstimator::Analysis StrengthEstimator::analyse(const std::u32string& original,
                                                       const std::vector<std::u32string>& tokens) const {
  const std::u32string lower = folded(original);
  const std::size_t n = lower.size();
  Analysis result;
  if (n == 0) return result;

  std::vector<Match> matches;
  matches.reserve(32);
  // First, so that where the person's own data and a dictionary word explain
  // the same characters at the same cost, the warning names the personal data.
  match_personal(lower, original, tokens, matches);
  for (std::size_t i = 0; i < n; ++i) {
    match_words(words_, lower, original, i, matches);
    match_layout_words(words_, lower, original, i, matches);
    match_cyrillic_layout_words(words_, lower, original, i, matches);
  }
  match_reversed_words(words_, lower, original, matches);
  match_word_affixes(n, matches);
  match_keyboard(original, matches);
  match_sequences(lower, matches);
  match_dates(lower, reference_year_, matches);
  match_repeats(*this, lower, matches);

  // Cheapest cover of the password by matches and runs of unexplained
  // characters, with l segments costing l! orderings (zxcvbn's model).
  const int max_l = std::min<int>(kMaxSegments, static_cast<int>(n));
  const auto states = static_cast<std::size_t>((n + 1) * (max_l + 1) * 2);
  constexpr double kInf = std::numeric_limits<double>::infinity();
  struct State {
    double cost = kInf;
    std::int32_t from = -1;   // previous state index
    std::int32_t match = -1;  // match taken to get here, -1 for a bruteforce character
  };
  std::vector<State> dp(states);
  auto at = [&](std::size_t pos, int l, int bf) { return (pos * static_cast<std::size_t>(max_l + 1) + l) * 2 + bf; };
  std::vector<std::vector<std::int32_t>> starting(n);
  for (std::size_t m = 0; m < matches.size(); ++m) starting[matches[m].i].push_back(static_cast<std::int32_t>(m));

  dp[at(0, 0, 0)].cost = 0;
  for (std::size_t pos = 0; pos < n; ++pos) {
    for (int l = 0; l <= max_l; ++l) {
      for (int bf = 0; bf < 2; ++bf) {
        const std::size_t s = at(pos, l, bf);
        const double cost = dp[s].cost;
        if (cost == kInf) continue;
        const int brute_l = bf ? l : l + 1;
        if (brute_l <= max_l) {
          State& next = dp[at(pos + 1, brute_l, 1)];
          if (cost + kBruteforceLog10PerChar < next.cost) next = {cost + kBruteforceLog10PerChar, static_cast<std::int32_t>(s), -1};
        }
        if (l + 1 > max_l) continue;
        for (std::int32_t m : starting[pos]) {
          const Match& match = matches[static_cast<std::size_t>(m)];
          State& next = dp[at(match.j + 1, l + 1, 0)];
          if (cost + match.log10_guesses < next.cost) next = {cost + match.log10_guesses, static_cast<std::int32_t>(s), m};
        }
      }
    }
  }

  double best = kInf;
  std::size_t best_state = 0;
  for (int l = 1; l <= max_l; ++l) {
    double log_factorial = 0;
    for (int k = 2; k <= l; ++k) log_factorial += std::log10(k);
    for (int bf = 0; bf < 2; ++bf) {
      const std::size_t s = at(n, l, bf);
      if (dp[s].cost == kInf) continue;
      // guesses = l! * product + D^(l-1): more pieces are never cheaper than fewer.
      const double a = log_factorial + dp[s].cost;
      const double b = kLog10MinGuessesPerExtraPiece * (l - 1);
      const double total = std::max(a, b) + std::log10(1 + std::pow(10.0, std::min(a, b) - std::max(a, b)));
      if (total < best) best = total, best_state = s;
    }
  }
  result.log10_guesses = best;
  for (std::int32_t s = static_cast<std::int32_t>(best_state); s >= 0 && dp[static_cast<std::size_t>(s)].from >= 0;
       s = dp[static_cast<std::size_t>(s)].from) {
    const std::int32_t m = dp[static_cast<std::size_t>(s)].match;
    if (m >= 0) result.patterns.push_back(matches[static_cast<std::size_t>(m)].pattern);
  }
  std::reverse(result.patterns.begin(), result.patterns.end());
  return result;
}

double StrengthEstimator::estimate_log10(const std::u32string& password) const {
  return analyse(password, {}).log10_guesses;
}

Strength StrengthEstimator::estimate(std::string_view password, const UserInfo& user) const {
  Strength s;
  const std::u32string original = text::to_u32(password, kMaxAnalysed);
  const bool has_user = !user.full_name.empty() || !user.birth_date.empty() || !user.phone.empty() || !user.email.empty();
  const Analysis a = analyse(original, has_user ? user_tokens(user) : std::vector<std::u32string>{});
  s.log10_guesses = a.log10_guesses;
  s.score = score_of(a.log10_guesses);

  // Personal data is always worth a warning; patterns only when they make the password weak.
  static constexpr std::array<Pattern, 8> kOrder = {Pattern::personal, Pattern::common,   Pattern::word,
                                                    Pattern::layout_word, Pattern::keyboard, Pattern::sequence,
                                                    Pattern::repeat,   Pattern::date};
  for (Pattern p : kOrder) {
    const bool found = std::find(a.patterns.begin(), a.patterns.end(), p) != a.patterns.end();
    if (found && (p == Pattern::personal || s.score <= 2)) s.warnings.emplace_back(warning_of(p));
  }
  return s;
}

}  // namespace support::forms::password
