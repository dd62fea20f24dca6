// Validates a whole form in one call and reports every field's problem at
// once, the way a person wants to see them: path, code, i18n key, params.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/untrusted_json.hpp"
#include "common/calendar.hpp"
#include "forms/form_schema.hpp"
#include "forms/issue.hpp"

namespace support::forms {

struct FieldIssue {
  std::string path;  // "phone", "attachments[1].size", "" for the form itself
  Issue issue;       // issue.message_key() is the i18n key
};

struct FormContext {
  std::optional<DateTime> now;  // Moscow time from the caller; needed by not_future fields
};

struct FormResult {
  std::vector<FieldIssue> issues;
  nlohmann::json values = nlohmann::json::object();  // normalised values of the fields that passed
  bool valid() const { return issues.empty(); }
};

inline constexpr JsonLimits kFormJsonLimits{1024 * 1024, 16};

// Form-level codes: form.malformed_json, form.too_large {max}, form.not_object,
// form.unknown_field, form.required, form.wrong_type {expected},
// form.choice, form.duplicate_choice, form.must_accept; field codes come from the
// validators (snils.checksum, phone.too_short, attachment.too_large, ...).
FormResult validate_form(const FormSchema& schema, const nlohmann::json& form, const FormContext& context = {});
FormResult validate_form_json(const FormSchema& schema, std::string_view form_json, const FormContext& context = {});

}  // namespace support::forms
