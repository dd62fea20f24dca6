#include "cli/app.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace support::cli {

void print_json(const Json& j, std::ostream& out) {
  out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

Json issue_json(const forms::Issue& issue) {
  Json params = Json::object();
  for (const auto& [k, v] : issue.params) params[k] = v;
  return Json{{"code", issue.code}, {"key", issue.message_key()}, {"params", params}};
}

void App::describe(Json& out, const forms::Issue* issue) const {
  if (!locale) return;
  if (!issue) {
    out["message"] = nullptr;
    out["hint"] = nullptr;
    return;
  }
  const auto text = messages.error_text(*locale, issue->code, issue->params);
  out["message"] = text.message;
  out["hint"] = text.hint;
}

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

}  // namespace support::cli
