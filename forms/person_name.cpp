#include "forms/person_name.hpp"

#include "forms/input_guard.hpp"
#include "text/chars.hpp"
#include "text/compose.hpp"
#include "text/utf8.hpp"

namespace support::forms::person_name {

namespace {

bool is_apostrophe(char32_t cp) {
  return cp == U'\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x2018 || cp == U'`' || cp == 0x00B4;
}

// Hyphen or apostrophe must sit between letters.
bool is_joiner(char32_t cp) { return cp == U'-' || cp == U'\''; }

}  // namespace

Result validate(std::string_view text_in, const Rules& rules) {
  if (auto issue = check_input(text_in, {1024})) return Result::invalid(std::move(*issue));

  std::u32string normal;  // normalised, single spaces
  for (char32_t cp : text::compose(text::to_u32(text_in))) {  // "й" typed as и + U+0306 too
    if (text::is_space(cp)) {
      if (!normal.empty() && normal.back() != U' ') normal += U' ';
      continue;
    }
    if (text::is_ascii_digit(cp)) return Result::invalid("name.digits");
    if (text::is_dash(cp)) cp = U'-';
    if (is_apostrophe(cp)) cp = U'\'';
    const auto script = text::script_of(cp);
    const bool letter = text::is_letter(cp) && (script == text::Script::latin || script == text::Script::cyrillic);
    if (!letter && !is_joiner(cp)) {
      std::string ch;
      text::append_utf8(ch, cp);
      return Result::invalid("name.character", {{"character", ch}});
    }
    normal += cp;
  }
  if (!normal.empty() && normal.back() == U' ') normal.pop_back();
  if (normal.empty()) return Result::invalid("input.empty");
  if (normal.size() > rules.max_length) {
    return Result::invalid("name.too_long", {{"max", std::to_string(rules.max_length)}});
  }

  // Word by word: joiners between letters, one script per word.
  std::size_t start = 0;
  while (start < normal.size()) {
    std::size_t end = normal.find(U' ', start);
    if (end == std::u32string::npos) end = normal.size();
    bool latin = false, cyrillic = false;
    for (std::size_t i = start; i < end; ++i) {
      const char32_t cp = normal[i];
      if (is_joiner(cp)) {
        if (i == start || i + 1 == end || is_joiner(normal[i + 1])) return Result::invalid("name.punctuation");
        continue;
      }
      latin |= text::script_of(cp) == text::Script::latin;
      cyrillic |= text::script_of(cp) == text::Script::cyrillic;
    }
    if (latin && cyrillic) return Result::invalid("name.mixed_scripts");
    start = end + 1;
  }

  return Result::valid(text::to_utf8(normal));
}

bool is_valid(std::string_view text, const Rules& rules) { return validate(text, rules).ok(); }

}  // namespace support::forms::person_name
