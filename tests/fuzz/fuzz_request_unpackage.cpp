// Reading a packaged request back from untrusted JSON text, the server's
// path: size and depth pre-check, parse, unpackage, validate the form again,
// package it again. Every step answers with an issue, never an exception.
#include <nlohmann/json.hpp>

#include "common/untrusted_json.hpp"
#include "forms/form_validator.hpp"
#include "forms/request_package.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/support/bundled.hpp"

using namespace support;
using nlohmann::json;

// The limits server/api_server.cpp applies to the request part.
constexpr JsonLimits kServerRequestLimits{1024 * 1024, 32};

// The fixtures are built before fuzzing starts, so the time limit goes to inputs.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)test::forms_config();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::whole(data, size);
  if (untrusted_json_problem(text, kServerRequestLimits)) return 0;
  const json request = json::parse(text, nullptr, false);
  if (request.is_discarded()) return 0;
  const auto& config = test::forms_config();
  const forms::UnpackageResult back = forms::unpackage_request(request, config.schemas);
  FUZZ_CHECK(back.request.has_value() != back.issue.has_value());
  if (!back.request) return 0;
  const forms::FormSchema& schema = *back.request->schema;
  const forms::FormResult form = forms::validate_form(schema, back.request->values, {DateTime{{2026, 12, 2}, 8, 0}});
  if (!form.valid()) return 0;
  (void)forms::package_request(schema, form.values, back.request->client, back.request->attachments,
                               {"access.account_locked"});
  return 0;
}
