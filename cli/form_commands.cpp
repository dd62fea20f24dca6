// validate-form, sniff, package and email: whole forms, attachment files and
// the requests built from them.
#include <filesystem>

#include "cli/commands.hpp"
#include "forms/form_validator.hpp"

namespace support::cli {

namespace {

constexpr std::size_t kMaxFileBytes = 256 * 1024 * 1024;
constexpr std::size_t kSniffHeadBytes = 64 * 1024;
constexpr std::size_t kMaxSideFileBytes = 1024 * 1024;

// The form file is data under test: oversize or malformed content is a
// validation result, not a usage error. One byte past the limit is enough to
// report an oversize form.
std::optional<std::string> read_form(const std::string& path, std::string& error) {
  return read_prefix(path, forms::kFormJsonLimits.max_bytes + 1, error);
}

// The content of the file an option names, or "" without the option.
std::optional<std::string> option_file(const App& app, const char* name, std::string& error) {
  const std::string* path = app.args.option(name);
  if (!path) return std::string();
  return read_file(*path, kMaxSideFileBytes, error);
}

// Every form command's two arguments: a schema and a form file. nullopt after
// the usage error was reported (its exit code in `exit_code`).
struct SchemaAndForm {
  forms::FormSchema schema;
  std::string form;
};
std::optional<SchemaAndForm> schema_and_form(const App& app, const char* command, int& exit_code) {
  const auto& p = app.args.positional;
  std::string error;
  std::optional<forms::FormSchema> schema;
  std::optional<std::string> form;
  if (p.size() != 3) error = std::string(command) + " needs SCHEMA and FORM.json";
  else if (!(schema = find_schema(app, p[1], error))) {}
  else if (!(form = read_form(p[2], error))) {}
  if (!error.empty()) {
    exit_code = usage_error(error);
    return std::nullopt;
  }
  return SchemaAndForm{std::move(*schema), std::move(*form)};
}

int print_result(const Json& out) {
  print_json(out);
  return out["valid"].get<bool>() ? kValid : kInvalid;
}

}  // namespace

int run_validate_form(const App& app) {
  int exit_code = kUsage;
  const auto in = schema_and_form(app, "validate-form", exit_code);
  if (!in) return exit_code;
  const auto out = app.core->validate_form(in->schema, in->form, app.context());
  std::cout << out.json << '\n';
  return out.valid ? kValid : kInvalid;
}

int run_sniff(const App& app) {
  const auto& p = app.args.positional;
  if (p.size() != 2) return usage_error("sniff needs FILE");
  std::string error;
  std::optional<forms::FormSchema> schema;
  if (const std::string* schema_name = app.args.option("schema")) {
    schema = find_schema(app, *schema_name, error);
    if (!schema) return usage_error(error);
  }
  const forms::attachment::Profile* profile = app.core->attachment_profile(schema ? &*schema : nullptr);
  if (!profile) return usage_error("schema '" + schema->id + "' takes no attachments");
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
  return print_result(app.core->sniff(*bytes, size, name, mime ? *mime : "", *profile, app.context()));
}

int run_package(const App& app) {
  int exit_code = kUsage;
  const auto in = schema_and_form(app, "package", exit_code);
  if (!in) return exit_code;
  std::string error;
  const auto client = option_file(app, "client", error);
  if (!client) return usage_error(error);
  const auto attachments = option_file(app, "attachments", error);
  if (!attachments) return usage_error(error);
  // Without --client: a web page in the display locale, as the widget sends it.
  const std::string default_client =
      Json{{"locale", app.display_locale()}, {"widget_version", "1.0.0"}, {"platform", "web"}, {"page", "/"}}.dump();
  return print_result(app.core->package_request(in->schema, in->form, client->empty() ? default_client : *client, *attachments, app.context()));
}

int run_email(const App& app) {
  int exit_code = kUsage;
  const auto in = schema_and_form(app, "email", exit_code);
  if (!in) return exit_code;
  const std::string* number = app.args.option("number");
  return print_result(app.core->email_fallback(in->schema, in->form, number ? *number : "", {app.display_locale(), app.now}));
}

}  // namespace support::cli
