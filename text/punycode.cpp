#include "text/punycode.hpp"

#include <algorithm>
#include <cstdint>

namespace support::text {

namespace {

constexpr std::uint32_t kBase = 36, kTMin = 1, kTMax = 26, kSkew = 38, kDamp = 700;
constexpr std::uint32_t kInitialBias = 72, kInitialN = 128;
constexpr std::uint64_t kMaxDelta = 0xFFFFFFFFu;

char digit_char(std::uint32_t d) { return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26)); }

std::uint32_t adapt(std::uint64_t delta, std::uint64_t points, bool first) {
  delta = first ? delta / kDamp : delta / 2;
  delta += delta / points;
  std::uint32_t k = 0;
  while (delta > ((kBase - kTMin) * kTMax) / 2) {
    delta /= kBase - kTMin;
    k += kBase;
  }
  return static_cast<std::uint32_t>(k + (kBase - kTMin + 1) * delta / (delta + kSkew));
}

}  // namespace

std::optional<std::string> punycode_encode(std::u32string_view input) {
  std::string out;
  for (char32_t c : input) {
    if (c < 0x80) out += static_cast<char>(c);
  }
  const std::size_t basic = out.size();
  std::size_t handled = basic;
  if (basic > 0) out += '-';

  std::uint64_t n = kInitialN, delta = 0;
  std::uint32_t bias = kInitialBias;
  while (handled < input.size()) {
    std::uint64_t m = UINT64_MAX;
    for (char32_t c : input) {
      if (c >= n) m = std::min<std::uint64_t>(m, c);
    }
    delta += (m - n) * (handled + 1);
    if (delta > kMaxDelta) return std::nullopt;
    n = m;
    for (char32_t c : input) {
      if (c < n && ++delta > kMaxDelta) return std::nullopt;
      if (c != n) continue;
      std::uint64_t q = delta;
      for (std::uint32_t k = kBase;; k += kBase) {
        const std::uint32_t t = k <= bias ? kTMin : (k >= bias + kTMax ? kTMax : k - bias);
        if (q < t) break;
        out += digit_char(static_cast<std::uint32_t>(t + (q - t) % (kBase - t)));
        q = (q - t) / (kBase - t);
      }
      out += digit_char(static_cast<std::uint32_t>(q));
      bias = adapt(delta, handled + 1, handled == basic);
      delta = 0;
      ++handled;
    }
    ++delta;
    ++n;
  }
  return out;
}

std::optional<std::string> idna_label_to_ascii(std::u32string_view label) {
  const bool ascii = std::all_of(label.begin(), label.end(), [](char32_t c) { return c < 0x80; });
  if (ascii) return std::string(label.begin(), label.end());
  auto encoded = punycode_encode(label);
  if (!encoded) return std::nullopt;
  return "xn--" + *encoded;
}

}  // namespace support::text
