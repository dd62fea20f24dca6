// A form described in JSON (forms/schemas/*.json): its fields, their types
// and limits. Texts are not in the schema: labels and hints are i18n keys
// derived from the ids (form.<schema>.field.<name>.label).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/config.hpp"
#include "forms/attachment.hpp"
#include "common/calendar.hpp"
#include "forms/inn.hpp"

namespace support::forms {

enum class FieldType {
  text, reference, phone, email, person_name, snils, inn, ogrn, ogrnip, passport,
  date, datetime, choice, multi_choice, boolean, attachments,
};

std::string_view field_type_name(FieldType type);

struct FieldSpec {
  std::string name;
  FieldType type = FieldType::text;
  bool required = false;
  std::size_t min_length = 0;   // text
  std::size_t max_length = 0;   // text, reference, person_name (0 = type default)
  bool multiline = false;       // text
  inn::Kind inn_kind = inn::Kind::any;
  bool not_future = false;      // date, datetime: not after "now" from the caller
  std::optional<Date> not_before;
  std::vector<std::string> options;  // choice, multi_choice
  bool must_be_true = false;         // boolean: consent boxes
  std::optional<attachment::Profile> profile;  // attachments
};

enum class Priority { standard, urgent, complex };
std::string_view priority_name(Priority p);

// When a request of this form is urgent: always, or when a choice field holds one of some values.
struct PriorityRule {
  Priority default_priority = Priority::standard;
  std::vector<std::pair<std::string, std::vector<std::string>>> urgent_when;  // field -> values
};

struct FormSchema {
  std::string id;
  int version = 1;
  std::string request_type;  // what packaging puts into the request
  PriorityRule priority;
  std::vector<FieldSpec> fields;

  const FieldSpec* field(std::string_view name) const;

  static Loaded<FormSchema> load(std::string_view json, const std::string& file, const attachment::Rules& rules);
};

}  // namespace support::forms
