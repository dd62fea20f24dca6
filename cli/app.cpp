#include "cli/app.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace support::cli {

void print_json(const Json& j, std::ostream& out) { out << facade::to_text(j) << '\n'; }

int usage_error(const std::string& message) {
  std::cerr << "supportctl: " << message << "\nRun 'supportctl help' for usage.\n";
  return kUsage;
}

namespace {

bool check_regular(const std::string& path, std::string& error) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    error = path + ": no such file";
    return false;
  }
  if (!std::filesystem::is_regular_file(status)) {
    error = path + ": not a regular file";
    return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> read_prefix(const std::string& path, std::size_t max_bytes, std::string& error) {
  if (!check_regular(path, error)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  std::string buffer(max_bytes, '\0');
  in.read(buffer.data(), static_cast<std::streamsize>(max_bytes));
  buffer.resize(static_cast<std::size_t>(in.gcount()));
  return buffer;
}

std::optional<std::string> read_file(const std::string& path, std::size_t max_bytes, std::string& error) {
  if (!check_regular(path, error)) return std::nullopt;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size > max_bytes) {
    error = path + ": larger than " + std::to_string(max_bytes) + " bytes";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in && !in.eof()) {
    error = path + ": cannot read";
    return std::nullopt;
  }
  return content.str();
}

std::optional<forms::FormSchema> find_schema(const App& app, const std::string& name, std::string& error) {
  constexpr std::size_t kMaxSchemaBytes = 1024 * 1024;
  if (const auto* s = app.core->forms().schema(name)) return *s;
  auto text = read_file(name, kMaxSchemaBytes, error);
  if (!text) {
    error = "no bundled schema '" + name + "' and " + error;
    return std::nullopt;
  }
  auto loaded = forms::FormSchema::load(*text, name, app.core->forms().attachments);
  if (!loaded) {
    error = loaded.error;
    return std::nullopt;
  }
  return std::move(*loaded.value);
}

}  // namespace support::cli
