// Password strength estimate 0..4 in the manner of zxcvbn: find the cheapest
// way an attacker would guess the password (common passwords, words with
// capitals, leet and reversal, Russian words typed in the Latin layout,
// keyboard runs, sequences, repeats, dates, the person's own data) and score
// the number of guesses. Catches what composition rules miss: "P@ssw0rd1" has
// every character class and is guessed at once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/config.hpp"
#include "forms/word_trie.hpp"

namespace support::forms::password {

// What we know about the person, to catch a password built from it.
struct UserInfo {
  std::string full_name;   // "Иванов Иван Иванович" or "Ivanov Ivan"
  std::string birth_date;  // "1985-03-12" or "12.03.1985"
  std::string phone;       // any form the phone validator accepts
  std::string email;
};

struct Strength {
  int score = 0;  // 0 guessed at once, 1 very weak, 2 weak, 3 good, 4 strong
  double log10_guesses = 0;
  // Codes, most telling first: password.personal_data, password.common,
  // password.dictionary_word, password.wrong_layout_word,
  // password.keyboard_pattern, password.sequence, password.repeat, password.date.
  std::vector<std::string> warnings;
};

class StrengthEstimator {
 public:
  // dictionary_json: forms/data/password_dictionary.json. russian_list_json:
  // forms/data/password_dictionary_ru.json (Russian words, names, surnames and
  // places, space-separated per list), optional: a page loads it only where a
  // password field is present; empty means not loaded.
  static Loaded<StrengthEstimator> load(std::string_view dictionary_json, int reference_year,
                                        const std::string& file = "password_dictionary.json",
                                        std::string_view russian_list_json = {},
                                        const std::string& russian_list_file = "password_dictionary_ru.json");

  std::size_t word_count() const { return word_count_; }  // entries loaded, all lists

  // Looks at the first 64 code points; never throws.
  Strength estimate(std::string_view password, const UserInfo& user = {}) const;

  double estimate_log10(const std::u32string& password) const;  // no user data, no warnings

 private:
  WordTrie words_;
  int reference_year_ = 2026;
  std::size_t word_count_ = 0;

  struct Analysis;
  void insert_word(const std::u32string& word, WordList list, std::uint32_t rank);
  void add_russian_lists(std::string_view json, const std::string& file);
  Analysis analyse(const std::u32string& password, const std::vector<std::u32string>& user_tokens) const;
};

}  // namespace support::forms::password
