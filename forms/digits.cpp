#include "forms/digits.hpp"

#include <algorithm>
#include <cstring>

#include "forms/input_guard.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace support::forms::digits {

std::string compact(std::string_view value) {
  // Written through a pointer: at -Oz each std::string push_back is a chain
  // of out-of-line calls, and this runs on every keystroke's check.
  std::string out(value.size(), '\0');
  char* w = out.data();
  std::size_t pos = 0;
  while (pos < value.size()) {
    const char c = value[pos];
    if (static_cast<unsigned char>(c) < 0x80) {  // ASCII fast path
      if (c != ' ' && c != '-' && c != '.' && c != '\t') *w++ = c;
      ++pos;
      continue;
    }
    const auto d = text::decode_at(value, pos);
    const char32_t cp = d.code_point;
    const bool separator = d.valid && (text::is_space(cp) || text::is_dash(cp) || cp == U'.');
    if (!separator) {
      std::memcpy(w, value.data() + pos, d.length);
      w += d.length;
    }
    pos += d.length;
  }
  out.resize(static_cast<std::size_t>(w - out.data()));
  return out;
}

Result parse(std::string_view raw, std::initializer_list<std::size_t> lengths, const ShapeCodes& codes) {
  if (auto issue = check_input(raw)) return Result::invalid(std::move(*issue));
  std::string compacted = compact(raw);
  if (compacted.empty()) return Result::invalid("input.empty");

  std::size_t pos = 0;
  while (pos < compacted.size()) {
    if (compacted[pos] >= '0' && compacted[pos] <= '9') {
      ++pos;
      continue;
    }
    const auto d = text::decode_at(compacted, pos);
    if (!text::is_ascii_digit(d.code_point)) {
      return Result::invalid(codes.format,
                             {{"character", std::string(compacted.substr(pos, d.length))}});
    }
    pos += d.length;
  }
  if (std::find(lengths.begin(), lengths.end(), compacted.size()) == lengths.end()) {
    return Result::invalid(codes.length, {{"actual", std::to_string(compacted.size())}});
  }
  return Result::valid(std::move(compacted));
}

bool are_digits(std::string_view s, std::size_t length) {
  return s.size() == length && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<int> weighted_sum(std::string_view digits, std::initializer_list<int> weights) {
  if (!are_digits(digits, weights.size())) return std::nullopt;
  int sum = 0;
  std::size_t i = 0;
  for (int w : weights) sum += (digits[i++] - '0') * w;
  return sum;
}

std::optional<std::uint64_t> to_number(std::string_view digits) {
  if (digits.empty() || digits.size() > 19 || !are_digits(digits, digits.size())) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : digits) n = n * 10 + static_cast<std::uint64_t>(c - '0');
  return n;
}

}  // namespace support::forms::digits
