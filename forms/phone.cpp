#include "forms/phone.hpp"

#include <array>

#include "forms/input_guard.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace support::forms::phone {

namespace {

constexpr std::size_t kNationalLength = 10;
constexpr std::size_t kMaxExtensionDigits = 6;

// Words people put before an extension, lower case, without the dot.
constexpr std::array<std::u32string_view, 7> kExtensionMarkers = {
    U"добавочный", U"доб", U"вн", U"ext", U"x", U"#", U"д"};

std::string utf8(char32_t cp) {
  std::string s;
  text::append_utf8(s, cp);
  return s;
}

struct Split {
  std::size_t main_end;         // s[0, main_end) is the number
  std::size_t extension_begin;  // s[extension_begin, end) follows the marker
  bool has_marker;
};

// Finds an extension marker after the first digit; everything before it is
// the number. The canonical ";ext=" of a validated value counts as a marker.
Split split_extension(std::u32string_view s) {
  constexpr std::u32string_view kCanonical = U";ext=";
  if (const auto at = s.find(kCanonical); at != std::u32string_view::npos) return {at, at + kCanonical.size(), true};
  bool seen_digit = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t raw = s[i];
    if (text::is_ascii_digit(raw)) {
      seen_digit = true;
      continue;
    }
    if (!seen_digit || !(raw == U'#' || text::is_letter(raw))) continue;
    for (auto marker : kExtensionMarkers) {
      if (i + marker.size() > s.size()) continue;
      bool match = true;
      for (std::size_t k = 0; k < marker.size() && match; ++k) match = text::to_lower(s[i + k]) == marker[k];
      const std::size_t end = i + marker.size();
      // The marker must end the word: "доб" in "добавочный" is left to the longer marker.
      if (match && (end == s.size() || !text::is_letter(s[end]))) return {i, end, true};
    }
    break;  // a letter that starts no marker: reported as a format error below
  }
  return {s.size(), s.size(), false};
}

bool is_number_punctuation(char32_t cp) {
  return text::is_space(cp) || text::is_dash(cp) || cp == U'.' || cp == U'(' || cp == U')';
}

Result parse_extension(std::u32string_view ext, std::string& digits_out) {
  for (char32_t cp : ext) {
    if (text::is_ascii_digit(cp)) {
      digits_out += static_cast<char>(cp);
    } else if (!(text::is_space(cp) || cp == U'.' || cp == U':' || text::is_dash(cp))) {
      return Result::invalid("phone.format", {{"character", utf8(cp)}});
    }
  }
  if (digits_out.empty() || digits_out.size() > kMaxExtensionDigits) return Result::invalid("phone.extension");
  return Result::valid({});
}

}  // namespace

Result validate(std::string_view text_in) {
  if (auto issue = check_input(text_in, {64})) return Result::invalid(std::move(*issue));

  char32_t buffer[64];  // the guard allows at most 64 bytes, so at most 64 code points
  std::size_t length = 0;
  text::for_each_code_point(text_in, [&](char32_t cp, std::size_t, std::size_t) { buffer[length++] = cp; });
  const std::u32string_view s(buffer, length);
  const Split parts = split_extension(s);

  std::string digits;
  bool plus = false;
  for (char32_t cp : s.substr(0, parts.main_end)) {
    if (text::is_ascii_digit(cp)) {
      digits += static_cast<char>(cp);
    } else if (cp == U'+') {
      if (plus || !digits.empty()) return Result::invalid("phone.plus_position");
      plus = true;
    } else if (!is_number_punctuation(cp) && !(parts.has_marker && cp == U',')) {
      return Result::invalid("phone.format", {{"character", utf8(cp)}});
    }
  }
  if (digits.empty()) {
    if (!plus && !parts.has_marker) return Result::invalid("input.empty");
    return Result::invalid("phone.too_short", {{"actual", "0"}});
  }

  std::string national;
  if (plus) {
    if (digits[0] != '7') return Result::invalid("phone.not_russian");
    national = digits.substr(1);
  } else if (digits.size() == kNationalLength + 1 && (digits[0] == '8' || digits[0] == '7')) {
    national = digits.substr(1);
  } else if (digits.compare(0, 3, "810") == 0 && digits.size() > kNationalLength + 1) {
    return Result::invalid("phone.not_russian");  // 8-10 is the old international prefix
  } else {
    national = digits;
  }
  if (national.size() < kNationalLength) {
    return Result::invalid("phone.too_short", {{"actual", std::to_string(digits.size())}});
  }
  if (national.size() > kNationalLength) {
    return Result::invalid("phone.too_long", {{"actual", std::to_string(digits.size())}});
  }
  switch (national[0]) {
    case '3': case '4': case '8': case '9':
      break;
    case '6': case '7':
      return Result::invalid("phone.not_russian");  // +7 6xx / 7xx is Kazakhstan
    default:
      return Result::invalid("phone.range", {{"code", national.substr(0, 3)}});
  }

  std::string value = "+7" + national;
  if (parts.has_marker) {
    std::string ext;
    Result r = parse_extension(s.substr(parts.extension_begin), ext);
    if (!r.ok()) return r;
    value += ";ext=" + ext;
  }
  return Result::valid(std::move(value));
}

bool is_valid(std::string_view text) { return validate(text).ok(); }

Number split(std::string_view value) {
  const auto at = value.find(";ext=");
  if (at == std::string_view::npos) return {std::string(value), {}};
  return {std::string(value.substr(0, at)), std::string(value.substr(at + 5))};
}

std::string format(std::string_view text) {
  const Result r = validate(split(text).e164);  // accepts the canonical "+7…;ext=N" too
  if (!r.ok()) return std::string(text);
  const std::string n = split(r.value).e164;  // "+7" + 10 digits
  return "+7 " + n.substr(2, 3) + " " + n.substr(5, 3) + "-" + n.substr(8, 2) + "-" + n.substr(10, 2);
}

}  // namespace support::forms::phone
