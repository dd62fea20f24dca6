// The OpenAPI document against the code it describes.
#define BOOST_TEST_MODULE openapi
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "forms/request_package.hpp"
#include "tests/support/bundled.hpp"

using namespace support;
using nlohmann::json;

namespace {

json doc() { return json::parse(test::bundled_text("server/openapi.json")); }

std::string source(const std::string& path) {
  std::ifstream in(std::string(SUPPORT_SOURCE_DIR) + "/" + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(routes_and_statuses) {
  const json d = doc();
  BOOST_TEST(d["openapi"] == "3.0.3");
  const json& create = d["paths"]["/api/v1/support/requests"]["post"];
  for (const char* status : {"201", "400", "413", "415", "422", "429", "500"}) {
    BOOST_TEST_CONTEXT(status) { BOOST_TEST(create["responses"].contains(status)); }
  }
  BOOST_TEST(create["parameters"][0]["$ref"] == "#/components/parameters/IdempotencyKey");
  const json& read = d["paths"]["/api/v1/support/requests/{number}"]["get"];
  BOOST_TEST(read["responses"].contains("200"));
  BOOST_TEST(read["responses"].contains("404"));
  BOOST_TEST(read["security"][0].contains("requestToken"));
}

BOOST_AUTO_TEST_CASE(problem_codes_match_the_server_and_the_catalogs) {
  const json d = doc();
  std::set<std::string> documented;
  for (const auto& c : d["components"]["schemas"]["Problem"]["properties"]["code"]["enum"]) documented.insert(c);
  // Every code the server can send: literals in {status, "code"} and its status map.
  const std::string server = source("server/api_server.cpp");
  const std::regex problem(R"re(\{\s*\d{3}\s*,\s*"([a-z_]+)")re");
  std::set<std::string> used;
  for (std::sregex_iterator it(server.begin(), server.end(), problem), end; it != end; ++it) used.insert((*it)[1]);
  BOOST_TEST(used.size() >= 14u);
  for (const auto& code : used) BOOST_TEST_CONTEXT(code) { BOOST_TEST(documented.count(code) == 1u); }
  for (const auto& code : documented) {
    for (const auto& locale : test::messages().locales()) {
      BOOST_TEST_CONTEXT(locale << " " << code) {
        BOOST_TEST(test::messages().has(locale, "api." + code));
        BOOST_TEST(test::messages().has(locale, "api." + code + "_hint"));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(request_schema_matches_packaging) {
  const json d = doc();
  const json& props = d["components"]["schemas"]["SupportRequest"]["properties"];
  const auto& schema = *test::forms_config().schema("feedback");
  forms::ClientContext client{"ru", "1.0.0", "web", "/", "", {}, "2026-11-21T10:00:00+03:00"};
  const json values = {{"subject", "Тема"}, {"description", "Описание проблемы"}, {"phone", "+79161234567"},
                       {"email", "a@b.ru"}, {"consent", true}};
  const json packaged = json::parse(forms::package_request(schema, values, client, {}, {}).value);
  std::set<std::string> documented, produced;
  for (const auto& [k, _] : props.items()) documented.insert(k);
  for (const auto& [k, _] : packaged.items()) produced.insert(k);
  BOOST_TEST(documented == produced);
  for (const char* section : {"contacts", "applicant", "client", "consent"}) {
    std::set<std::string> doc_keys, pkg_keys;
    for (const auto& [k, _] : props[section]["properties"].items()) doc_keys.insert(k);
    for (const auto& [k, _] : packaged[section].items()) pkg_keys.insert(k);
    BOOST_TEST_CONTEXT(section) { BOOST_TEST(doc_keys == pkg_keys); }
  }
  std::set<std::string> forms_documented;
  for (const auto& f : props["form"]["enum"]) forms_documented.insert(f);
  std::set<std::string> forms_bundled;
  for (const auto& s : test::forms_config().schemas) forms_bundled.insert(s.id);
  BOOST_TEST(forms_documented == forms_bundled);
}
