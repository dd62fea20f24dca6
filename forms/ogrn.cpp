#include "forms/ogrn.hpp"

#include "forms/digits.hpp"

namespace support::forms {

namespace {

// "" unless `leading` is exactly `length` ASCII digits.
std::string mod_check(std::string_view leading, std::size_t length, std::uint64_t modulus) {
  if (!digits::are_digits(leading, length)) return {};
  return {static_cast<char>('0' + *digits::to_number(leading) % modulus % 10)};
}

struct RegistrationCodes {
  digits::ShapeCodes shape;
  const char* kind;      // first digit of another record kind
  const char* checksum;
};

Result validate_registration(std::string_view number, std::size_t length, std::string_view first_digits,
                             std::uint64_t modulus, const RegistrationCodes& codes) {
  Result r = digits::parse(number, {length}, codes.shape);
  if (!r.ok()) return r;
  if (first_digits.find(r.value.front()) == std::string_view::npos) return Result::invalid(codes.kind);
  if (mod_check(std::string_view(r.value).substr(0, length - 1), length - 1, modulus) != r.value.substr(length - 1)) {
    return Result::invalid(codes.checksum);
  }
  return r;
}

}  // namespace

namespace ogrn {
std::string compact(std::string_view number) { return digits::compact(number); }
std::string checksum(std::string_view first_twelve) { return mod_check(first_twelve, 12, 11); }
Result validate(std::string_view number) {
  return validate_registration(number, 13, "15", 11, {{"ogrn.format", "ogrn.length"}, "ogrn.kind", "ogrn.checksum"});
}
bool is_valid(std::string_view number) { return validate(number).ok(); }
std::string format(std::string_view number) { return compact(number); }
}  // namespace ogrn

namespace ogrnip {
std::string compact(std::string_view number) { return digits::compact(number); }
std::string checksum(std::string_view first_fourteen) { return mod_check(first_fourteen, 14, 13); }
Result validate(std::string_view number) {
  return validate_registration(number, 15, "3", 13,
                               {{"ogrnip.format", "ogrnip.length"}, "ogrnip.kind", "ogrnip.checksum"});
}
bool is_valid(std::string_view number) { return validate(number).ok(); }
std::string format(std::string_view number) { return compact(number); }
}  // namespace ogrnip

}  // namespace support::forms
