#include "forms/password.hpp"

namespace support::forms::password {

Loaded<Checker> Checker::load(std::string_view policy_json, std::string_view dictionary_json,
                              std::string_view russian_list_json) {
  auto policy = Policy::load(policy_json, "forms/data/password_policy.json");
  if (!policy) return {std::nullopt, policy.error};
  Checker c;
  c.policy_ = std::move(*policy.value);
  if (!dictionary_json.empty()) {
    auto strength = StrengthEstimator::load(dictionary_json, c.policy_.reference_year,
                                            "forms/data/password_dictionary.json", russian_list_json,
                                            "forms/data/password_dictionary_ru.json");
    if (!strength) return {std::nullopt, strength.error};
    c.strength_ = std::move(*strength.value);
  }
  return {std::move(c), {}};
}

Check Checker::check(std::string_view password, const UserInfo& user) const {
  Check c;
  c.errors = policy_.check(password);
  const bool malformed = !c.errors.empty() && c.errors.front().code.rfind("input.", 0) == 0;
  if (!malformed) {
    const Strength s = strength_->estimate(password, user);
    c.score = s.score;
    c.warnings = s.warnings;
    if (s.score < policy_.min_score) {
      c.errors.push_back({"password.too_weak", {{"min", std::to_string(policy_.min_score)}}});
    }
  }
  c.valid = c.errors.empty();
  return c;
}

}  // namespace support::forms::password
