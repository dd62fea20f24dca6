#include "forms/forms_config.hpp"

#include <string>

namespace support::forms {

namespace {

constexpr std::string_view kSchemaDir = "forms/schemas/";

std::string_view require(const DataFiles& files, std::string_view path) {
  for (const auto& [p, content] : files) {
    if (p == path) return content;
  }
  throw ConfigError(std::string(path) + ": missing data file");
}

template <class T>
T take(Loaded<T> loaded) {
  if (!loaded) throw ConfigError(loaded.error);
  return std::move(*loaded.value);
}

}  // namespace

const FormSchema* FormsConfig::schema(std::string_view id) const {
  for (const auto& s : schemas) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

Loaded<FormsConfig> FormsConfig::load(const DataFiles& files) {
  return load_config<FormsConfig>([&] {
    FormsConfig c{take(attachment::Rules::load(require(files, "forms/data/attachment_profiles.json"),
                                               "forms/data/attachment_profiles.json")),
                  take(password::Checker::load(require(files, "forms/data/password_policy.json"),
                                               require(files, "forms/data/password_dictionary.json"))),
                  {}};
    for (const auto& [path, content] : files) {
      if (path.substr(0, kSchemaDir.size()) != kSchemaDir) continue;
      FormSchema s = take(FormSchema::load(content, std::string(path), c.attachments));
      if (c.schema(s.id)) throw ConfigError(std::string(path) + ": /id: duplicate schema id \"" + s.id + "\"");
      c.schemas.push_back(std::move(s));
    }
    if (c.schemas.empty()) throw ConfigError(std::string(kSchemaDir) + ": no form schemas");
    return c;
  });
}

}  // namespace support::forms
