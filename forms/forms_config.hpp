// Everything the forms core needs, loaded from data files by their repository
// paths (the build bundles them; tests pass their own). No file I/O here: the
// caller hands in the contents.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "common/config.hpp"
#include "forms/attachment.hpp"
#include "forms/form_schema.hpp"
#include "forms/password.hpp"

namespace support::forms {

struct FormsConfig {
  attachment::Rules attachments;
  password::Checker passwords;
  std::vector<FormSchema> schemas;  // every forms/schemas/*.json

  const FormSchema* schema(std::string_view id) const;

  // Needs forms/data/attachment_profiles.json, password_policy.json,
  // password_dictionary.json and at least one forms/schemas/*.json;
  // forms/data/password_dictionary_ru.json when present.
  static Loaded<FormsConfig> load(const DataFiles& files);
};

}  // namespace support::forms
