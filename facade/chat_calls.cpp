// The dialogue through the facade: the state comes from a page (stored in the
// browser) or a tool, is restored as untrusted input, and goes back with the reply.
#include "chat/dialogue.hpp"
#include "facade/facade.hpp"

namespace support::facade {

namespace {

struct Restored {
  chat::ConversationState state;
  std::string error;  // why a given state was not usable; empty when none was given or it was fine
};

Restored restore(std::string_view state_json, const std::string& locale, const i18n::Messages& messages) {
  Restored r;
  r.state.locale = locale;
  if (state_json.empty()) return r;
  const auto parsed = nlohmann::json::parse(state_json, nullptr, false);
  if (parsed.is_discarded()) {
    r.error = "/: not JSON";
    return r;
  }
  auto state = chat::ConversationState::from_json(parsed, r.error);
  if (!state) return r;
  if (!messages.catalog(state->locale)) state->locale = locale;
  r.state = std::move(*state);
  return r;
}

}  // namespace

Json Facade::chat_reply(std::string_view state_json, const CallContext& context,
                        const std::function<void(chat::ConversationState&, Json&)>& step) const {
  if (!kb_) return Json{{"error", "chat_not_loaded"}};
  const std::string locale = messages_.catalog(context.locale) ? context.locale : messages_.default_locale();
  Restored restored = restore(state_json, locale, messages_);
  Json out = Json::object();
  step(restored.state, out);
  out["state"] = Json(restored.state.to_json());
  if (!restored.error.empty()) out["state_error"] = restored.error;
  return out;
}

Json Facade::chat_start(std::string_view state_json, const std::string& locale, const CallContext& context) const {
  CallContext in_locale = context;
  in_locale.locale = locale;
  return chat_reply(state_json, in_locale, [&](chat::ConversationState& state, Json& out) {
    const chat::DialogueEngine dialogue(*kb_, *matcher_, messages_, forms_);
    // A conversation under way goes on where it was; the page shows its transcript.
    if (!state.transcript.empty()) {
      out["reply"] = nullptr;
      return;
    }
    out["reply"] = Json(dialogue.start(state).to_json());
  });
}

namespace {

chat::DialogueContext dialogue_context(const CallContext& context, const WorkCalendar& calendar) {
  // Public holidays follow the days-off schedule of the phone line, as weekends do.
  return {context.now, [&calendar](const Date& d) { return !calendar.is_working_day(d); }};
}

}  // namespace

Json Facade::chat_text(std::string_view state_json, std::string_view text, const CallContext& context) const {
  return chat_reply(state_json, context, [&](chat::ConversationState& state, Json& out) {
    const chat::DialogueEngine dialogue(*kb_, *matcher_, messages_, forms_);
    out["reply"] = Json(dialogue.on_text(state, text, dialogue_context(context, calendar_)).to_json());
  });
}

Json Facade::chat_button(std::string_view state_json, std::string_view action, const CallContext& context) const {
  return chat_reply(state_json, context, [&](chat::ConversationState& state, Json& out) {
    const chat::DialogueEngine dialogue(*kb_, *matcher_, messages_, forms_);
    out["reply"] = Json(dialogue.on_button(state, action, dialogue_context(context, calendar_)).to_json());
  });
}

}  // namespace support::facade
