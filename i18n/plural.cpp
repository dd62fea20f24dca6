#include "i18n/plural.hpp"

#include <cstdlib>
#include <string>

namespace support::i18n {

std::string_view category_name(PluralCategory c) {
  switch (c) {
    case PluralCategory::zero: return "zero";
    case PluralCategory::one: return "one";
    case PluralCategory::two: return "two";
    case PluralCategory::few: return "few";
    case PluralCategory::many: return "many";
    case PluralCategory::other: return "other";
  }
  return "other";
}

std::optional<PluralOperands> plural_operands(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s.empty() || s.size() > 30) return std::nullopt;
  PluralOperands op;
  std::size_t pos = 0;
  for (; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos) {
    op.i = op.i * 10 + static_cast<unsigned long long>(s[pos] - '0');
  }
  if (pos == 0) return std::nullopt;
  if (pos < s.size()) {
    if (s[pos] != '.' || pos + 1 == s.size()) return std::nullopt;
    for (++pos; pos < s.size(); ++pos) {
      if (s[pos] < '0' || s[pos] > '9') return std::nullopt;
      op.f = op.f * 10 + static_cast<unsigned long long>(s[pos] - '0');
      ++op.v;
    }
  }
  op.n = std::strtod(std::string(s).c_str(), nullptr);
  return op;
}

PluralCategory plural_category(std::string_view locale, const PluralOperands& op) {
  if (locale == "ru") {
    // one: v=0 and i%10=1 and i%100!=11; few: v=0 and i%10=2..4 and i%100!=12..14;
    // many: v=0 and (i%10=0 or i%10=5..9 or i%100=11..14); other: fractions.
    if (op.v != 0) return PluralCategory::other;
    const auto mod10 = op.i % 10, mod100 = op.i % 100;
    if (mod10 == 1 && mod100 != 11) return PluralCategory::one;
    if (mod10 >= 2 && mod10 <= 4 && !(mod100 >= 12 && mod100 <= 14)) return PluralCategory::few;
    return PluralCategory::many;
  }
  if (locale == "en") {
    return op.i == 1 && op.v == 0 ? PluralCategory::one : PluralCategory::other;
  }
  return PluralCategory::other;
}

}  // namespace support::i18n
