// The e-mail the seeds describe, for when the portal API cannot be reached:
// the subject carries the request type and the INN or the request number
// (seed 003: mail without one is refused), the body lists the form's fields
// under their labels, and attachments are named for the person to attach.
// Texts come from the catalogs; the result opens as a mailto: link (RFC 6068).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "forms/attachment.hpp"
#include "forms/form_schema.hpp"
#include "i18n/messages.hpp"

namespace support::forms {

struct MailDraft {
  std::string to;
  std::string subject;
  std::string body;
  std::string mailto;  // "mailto:to?subject=…&body=…", at most kMaxMailtoBytes
};

// Longer links are cut by some mail clients. Percent-encoded Cyrillic takes
// six bytes a letter, so this leaves room for about 1,300 letters of text.
inline constexpr std::size_t kMaxMailtoBytes = 8000;

// `values` are FormResult::values of a valid form; `request_number` may be empty.
MailDraft email_fallback(const FormSchema& schema, const nlohmann::json& values, std::string_view request_number,
                         std::string_view support_address, const attachment::Profile& email_profile,
                         const i18n::Messages& messages, std::string_view locale);

// RFC 3986 percent-encoding of UTF-8 for a mailto: query value.
std::string percent_encode(std::string_view s);

}  // namespace support::forms
