// The one JSON layer over the core: every shell (supportctl, the WASM module,
// tests) calls these and prints or returns the result, so the same input gives
// the same bytes everywhere. Inputs are untrusted: wrong types, invalid UTF-8
// and oversize text give a result with an error, never an exception.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "chat/conversation.hpp"
#include "chat/knowledge_base.hpp"
#include "chat/matcher.hpp"
#include "common/calendar.hpp"
#include "common/config.hpp"
#include "common/work_calendar.hpp"
#include "forms/form_validator.hpp"
#include "forms/forms_config.hpp"
#include "i18n/messages.hpp"

// 0 in the forms-only WASM module: Facade::load reads no knowledge base and
// the dialogue's calls (chat_calls.cpp) are not built.
#ifndef SUPPORT_WITH_CHAT
#define SUPPORT_WITH_CHAT 1
#endif

namespace support::facade {

// One JSON flavour in the whole module: a second one (ordered_json) cost
// 26 KB of code. Keys come out sorted, so the same input gives the same bytes.
using Json = nlohmann::json;

// One object per line: invalid UTF-8 in echoed input becomes U+FFFD.
std::string to_text(const Json& j);

// What a call needs besides its arguments: the locale of texts (empty: codes
// only, as supportctl without --locale) and the current Moscow time, which the
// caller reads from its clock.
struct CallContext {
  std::string locale;
  DateTime now;
};

class Facade {
 public:
  // Loads forms, catalogs and calendar; the chat when chat/kb files are present.
  // Locales are those of i18n/locales.json whose catalogs are among the files
  // (a page fetches only its own). nullptr and `error` ("file: /path: …") when
  // a file is missing or invalid.
  // `with_chat` false skips the chat even when its files are there (tools that do not need it start faster).
  static std::unique_ptr<Facade> load(const DataFiles& files, std::string& error, bool with_chat = true);

  const forms::FormsConfig& forms() const { return forms_; }
  const i18n::Messages& messages() const { return messages_; }
  const chat::KnowledgeBase* knowledge_base() const { return kb_.get(); }
  const chat::Matcher* matcher() const { return matcher_.get(); }
  const WorkCalendar& calendar() const { return calendar_; }

  // {"code","key","params"} of an issue.
  static Json issue_json(const forms::Issue& issue);
  // Sets "message" and "hint" from `issue` (null when valid) when the context has a locale.
  void describe(Json& out, const forms::Issue* issue, const CallContext& context) const;

  // The JSON text of a hot call, written without a tree (json_text.hpp), and
  // whether it says "valid": true (supportctl's exit code).
  struct Text {
    std::string json;
    bool valid = false;
  };

  // supportctl validate KIND VALUE; nullopt for an unknown kind.
  std::optional<Text> validate(std::string_view kind, std::string_view value, const CallContext& context) const;
  // supportctl password VALUE, with the person's own data when given.
  Json password(std::string_view value, const forms::password::UserInfo& user, const CallContext& context) const;
  // supportctl validate-form SCHEMA FORM.json
  Text validate_form(const forms::FormSchema& schema, std::string_view form_json, const CallContext& context) const;
  // supportctl sniff FILE: `bytes` is the file, or only its head when `size` is over the profile's limit.
  Json sniff(std::string_view bytes, std::uint64_t size, std::string_view name, std::string_view mime,
             const forms::attachment::Profile& profile, const CallContext& context) const;
  // The profile of a schema's attachments field, or of the portal form; nullptr when the schema takes none.
  const forms::attachment::Profile* attachment_profile(const forms::FormSchema* schema) const;

  // supportctl match TEXT; needs the chat.
  Json match(std::string_view text, const std::string& locale) const;
  // "none" when nothing fits well enough, else the top topic.
  std::string answer_of(const chat::MatchResult& r) const;

  // The dialogue: {"reply": …, "state": …}. `state_json` comes back from a page
  // and is untrusted: when it is malformed the conversation starts afresh and
  // the result says why in "state_error".
  Json chat_start(std::string_view state_json, const std::string& locale, const CallContext& context) const;
  Json chat_text(std::string_view state_json, std::string_view text, const CallContext& context) const;
  Json chat_button(std::string_view state_json, std::string_view action, const CallContext& context) const;

  // The request for the portal API from a form, the client context and the
  // attachments' facts: {"valid", "errors", "request"}.
  Json package_request(const forms::FormSchema& schema, std::string_view form_json, std::string_view client_json,
                       std::string_view attachments_json, const CallContext& context) const;
  // The e-mail for when the API cannot be reached: {"valid", "errors", "to", "subject", "body", "mailto"}.
  Json email_fallback(const forms::FormSchema& schema, std::string_view form_json, std::string_view request_number,
                      const CallContext& context) const;
  // One catalog message: {"locale", "key", "text"}; `params_json` an object of strings or numbers.
  Json format(std::string_view key, std::string_view params_json, const CallContext& context) const;

 private:
  Facade() = default;
  Json form_errors(const forms::FormResult& r, const CallContext& context) const;
  Json chat_reply(std::string_view state_json, const CallContext& context,
                  const std::function<void(chat::ConversationState&, Json&)>& step) const;

  forms::FormsConfig forms_;
  i18n::Messages messages_;
  WorkCalendar calendar_;
  std::unique_ptr<chat::KnowledgeBase> kb_;  // stable address: the matcher keeps a reference
  std::unique_ptr<chat::Matcher> matcher_;
};

}  // namespace support::facade
