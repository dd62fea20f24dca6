// Every call of the facade, the door each byte from a web page comes through
// in the WASM module. Input: a call selector byte, then the call's arguments
// separated by NULs (the last takes the rest). Each result must be JSON that
// serialises without throwing (to_text replaces invalid UTF-8), and the
// dialogue's state must come back as JSON the facade accepts again.
#include <nlohmann/json.hpp>

#include "bundle/bundled_files.hpp"
#include "facade/facade.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace support;

namespace {

const facade::Facade& core() {
  static const auto loaded = [] {
    std::string error;
    auto f = facade::Facade::load(bundle::all_files(), error);
    FUZZ_CHECK(f != nullptr);
    return f;
  }();
  return *loaded;
}

void check(const facade::Json& j) { FUZZ_CHECK(!facade::to_text(j).empty()); }
// The calls written as text (json_text.hpp): JSON whose tree prints the same
// bytes again, so their keys are sorted and escaped as to_text() would do it.
void check(const facade::Facade::Text& t) {
  const auto j = facade::Json::parse(t.json, nullptr, false);
  FUZZ_CHECK(!j.is_discarded() && facade::to_text(j) == t.json && j["valid"].get<bool>() == t.valid);
}

constexpr const char* kKinds[] = {"snils", "inn", "inn10", "inn12", "ogrn", "ogrnip", "passport",
                                  "phone", "email", "name", "date", "birth_date", "datetime"};
constexpr const char* kSchemas[] = {"feedback", "suspicious_activity", "personal_data_change"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned selector = data[0];
  const auto p = fuzz::parts(data + 1, size - 1, 4);
  const facade::Facade& f = core();
  const facade::CallContext context{(selector & 0x80) ? "en" : "ru", DateTime{{2026, 12, 2}, 11, 30}};
  const auto& schema = *f.forms().schema(kSchemas[(selector >> 4) % 3]);
  switch (selector % 10) {
    case 0: {
      const auto out = f.validate(kKinds[(selector >> 3) % 13], p[0], context);
      FUZZ_CHECK(out.has_value());
      check(*out);
      break;
    }
    case 1: check(f.password(p[0], {std::string(p[1]), std::string(p[2]), std::string(p[3]), ""}, context)); break;
    case 2: check(f.validate_form(schema, p[0], context)); break;
    case 3: {
      const auto* profile = f.attachment_profile(nullptr);
      check(f.sniff(p[1], p[1].size() + (selector & 1 ? 100u << 20 : 0u), p[0], p[2], *profile, context));
      break;
    }
    case 4: check(f.match(p[0], context.locale)); break;
    case 5:
    case 6: {
      // A page's stored state, then a message or a button.
      const auto out = selector % 10 == 5 ? f.chat_text(p[0], p[1], context) : f.chat_button(p[0], p[1], context);
      check(out);
      const std::string state = facade::to_text(out["state"]);
      const auto again = f.chat_text(state, "", context);
      FUZZ_CHECK(!again.contains("state_error"));
      break;
    }
    case 7: check(f.chat_start(p[0], context.locale, context)); break;
    case 8: check(f.package_request(schema, p[0], p[1], p[2], context)); break;
    case 9:
      check(f.email_fallback(schema, p[0], p[1], context));
      check(f.format(p[2], p[3], context));
      break;
  }
  return 0;
}
