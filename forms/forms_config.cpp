#include "forms/forms_config.hpp"

#include <string>

namespace support::forms {

namespace {

constexpr std::string_view kSchemaDir = "forms/schemas/";

}  // namespace

const FormSchema* FormsConfig::schema(std::string_view id) const {
  for (const auto& s : schemas) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

Loaded<FormsConfig> FormsConfig::load(const DataFiles& files) {
  return load_config<FormsConfig>([&] {
    // The strength estimate's word lists are optional: a page fetches them only where a password field is.
    std::string_view dictionary, russian_list;
    for (const auto& [path, content] : files) {
      if (path == "forms/data/password_dictionary.json") dictionary = content;
      if (path == "forms/data/password_dictionary_ru.json") russian_list = content;
    }
    FormsConfig c{value_or_throw(attachment::Rules::load(require_file(files, "forms/data/attachment_profiles.json"),
                                               "forms/data/attachment_profiles.json")),
                  value_or_throw(password::Checker::load(require_file(files, "forms/data/password_policy.json"),
                                               dictionary, russian_list)),
                  {}};
    for (const auto& [path, content] : files) {
      if (path.substr(0, kSchemaDir.size()) != kSchemaDir) continue;
      FormSchema s = value_or_throw(FormSchema::load(content, std::string(path), c.attachments));
      if (c.schema(s.id)) throw ConfigError(std::string(path) + ": /id: duplicate schema id \"" + s.id + "\"");
      c.schemas.push_back(std::move(s));
    }
    if (c.schemas.empty()) throw ConfigError(std::string(kSchemaDir) + ": no form schemas");
    return c;
  });
}

}  // namespace support::forms
