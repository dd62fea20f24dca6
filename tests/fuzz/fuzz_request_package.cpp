// Request packaging from a validated form and an untrusted client context,
// then reading it back the way the server does. Input: one byte choosing the
// schema, then NUL-separated locale, widget version, platform, page, topic,
// consent time, transcript ("u:" or "b:" lines) and the form's JSON (last).
// A package reads back to the same form, which validates again and packages
// to the same bytes.
#include <nlohmann/json.hpp>

#include "forms/attachment.hpp"
#include "forms/form_validator.hpp"
#include "forms/request_package.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/support/bundled.hpp"

using namespace support;
using nlohmann::json;

namespace {
const std::set<std::string> kUrgentTopics = {"access.account_locked", "security.suspicious_activity"};

std::vector<forms::TranscriptLine> transcript_of(std::string_view lines) {
  std::vector<forms::TranscriptLine> out;
  while (!lines.empty()) {
    const std::size_t eol = lines.find('\n');
    const std::string_view line = lines.substr(0, eol);
    lines = eol == std::string_view::npos ? std::string_view() : lines.substr(eol + 1);
    out.push_back({line.rfind("u:", 0) == 0, std::string(line.substr(line.size() >= 2 ? 2 : 0))});
  }
  return out;
}

// What the widget would know of each listed file: its type by extension, its digest.
std::vector<forms::AttachmentFacts> facts_of(const json& values) {
  std::vector<forms::AttachmentFacts> out;
  if (!values.contains("attachments")) return out;
  for (const auto& a : values["attachments"]) {
    const auto type = forms::attachment::type_from_extension(a["name"].get<std::string>());
    out.push_back({std::string(forms::attachment::type_name(type.value_or(forms::attachment::FileType::unknown))),
                   a.value("sha256", std::string(64, 'a'))});
  }
  return out;
}
}  // namespace

// The fixtures are built before fuzzing starts, so the time limit goes to inputs.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)test::forms_config();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& config = test::forms_config();
  const forms::FormSchema& schema = config.schemas[data[0] % config.schemas.size()];
  const auto p = fuzz::parts(data + 1, size - 1, 8);
  const forms::FormContext context{DateTime{{2026, 12, 2}, 8, 0}};
  const forms::FormResult form = forms::validate_form_json(schema, p[7], context);
  if (!form.valid()) return 0;

  forms::ClientContext client{std::string(p[0]), std::string(p[1]), std::string(p[2]), std::string(p[3]),
                              std::string(p[4]), transcript_of(p[6]), std::string(p[5])};
  const std::vector<forms::AttachmentFacts> facts = facts_of(form.values);
  const forms::Result packaged = forms::package_request(schema, form.values, client, facts, kUrgentTopics);
  if (!packaged.ok()) return 0;

  const json request = json::parse(packaged.value);
  const forms::UnpackageResult back = forms::unpackage_request(request, config.schemas);
  FUZZ_CHECK(back.request.has_value());
  FUZZ_CHECK(back.request->schema == &schema);
  const forms::FormResult again = forms::validate_form(schema, back.request->values, context);
  FUZZ_CHECK(again.valid());
  const forms::Result repackaged =
      forms::package_request(schema, again.values, back.request->client, back.request->attachments, kUrgentTopics);
  FUZZ_CHECK(repackaged.ok() && repackaged.value == packaged.value);
  return 0;
}
