#include "forms/inn.hpp"

#include "forms/digits.hpp"

namespace support::forms::inn {

namespace {

// Called only with as many ASCII digits as weights (checksum checks them first).
char check_digit(std::string_view digits, std::initializer_list<int> weights) {
  return static_cast<char>('0' + digits::weighted_sum(digits, weights).value_or(0) % 11 % 10);
}

char legal_check(std::string_view first_nine) { return check_digit(first_nine, {2, 4, 10, 3, 5, 9, 4, 6, 8}); }
char individual_first(std::string_view first_ten) {
  return check_digit(first_ten, {7, 2, 4, 10, 3, 5, 9, 4, 6, 8});
}
char individual_second(std::string_view first_eleven) {
  return check_digit(first_eleven, {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8});
}

}  // namespace

std::string compact(std::string_view number) { return digits::compact(number); }

std::string checksum(std::string_view leading) {
  if (!digits::are_digits(leading, leading.size())) return {};
  switch (leading.size()) {
    case 9:
      return {legal_check(leading)};
    case 10: {
      std::string eleven(leading);
      eleven += individual_first(leading);
      return {eleven.back(), individual_second(eleven)};
    }
    case 11:
      return {individual_second(leading)};
    default:
      return {};
  }
}

Result validate(std::string_view number, Kind kind) {
  Result r = digits::parse(number, {10, 12}, {"inn.format", "inn.length"});
  if (!r.ok()) return r;
  const bool legal = r.value.size() == 10;
  if (kind == Kind::legal_entity && !legal) return Result::invalid("inn.kind", {{"expected", "legal_entity"}});
  if (kind == Kind::individual && legal) return Result::invalid("inn.kind", {{"expected", "individual"}});
  const std::string_view v = r.value;
  const std::string expected = legal ? checksum(v.substr(0, 9)) : checksum(v.substr(0, 10));
  if (v.substr(legal ? 9 : 10) != expected) return Result::invalid("inn.checksum");
  return r;
}

bool is_valid(std::string_view number, Kind kind) { return validate(number, kind).ok(); }

std::string format(std::string_view number) { return compact(number); }

}  // namespace support::forms::inn
