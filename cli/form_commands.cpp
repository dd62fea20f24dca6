// validate-form and sniff: whole forms and attachment files.
#include <filesystem>

#include "cli/commands.hpp"
#include "forms/form_validator.hpp"

namespace support::cli {

namespace {

constexpr std::size_t kMaxSchemaBytes = 1024 * 1024;
constexpr std::size_t kMaxFileBytes = 256 * 1024 * 1024;
constexpr std::size_t kSniffHeadBytes = 64 * 1024;

// A bundled schema by id ("feedback"), or a schema file by path.
std::optional<forms::FormSchema> find_schema(const App& app, const std::string& name, std::string& error) {
  if (const auto* s = app.forms.schema(name)) return *s;
  auto text = read_file(name, kMaxSchemaBytes, error);
  if (!text) {
    error = "no bundled schema '" + name + "' and " + error;
    return std::nullopt;
  }
  auto loaded = forms::FormSchema::load(*text, name, app.forms.attachments);
  if (!loaded) {
    error = loaded.error;
    return std::nullopt;
  }
  return std::move(*loaded.value);
}

Json form_result_json(const App& app, const std::string& schema_id, const forms::FormResult& r) {
  Json errors = Json::array();
  for (const auto& fi : r.issues) {
    Json e{{"path", fi.path}};
    e.update(issue_json(fi.issue));
    app.describe(e, &fi.issue);
    errors.push_back(std::move(e));
  }
  return Json{{"schema", schema_id}, {"valid", r.valid()}, {"errors", errors}, {"values", Json(r.values)}};
}

}  // namespace

int run_validate_form(const App& app) {
  const auto& p = app.args.positional;
  if (p.size() != 3) return usage_error("validate-form needs SCHEMA and FORM.json");
  std::string error;
  const auto schema = find_schema(app, p[1], error);
  if (!schema) return usage_error(error);
  // The form file is data under test: oversize or malformed content is a
  // validation result, not a usage error.
  // Reading one byte past the limit is enough to report an oversize form.
  auto text = read_prefix(p[2], forms::kFormJsonLimits.max_bytes + 1, error);
  if (!text) return usage_error(error);
  const auto result = forms::validate_form_json(*schema, *text, {app.now});
  print_json(form_result_json(app, schema->id, result));
  return result.valid() ? kValid : kInvalid;
}

int run_sniff(const App& app) {
  const auto& p = app.args.positional;
  if (p.size() != 2) return usage_error("sniff needs FILE");
  const forms::attachment::Profile* profile = app.forms.attachments.profile("portal_form");
  std::string error;
  if (const std::string* schema_name = app.args.option("schema")) {
    const auto schema = find_schema(app, *schema_name, error);
    if (!schema) return usage_error(error);
    profile = nullptr;
    for (const auto& f : schema->fields) {
      if (f.profile) profile = &*app.forms.attachments.profile(f.profile->id);
    }
    if (!profile) return usage_error("schema '" + schema->id + "' takes no attachments");
  }
  std::error_code ec;
  const bool regular = std::filesystem::is_regular_file(p[1], ec);
  const auto size = regular ? std::filesystem::file_size(p[1], ec) : 0;
  if (ec || !regular) return usage_error(p[1] + ": not a readable regular file");
  // A file over the limit is refused for its size; its head still says what it is.
  const bool oversize = size > profile->max_file_bytes;
  auto bytes = oversize ? read_prefix(p[1], kSniffHeadBytes, error) : read_file(p[1], kMaxFileBytes, error);
  if (!bytes) return usage_error(error);
  const std::string* name_option = app.args.option("name");
  const std::string name = name_option ? *name_option : std::filesystem::path(p[1]).filename().string();
  const std::string* mime = app.args.option("mime");
  const auto sniffed = forms::attachment::sniff(*bytes);
  forms::Result r = oversize ? forms::Result::invalid(*forms::attachment::check_metadata(name, size, *profile))
                             : forms::attachment::check_file(*bytes, name, mime ? *mime : "", *profile);
  Json out{{"file", name}, {"size", size}, {"profile", profile->id},
           {"detected", std::string(forms::attachment::type_name(sniffed.type))},
           {"truncated", sniffed.truncated}, {"valid", r.ok()}};
  out["error"] = r.ok() ? Json() : Json(r.issue->code);
  out["params"] = r.ok() ? Json() : issue_json(*r.issue)["params"];
  app.describe(out, r.ok() ? nullptr : &*r.issue);
  print_json(out);
  return r.ok() ? kValid : kInvalid;
}

}  // namespace support::cli
