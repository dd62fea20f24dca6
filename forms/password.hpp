// The password check a registration or change form runs: the policy's
// composition rules decide validity, the strength estimate advises (and
// refuses below the policy's min_score).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/config.hpp"
#include "forms/issue.hpp"
#include "forms/password_policy.hpp"
#include "forms/password_strength.hpp"

namespace support::forms::password {

struct Check {
  bool valid = false;
  int score = 0;
  std::vector<Issue> errors;          // policy violations; password.too_weak {min} below min_score
  std::vector<std::string> warnings;  // strength advice codes
};

class Checker {
 public:
  // dictionary_json: forms/data/password_dictionary.json; russian_list_json:
  // forms/data/password_dictionary_ru.json. Either may be empty where a page
  // has not loaded it (the browser fetches them only where a password field
  // is); without the dictionary there is no strength estimate.
  static Loaded<Checker> load(std::string_view policy_json, std::string_view dictionary_json,
                              std::string_view russian_list_json = {});

  // Only with the strength estimate (has_strength()): the policy alone would
  // call a common password strong enough.
  bool has_strength() const { return strength_.has_value(); }
  Check check(std::string_view password, const UserInfo& user = {}) const;
  const Policy& policy() const { return policy_; }

 private:
  Policy policy_;
  std::optional<StrengthEstimator> strength_;
};

}  // namespace support::forms::password
