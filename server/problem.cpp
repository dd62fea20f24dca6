#include "server/problem.hpp"

#include <nlohmann/json.hpp>

namespace support::server {

std::string problem_json(const Problem& p, const i18n::Messages& messages, const std::string& locale) {
  using Json = nlohmann::ordered_json;
  Json body;
  body["type"] = "/api/v1/problems/" + p.code;
  body["title"] = messages.format(locale, "api." + p.code, p.params);
  body["status"] = p.status;
  body["detail"] = messages.format(locale, "api." + p.code + "_hint", p.params);
  body["code"] = p.code;
  body["key"] = "api." + p.code;
  if (!p.errors.empty()) {
    Json errors = Json::array();
    for (const auto& e : p.errors) {
      Json params = Json::object();
      for (const auto& [k, v] : e.issue.params) params[k] = v;
      const auto text = messages.error_text(locale, e.issue.code, e.issue.params);
      errors.push_back(Json{{"path", e.path},
                            {"code", e.issue.code},
                            {"key", e.issue.message_key()},
                            {"params", params},
                            {"message", text.message},
                            {"hint", text.hint}});
    }
    body["errors"] = std::move(errors);
  }
  return body.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace support::server
