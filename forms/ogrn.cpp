#include "forms/ogrn.hpp"

#include "forms/digits.hpp"

namespace support::forms {

namespace {

std::string mod_check(std::string_view leading, std::uint64_t modulus) {
  return {static_cast<char>('0' + digits::to_number(leading) % modulus % 10)};
}

Result validate_registration(std::string_view number, std::string_view kind, std::size_t length,
                             std::string_view first_digits, std::uint64_t modulus) {
  Result r = digits::parse(number, kind, {length});
  if (!r.ok()) return r;
  if (first_digits.find(r.value.front()) == std::string_view::npos) {
    return Result::invalid(std::string(kind) + ".kind");
  }
  if (mod_check(std::string_view(r.value).substr(0, length - 1), modulus) != r.value.substr(length - 1)) {
    return Result::invalid(std::string(kind) + ".checksum");
  }
  return r;
}

}  // namespace

namespace ogrn {
std::string compact(std::string_view number) { return digits::compact(number); }
std::string checksum(std::string_view first_twelve) { return mod_check(first_twelve, 11); }
Result validate(std::string_view number) { return validate_registration(number, "ogrn", 13, "15", 11); }
bool is_valid(std::string_view number) { return validate(number).ok(); }
std::string format(std::string_view number) { return compact(number); }
}  // namespace ogrn

namespace ogrnip {
std::string compact(std::string_view number) { return digits::compact(number); }
std::string checksum(std::string_view first_fourteen) { return mod_check(first_fourteen, 13); }
Result validate(std::string_view number) { return validate_registration(number, "ogrnip", 15, "3", 13); }
bool is_valid(std::string_view number) { return validate(number).ok(); }
std::string format(std::string_view number) { return compact(number); }
}  // namespace ogrnip

}  // namespace support::forms
