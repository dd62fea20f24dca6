#include "forms/reference_number.hpp"

#include <string>

#include "forms/input_guard.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace support::forms::reference_number {

Result validate(std::string_view text_in, std::size_t max_length) {
  if (auto issue = check_input(text_in, {max_length * 4 + 16})) {
    if (issue->code == "input.too_long") return Result::invalid("reference.too_long", {{"max", std::to_string(max_length)}});
    return Result::invalid(std::move(*issue));
  }
  std::string value;
  std::size_t length = 0;
  bool digit = false;
  std::optional<Result> error;
  text::for_each_code_point(text_in, [&](char32_t cp, std::size_t pos, std::size_t len) {
    if (error) return;
    if (text::is_space(cp)) {
      if (!value.empty() && value.back() != ' ') value += ' ', ++length;
      return;
    }
    const bool allowed = text::is_letter(cp) || text::is_ascii_digit(cp) || text::is_dash(cp) || cp == U'/' ||
                         cp == U'_' || cp == U'#' || cp == U'№' || cp == U'.' || cp == U':';
    if (!allowed) {
      error = Result::invalid("reference.format", {{"character", std::string(text_in.substr(pos, len))}});
      return;
    }
    digit |= text::is_ascii_digit(cp);
    text::append_utf8(value, text::is_dash(cp) ? U'-' : cp);
    ++length;
  });
  if (error) return *error;
  if (!value.empty() && value.back() == ' ') value.pop_back(), --length;
  if (value.empty()) return Result::invalid("input.empty");
  if (length > max_length) return Result::invalid("reference.too_long", {{"max", std::to_string(max_length)}});
  if (!digit) return Result::invalid("reference.no_digits");
  return Result::valid(std::move(value));
}

}  // namespace support::forms::reference_number
