// The embind bindings of the facade, nothing else: one object per page, coarse
// calls (one per user action), strings and bytes in, JSON text out. Every
// argument comes from a web page and is untrusted; the facade never throws, and
// anything unexpected still comes back as {"error": …} rather than a trap.
#include <emscripten/bind.h>
#include <malloc.h>

#include "common/calendar.hpp"
#include "facade/data_pack.hpp"
#include "facade/facade.hpp"

namespace {

using support::facade::Facade;
using support::facade::Json;
using support::facade::to_text;

std::string error_text(std::string_view code, std::string_view detail = {}) {
  Json out{{"error", code}};
  if (!detail.empty()) out["detail"] = detail;
  return to_text(out);
}

class Core {
 public:
  // A data pack as the build wrote it; "" when accepted, else why not.
  std::string add_pack(const std::string& pack_json) { return packs_.add(pack_json); }

  // (Re)loads the core from the packs added so far; "" or the load error
  // ("chat/kb/topics/access.json: /topics/3/ru/steps: …").
  std::string load() {
    std::string error;
    auto loaded = Facade::load(packs_.files(), error);
    if (!loaded) return error.empty() ? "load failed" : error;
    facade_ = std::move(loaded);
    return {};
  }

  std::string validate(const std::string& kind, const std::string& value, const std::string& locale, const std::string& now) const {
    return call(now, locale, [&](const Facade& f, const support::facade::CallContext& c) {
      auto out = f.validate(kind, value, c);
      return out ? std::move(out->json) : error_text("unknown_kind");
    });
  }

  std::string password(const std::string& value, const std::string& user_json, const std::string& locale) const {
    return call("", locale, [&](const Facade& f, const support::facade::CallContext& c) {
      support::forms::password::UserInfo user;
      const auto j = nlohmann::json::parse(std::string_view(user_json), nullptr, false);  // the parser every other call uses
      if (!user_json.empty() && !j.is_object()) return error_text("user_not_object");
      if (j.is_object()) {
        const auto read = [&](const char* key, std::string& out) {
          if (j.contains(key) && j[key].is_string()) out = j[key].get<std::string>();
        };
        read("name", user.full_name);
        read("birth_date", user.birth_date);
        read("phone", user.phone);
        read("email", user.email);
      }
      return to_text(f.password(value, user, c));
    });
  }

  std::string validate_form(const std::string& schema, const std::string& form_json, const std::string& locale,
                            const std::string& now) const {
    return call(now, locale, [&](const Facade& f, const support::facade::CallContext& c) {
      const auto* s = f.forms().schema(schema);
      return s ? f.validate_form(*s, form_json, c).json : error_text("unknown_schema");
    });
  }

  // `bytes` is the file (a Uint8Array on the JS side), or its head when `size` is over the limit.
  std::string sniff(const std::string& bytes, double size, const std::string& name, const std::string& mime,
                    const std::string& locale, const std::string& schema) const {
    return call("", locale, [&](const Facade& f, const support::facade::CallContext& c) {
      const auto* s = schema.empty() ? nullptr : f.forms().schema(schema);
      if (!schema.empty() && !s) return error_text("unknown_schema");
      const auto* profile = f.attachment_profile(s);
      if (!profile) return error_text("no_attachments");
      const auto file_size = size >= 0 && size < 9.0e15 ? static_cast<std::uint64_t>(size) : bytes.size();
      return to_text(f.sniff(bytes, file_size, name, mime, *profile, c));
    });
  }

#if SUPPORT_WITH_CHAT
  std::string match(const std::string& text, const std::string& locale) const {
    return call("", locale, [&](const Facade& f, const support::facade::CallContext&) { return to_text(f.match(text, locale)); });
  }

  std::string chat_start(const std::string& state_json, const std::string& locale, const std::string& now) const {
    return call(now, locale, [&](const Facade& f, const support::facade::CallContext& c) {
      return to_text(f.chat_start(state_json, locale, c));
    });
  }

  std::string chat_text(const std::string& state_json, const std::string& text, const std::string& locale, const std::string& now) const {
    return call(now, locale, [&](const Facade& f, const support::facade::CallContext& c) {
      return to_text(f.chat_text(state_json, text, c));
    });
  }

