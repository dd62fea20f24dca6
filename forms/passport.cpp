#include "forms/passport.hpp"

#include "forms/digits.hpp"

namespace support::forms::passport {

std::string compact(std::string_view number) { return digits::compact(number); }

Result validate(std::string_view number) {
  Result r = digits::parse(number, {10}, {"passport.format", "passport.length"});
  if (!r.ok()) return r;
  if (r.value.compare(0, 2, "00") == 0) return Result::invalid("passport.series");
  if (r.value.compare(4, 6, "000000") == 0) return Result::invalid("passport.number");
  return r;
}

bool is_valid(std::string_view number) { return validate(number).ok(); }

std::string format(std::string_view number) {
  const std::string c = compact(number);
  if (c.size() != 10) return c;
  return c.substr(0, 4) + " " + c.substr(4);
}

}  // namespace support::forms::passport
