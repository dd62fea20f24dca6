// Punycode (RFC 3492) and the IDNA "xn--" label form, enough to send mail to
// Cyrillic domains such as госуслуги.рф (xn--c1aapkosapc.xn--p1ai).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace support::text {

// Encodes code points as Punycode; nullopt on arithmetic overflow.
std::optional<std::string> punycode_encode(std::u32string_view input);

// One domain label: ASCII labels are returned as they are, others as
// "xn--" + Punycode. The caller lower-cases first.
std::optional<std::string> idna_label_to_ascii(std::u32string_view label);

}  // namespace support::text
