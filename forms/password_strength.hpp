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
  // dictionary_json: forms/data/password_dictionary.json.
  static Loaded<StrengthEstimator> load(std::string_view dictionary_json, int reference_year,
                                        const std::string& file = "password_dictionary.json");

  // Looks at the first 64 code points; never throws.
  Strength estimate(std::string_view password, const UserInfo& user = {}) const;

  double estimate_log10(const std::u32string& password) const;  // no user data, no warnings

 private:
  WordTrie words_;
  int reference_year_ = 2026;

  struct Analysis;
  Analysis analyse(const std::u32string& password, const std::vector<std::u32string>& user_tokens) const;
};

}  // namespace support::forms::password
