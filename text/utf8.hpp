// UTF-8 decoding and encoding. Every entry point of the core receives arbitrary
// bytes, so decoding never throws: an invalid sequence is reported, not repaired.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace support::text {

struct Decoded {
  char32_t code_point;  // U+FFFD when !valid
  std::size_t length;   // bytes consumed, at least 1
  bool valid;
};

// Decodes the code point starting at `pos` (< s.size()). Rejects overlong forms,
// surrogates, values above U+10FFFF and truncated sequences, per RFC 3629.
Decoded decode_at(std::string_view s, std::size_t pos);

bool is_valid_utf8(std::string_view s);

// Number of code points; each invalid byte counts as one.
std::size_t code_point_count(std::string_view s);

void append_utf8(std::string& out, char32_t cp);

// Replaces every invalid sequence with U+FFFD, so the text can be echoed safely.
std::string to_valid_utf8(std::string_view s);

// At most `max_bytes` of valid UTF-8, cut at a character boundary.
std::string cut_utf8(std::string_view s, std::size_t max_bytes);

// The code points of the text (U+FFFD for invalid bytes), at most `max_code_points`.
std::u32string to_u32(std::string_view s, std::size_t max_code_points = static_cast<std::size_t>(-1));

// UTF-8 for code points that came from to_u32 or a string literal.
std::string to_utf8(std::u32string_view s);

// Calls f(code_point, byte_offset, byte_length) for each code point, with
// U+FFFD for invalid bytes. Linear in the input size.
template <class F>
void for_each_code_point(std::string_view s, F&& f) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const Decoded d = decode_at(s, pos);
    f(d.code_point, pos, d.length);
    pos += d.length;
  }
}

}  // namespace support::text
