// Errors as application/problem+json (RFC 9457). The title and detail come
// from the catalogs in the caller's language; per-field errors carry the same
// codes, keys and parameters as the forms core, so the widget shows them as
// its own.
#pragma once

#include <string>
#include <vector>

#include "forms/form_validator.hpp"
#include "i18n/messages.hpp"

namespace support::server {

struct Problem {
  int status = 500;
  std::string code;  // "validation_failed": title key api.<code>, detail key api.<code>_hint
  i18n::Args params;
  std::vector<forms::FieldIssue> errors;
};

std::string problem_json(const Problem& p, const i18n::Messages& messages, const std::string& locale);

}  // namespace support::server
