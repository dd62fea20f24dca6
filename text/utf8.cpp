#include "text/utf8.hpp"

#include <algorithm>

namespace support::text {

Decoded decode_at(std::string_view s, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) return {b0, 1, true};

  std::size_t need;
  char32_t cp;
  char32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3, cp = b0 & 0x07, min = 0x10000;
  } else {
    return {0xFFFD, 1, false};
  }
  for (std::size_t i = 1; i <= need; ++i) {
    if (pos + i >= s.size() || (byte(pos + i) & 0xC0) != 0x80) return {0xFFFD, i, false};
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return {0xFFFD, need + 1, false};
  }
  return {cp, need + 1, true};
}

bool is_valid_utf8(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const Decoded d = decode_at(s, pos);
    if (!d.valid) return false;
    pos += d.length;
  }
  return true;
}

std::size_t code_point_count(std::string_view s) {
  std::size_t n = 0;
  for_each_code_point(s, [&](char32_t, std::size_t, std::size_t) { ++n; });
  return n;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string cut_utf8(std::string_view s, std::size_t max_bytes) {
  // Repaired first, so invalid input still gives valid UTF-8; the three bytes
  // past the cut complete a character that straddles it.
  const std::size_t keep = max_bytes >= s.size() ? s.size() : std::min(s.size(), max_bytes + 3);
  std::string out = to_valid_utf8(s.substr(0, keep));
  if (out.size() <= max_bytes) return out;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(out[end]) & 0xC0) == 0x80) --end;
  out.resize(end);
  return out;
}

std::string to_valid_utf8(std::string_view s) {
  if (is_valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  for_each_code_point(s, [&](char32_t cp, std::size_t, std::size_t) { append_utf8(out, cp); });
  return out;
}

std::u32string to_u32(std::string_view s, std::size_t max_code_points) {
  std::u32string out;
  std::size_t pos = 0;
  while (pos < s.size() && out.size() < max_code_points) {
    const Decoded d = decode_at(s, pos);
    out += d.code_point;
    pos += d.length;
  }
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t cp : s) append_utf8(out, cp);
  return out;
}

}  // namespace support::text
