#include "forms/free_text.hpp"

#include <string>

#include "forms/input_guard.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace support::forms::free_text {

namespace {
bool is_blank(char32_t cp) { return text::is_space(cp) || cp == U'\n' || cp == U'\r'; }
}  // namespace

Result validate(std::string_view text_in, const Rules& rules) {
  const Params too_long{{"max", std::to_string(rules.max_length)}};
  if (text_in.size() > rules.max_length * 4 + 64) return Result::invalid("text.too_long", too_long);
  if (auto issue = check_input(text_in, {text_in.size(), rules.multiline, true})) {
    return Result::invalid(std::move(*issue));
  }

  std::string value;
  value.reserve(text_in.size());
  std::size_t length = 0, length_at_last_content = 0, value_at_last_content = 0;
  bool readable = false;
  text::for_each_code_point(text_in, [&](char32_t cp, std::size_t, std::size_t) {
    if (cp == U'\r') return;  // CRLF -> LF; a lone CR is dropped as well
    if (value.empty() && is_blank(cp)) return;  // leading blanks
    text::append_utf8(value, cp);
    ++length;
    if (!is_blank(cp)) length_at_last_content = length, value_at_last_content = value.size();
    // CJK and beyond count as text; blanks (U+3000 too) never do.
    readable |= !is_blank(cp) && (text::is_letter(cp) || text::is_ascii_digit(cp) || cp > 0x2E7F);
  });
  value.resize(value_at_last_content);  // trailing blanks
  length = length_at_last_content;

  if (length == 0) return Result::invalid("input.empty");
  if (length > rules.max_length) return Result::invalid("text.too_long", too_long);
  if (length < rules.min_length) return Result::invalid("text.too_short", {{"min", std::to_string(rules.min_length)}});
  if (!readable) return Result::invalid("text.no_letters");
  return Result::valid(std::move(value));
}

}  // namespace support::forms::free_text
