// CLDR plural categories for the product's locales, from the number as it is
// written ("1.5" has a visible fraction digit, which decides the Russian form:
// 1 файл, 2 файла, 5 файлов, 21 файл, 1,5 файла).
#pragma once

#include <optional>
#include <string_view>

namespace support::i18n {

enum class PluralCategory { zero, one, two, few, many, other };

std::string_view category_name(PluralCategory c);

// CLDR operands of a decimal number: i (integer digits), v (visible fraction
// digits), f (fraction digits as an integer). nullopt for non-numbers.
struct PluralOperands {
  unsigned long long i = 0;
  int v = 0;
  unsigned long long f = 0;
  double n = 0;  // absolute value
};
std::optional<PluralOperands> plural_operands(std::string_view decimal);

// Rules for "ru" and "en"; any other locale gets "other".
PluralCategory plural_category(std::string_view locale, const PluralOperands& op);

}  // namespace support::i18n