  std::string chat_button(const std::string& state_json, const std::string& action, const std::string& locale,
                          const std::string& now) const {
    return call(now, locale, [&](const Facade& f, const support::facade::CallContext& c) {
      return to_text(f.chat_button(state_json, action, c));
    });
  }
#endif

  std::string package_request(const std::string& schema, const std::string& form_json, const std::string& client_json,
                              const std::string& attachments_json, const std::string& locale, const std::string& now) const {
    return call(now, locale, [&](const Facade& f, const support::facade::CallContext& c) {
      const auto* s = f.forms().schema(schema);
      return s ? to_text(f.package_request(*s, form_json, client_json, attachments_json, c)) : error_text("unknown_schema");
    });
  }

  std::string email_fallback(const std::string& schema, const std::string& form_json, const std::string& number,
                             const std::string& locale, const std::string& now) const {
    return call(now, locale, [&](const Facade& f, const support::facade::CallContext& c) {
      const auto* s = f.forms().schema(schema);
      return s ? to_text(f.email_fallback(*s, form_json, number, c)) : error_text("unknown_schema");
    });
  }

  std::string format(const std::string& key, const std::string& params_json, const std::string& locale) const {
    return call("", locale, [&](const Facade& f, const support::facade::CallContext& c) { return to_text(f.format(key, params_json, c)); });
  }

  // The loaded data files a page may read as they are (schemas, catalogs): the file's JSON, or "".
  std::string data_file(const std::string& path) {
    for (const auto& [p, text] : packs_.files()) {
      if (p == path) return std::string(text);
    }
    return {};
  }

 private:
  // Each binding's body runs through one copy of run(): the checks and the
  // catch are not instantiated again per lambda.
  using Invoke = std::string (*)(const void* body, const Facade&, const support::facade::CallContext&);

  template <class F>
  std::string call(const std::string& now, const std::string& locale, const F& body) const {
    return run(now, locale, &body, [](const void* f, const Facade& facade, const support::facade::CallContext& c) {
      return (*static_cast<const F*>(f))(facade, c);
    });
  }

  std::string run(const std::string& now, const std::string& locale, const void* body, Invoke invoke) const {
    if (!facade_) return error_text("not_loaded");
    support::facade::CallContext context{locale, {}};
    if (!now.empty()) {
      const auto parsed = support::parse_iso_datetime(now);
      if (!parsed) return error_text("bad_now", "expected YYYY-MM-DDTHH:MM");
      context.now = *parsed;
    }
    try {
      return invoke(body, *facade_, context);
    } catch (const std::exception& e) {
      // A fault of ours, not the page's: say so instead of trapping.
      return error_text("internal_error", e.what());
    }
  }

  support::facade::DataPacks packs_;
  std::unique_ptr<Facade> facade_;
};

}  // namespace

// Bytes the allocator has handed out and not had back: tests show that calls
// across the boundary leave nothing behind.
double heap_in_use() { return static_cast<double>(mallinfo().uordblks); }

EMSCRIPTEN_BINDINGS(support_core) {
  emscripten::function("heapInUse", &heap_in_use);
  // The forms-only module (SUPPORT_WITH_CHAT=0) has no chat calls at all.
  emscripten::constant("withChat", SUPPORT_WITH_CHAT != 0);
  emscripten::class_<Core>("Core")
      .constructor<>()
      .function("addPack", &Core::add_pack)
      .function("load", &Core::load)
      .function("validate", &Core::validate)
      .function("password", &Core::password)
      .function("validateForm", &Core::validate_form)
      .function("sniff", &Core::sniff)
#if SUPPORT_WITH_CHAT
      .function("match", &Core::match)
      .function("chatStart", &Core::chat_start)
      .function("chatText", &Core::chat_text)
      .function("chatButton", &Core::chat_button)
#endif
      .function("packageRequest", &Core::package_request)
      .function("emailFallback", &Core::email_fallback)
      .function("format", &Core::format)
      .function("dataFile", &Core::data_file);
}
