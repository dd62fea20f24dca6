// Practical e-mail validation: what mail servers accept and what people get
// wrong. Cyrillic domains (почта@госуслуги.рф) are accepted and given their
// ASCII form (xn--...) for sending; quoted local parts and IP literals are not.
#pragma once

#include <string>
#include <string_view>

#include "forms/issue.hpp"

namespace support::forms::email {

struct Address {
  std::string display;  // local@domain, domain lower-cased, as the person wrote it
  std::string ascii;    // local@xn--domain, what goes into SMTP headers
  bool needs_smtputf8;  // the local part itself is not ASCII (RFC 6531)
};

struct Parsed {
  Address address;
  Result result;  // value = display form when valid
};

// Codes: input.*, email.space, email.missing_at, email.multiple_at,
// email.local_empty, email.domain_empty, email.local_character {character},
// email.domain_character {character}, email.dot_position,
// email.consecutive_dots, email.comma, email.domain_hyphen, email.missing_tld,
// email.tld, email.mixed_script, email.local_too_long, email.domain_too_long,
// email.too_long.
Parsed parse(std::string_view text);
Result validate(std::string_view text);
bool is_valid(std::string_view text);

}  // namespace support::forms::email
