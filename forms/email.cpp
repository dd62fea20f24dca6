#include "forms/email.hpp"

#include <algorithm>

#include "forms/input_guard.hpp"
#include "text/chars.hpp"
#include "text/compose.hpp"
#include "text/punycode.hpp"
#include "text/utf8.hpp"

namespace support::forms::email {

namespace {

constexpr std::size_t kMaxLocalBytes = 64;
constexpr std::size_t kMaxLabelBytes = 63;
constexpr std::size_t kMaxDomainBytes = 253;
constexpr std::size_t kMaxAddressBytes = 254;
constexpr std::u32string_view kAtextSymbols = U"!#$%&'*+/=?^_`{|}~-";

bool is_ascii_alnum(char32_t cp) {
  return text::is_ascii_digit(cp) || (cp < 0x80 && text::is_letter(cp));
}

Parsed fail(std::string code, Params params = {}) { return {{}, Result::invalid(std::move(code), std::move(params))}; }

std::optional<Issue> check_dots(std::u32string_view part) {
  if (part.front() == U'.' || part.back() == U'.') return Issue{"email.dot_position", {}};
  if (part.find(U"..") != std::u32string_view::npos) return Issue{"email.consecutive_dots", {}};
  return std::nullopt;
}

std::optional<Issue> check_local(std::u32string_view local) {
  for (char32_t cp : local) {
    const bool ok = is_ascii_alnum(cp) || cp == U'.' || kAtextSymbols.find(cp) != std::u32string_view::npos ||
                    (cp >= 0x80 && text::is_letter(cp));
    if (!ok) return Issue{"email.local_character", {{"character", text::to_utf8(std::u32string(1, cp))}}};
  }
  if (auto issue = check_dots(local)) return issue;
  if (text::to_utf8(local).size() > kMaxLocalBytes) return Issue{"email.local_too_long", {}};
  return std::nullopt;
}

// Checks the lower-cased domain and returns its ASCII form.
std::optional<Issue> check_domain(std::u32string_view domain, std::string& ascii) {
  if (domain.find(U',') != std::u32string_view::npos) return Issue{"email.comma", {}};
  for (char32_t cp : domain) {
    if (!(cp == U'.' || cp == U'-' || text::is_ascii_digit(cp) || text::is_letter(cp))) {
      return Issue{"email.domain_character", {{"character", text::to_utf8(std::u32string(1, cp))}}};
    }
  }
  if (auto issue = check_dots(domain)) return issue;
  if (domain.find(U'.') == std::u32string_view::npos) return Issue{"email.missing_tld", {}};

  std::size_t start = 0;
  while (start <= domain.size()) {
    std::size_t end = domain.find(U'.', start);
    if (end == std::u32string_view::npos) end = domain.size();
    const std::u32string_view label = domain.substr(start, end - start);
    if (label.front() == U'-' || label.back() == U'-') return Issue{"email.domain_hyphen", {}};
    bool latin = false, cyrillic = false;
    for (char32_t cp : label) {
      latin |= text::script_of(cp) == text::Script::latin;
      cyrillic |= text::script_of(cp) == text::Script::cyrillic;
    }
    // "gоsuslugi.ru" with a Cyrillic "о" looks right and goes somewhere else.
    if (latin && cyrillic) return Issue{"email.mixed_script", {}};
    const auto encoded = text::idna_label_to_ascii(label);
    if (!encoded || encoded->size() > kMaxLabelBytes) return Issue{"email.domain_too_long", {}};
    if (!ascii.empty()) ascii += '.';
    ascii += *encoded;
    const bool last = end == domain.size();
    if (last && (label.size() < 2 || !std::all_of(label.begin(), label.end(), text::is_letter))) {
      // A TLD is letters only: "mail.r" or "mail.123" is a typo.
      if (encoded->rfind("xn--", 0) != 0) return Issue{"email.tld", {}};
    }
    start = end + 1;
  }
  if (ascii.size() > kMaxDomainBytes) return Issue{"email.domain_too_long", {}};
  return std::nullopt;
}

std::u32string_view trim(std::u32string_view s) {
  while (!s.empty() && text::is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && text::is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

Parsed parse(std::string_view text_in) {
  if (auto issue = check_input(text_in, {512})) return {{}, Result::invalid(std::move(*issue))};
  const std::u32string decoded = text::compose(text::to_u32(text_in));  // "й" typed as и + U+0306 too
  const std::u32string_view s = trim(decoded);
  if (s.empty()) return fail("input.empty");
  if (std::any_of(s.begin(), s.end(), text::is_space)) return fail("email.space");

  const auto at = s.find(U'@');
  if (at == std::u32string_view::npos) return fail("email.missing_at");
  if (s.find(U'@', at + 1) != std::u32string_view::npos) return fail("email.multiple_at");
  const std::u32string_view local = s.substr(0, at);
  std::u32string domain(s.substr(at + 1));
  if (local.empty()) return fail("email.local_empty");
  if (domain.empty()) return fail("email.domain_empty");
  for (char32_t& cp : domain) cp = text::to_lower(cp);

  if (auto issue = check_local(local)) return {{}, Result::invalid(std::move(*issue))};
  std::string ascii_domain;
  if (auto issue = check_domain(domain, ascii_domain)) return {{}, Result::invalid(std::move(*issue))};

  Address a;
  const std::string local_utf8 = text::to_utf8(local);
  a.display = local_utf8 + "@" + text::to_utf8(domain);
  a.ascii = local_utf8 + "@" + ascii_domain;
  a.needs_smtputf8 = std::any_of(local.begin(), local.end(), [](char32_t cp) { return cp >= 0x80; });
  if (a.ascii.size() > kMaxAddressBytes) return fail("email.too_long");
  Result r = Result::valid(a.display);
  return {std::move(a), std::move(r)};
}

Result validate(std::string_view text) { return parse(text).result; }

bool is_valid(std::string_view text) { return validate(text).ok(); }

}  // namespace support::forms::email
