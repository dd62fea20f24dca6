#include "forms/snils.hpp"

#include "forms/digits.hpp"

namespace support::forms::snils {

namespace {
constexpr std::uint64_t kLastWithoutChecksum = 1001998;  // 001-001-998
}

std::string compact(std::string_view number) { return digits::compact(number); }

std::string checksum(std::string_view first_nine) {
  const auto weighted = digits::weighted_sum(first_nine, {9, 8, 7, 6, 5, 4, 3, 2, 1});
  if (!weighted) return {};
  int sum = *weighted;
  if (sum > 101) sum %= 101;
  if (sum >= 100) sum = 0;
  return {static_cast<char>('0' + sum / 10), static_cast<char>('0' + sum % 10)};
}

bool has_checksum(std::string_view compacted) {
  const auto first_nine = digits::to_number(compacted.substr(0, 9));
  return compacted.size() >= 9 && first_nine && *first_nine > kLastWithoutChecksum;
}

Result validate(std::string_view number) {
  Result r = digits::parse(number, {11}, {"snils.format", "snils.length"});
  if (!r.ok()) return r;
  const std::string_view digits = r.value;  // views: no copies on every keystroke's check
  if (has_checksum(digits) && checksum(digits.substr(0, 9)) != digits.substr(9)) {
    return Result::invalid("snils.checksum");
  }
  return r;
}

bool is_valid(std::string_view number) { return validate(number).ok(); }

std::string format(std::string_view number) {
  const std::string c = compact(number);
  if (c.size() != 11) return c;
  std::string out;  // "112-233-445 95", built in place
  out.reserve(14);
  out.append(c, 0, 3).append(1, '-').append(c, 3, 3).append(1, '-').append(c, 6, 3).append(1, ' ').append(c, 9, 2);
  return out;
}

}  // namespace support::forms::snils
