// The conversation around the answers: a greeting with the top categories
// as buttons; an answer with its steps and "did this help?"; "no" offers the
// feedback form pre-filled with the topic, the operator when one works now
// (or when they are back), and the phone line with what it helps with at this
// hour; a clarifying question when two topics fit about equally; a warning
// when a message holds a secret. Every text comes from the catalogs or the
// knowledge base; time comes from the caller.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "chat/conversation.hpp"
#include "chat/knowledge_base.hpp"
#include "chat/matcher.hpp"
#include "common/calendar.hpp"
#include "forms/forms_config.hpp"
#include "i18n/messages.hpp"

namespace support::chat {

struct Button {
  std::string action;  // "topic:<id>", "category:<id>", "helped:yes", "helped:no", "operator", "form", "restart"
  std::string label;
};

struct FormSuggestion {
  std::string schema;
  std::string request_type;  // may be empty
  std::string topic;
  bool urgent = false;
};

struct Reply {
  // greeting, answer, clarify, no_match, category, thanks, escalation, operator, form, empty
  std::string kind;
  std::vector<std::string> messages;  // paragraphs, in order
  std::string title;                  // of the answered topic
  std::vector<std::string> steps;     // numbered steps of an answer
  std::vector<Button> buttons;
  std::string topic;
  std::optional<FormSuggestion> form;
  std::optional<std::string> privacy_warning;  // the kind of secret found, e.g. "sms_code"
  bool operator_available = false;

  nlohmann::json to_json() const;
};

struct DialogueContext {
  DateTime now;  // Moscow time
  // Weekends and public holidays; Saturday and Sunday when not given.
  std::function<bool(const Date&)> is_day_off;
};

class DialogueEngine {
 public:
  static constexpr std::size_t kMaxMessageBytes = 4000;  // longer messages are read up to here

  DialogueEngine(const KnowledgeBase& kb, const Matcher& matcher, const i18n::Messages& messages,
                 const forms::FormsConfig& forms);

  Reply start(ConversationState& state) const;
  Reply on_text(ConversationState& state, std::string_view text, const DialogueContext& context) const;
  Reply on_button(ConversationState& state, std::string_view action, const DialogueContext& context) const;

  // A topic's answer in a locale, its placeholders filled from the channels file.
  Reply answer(ConversationState& state, const Topic& topic) const;

  // The facts answers refer to ({hotline}, {chat_hours}, ...) for a locale.
  i18n::Args facts(std::string_view locale) const;

 private:
  const KnowledgeBase& kb_;
  const Matcher& matcher_;
  const i18n::Messages& messages_;
  const forms::FormsConfig& forms_;

  std::string text(const ConversationState& s, std::string_view key, const i18n::Args& args = {}) const;
  std::string render(const ConversationState& s, const i18n::MessagePattern& pattern) const;
  Reply greeting(ConversationState& state, std::string kind) const;
  Reply escalation(ConversationState& state, const DialogueContext& context) const;
  // The form to offer: the topic's own, pre-filled with it, or the feedback form.
  FormSuggestion form_for(const ConversationState& state) const;
  void add_operator_status(Reply& reply, const ConversationState& state, const DialogueContext& context) const;
  void add_phone_status(Reply& reply, const ConversationState& state, const DialogueContext& context) const;
  void finish(ConversationState& state, const Reply& reply) const;
  // "сегодня в 08:00", "завтра в 10:00", or a date and time.
  std::string when(const ConversationState& state, const DateTime& at, const DateTime& now) const;
};

}  // namespace support::chat
