// Spots secrets people paste into a chat: passwords, SMS codes, card numbers,
// SNILS and passport numbers. The bot then warns that support never asks for
// them (see the seeds on phishing), and any transcript attached to a request
// has them masked. Card numbers must pass Luhn and SNILS its checksum, so
// request numbers and dates are not taken for secrets.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace support::chat {

enum class SecretKind { password, sms_code, card_number, snils, passport };
std::string_view secret_kind_name(SecretKind kind);  // "password", "sms_code", "card", "snils", "passport"

struct SecretSpan {
  SecretKind kind;
  std::size_t begin, end;  // byte offsets into the text
};

// Spans in text order, not overlapping. Text of any size and encoding is safe.
std::vector<SecretSpan> find_secrets(std::string_view text);

// The text with every span replaced by "***".
std::string mask_secrets(std::string_view text, const std::vector<SecretSpan>& spans);

}  // namespace support::chat
