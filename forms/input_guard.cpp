#include "forms/input_guard.hpp"

#include <string>

#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace support::forms {

std::optional<Issue> check_input(std::string_view value, const InputRules& rules) {
  if (value.size() > rules.max_bytes) {
    return Issue{"input.too_long", {{"max", std::to_string(rules.max_bytes)}}};
  }
  std::size_t pos = 0;
  while (pos < value.size()) {
    const auto byte = static_cast<unsigned char>(value[pos]);
    if (byte >= 0x20 && byte < 0x7F) {  // printable ASCII: the common case
      ++pos;
      continue;
    }
    const auto d = text::decode_at(value, pos);
    if (!d.valid) return Issue{"input.invalid_utf8", {}};
    const char32_t cp = d.code_point;
    const bool line_break = cp == U'\n' || cp == U'\r';
    if (text::is_control(cp) && cp != U'\t' && !(line_break && rules.allow_line_breaks)) {
      return Issue{"input.control_character", {}};
    }
    if (text::is_bidi_control(cp)) return Issue{"input.bidi_control", {}};
    if (text::is_invisible(cp) && !rules.allow_invisible) return Issue{"input.invisible_character", {}};
    if (text::is_noncharacter(cp)) return Issue{"input.noncharacter", {}};
    pos += d.length;
  }
  return std::nullopt;
}

}  // namespace support::forms
