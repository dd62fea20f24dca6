#include "chat/dialogue.hpp"

#include <algorithm>

#include "chat/privacy_guard.hpp"
#include "chat/text_analyzer.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace support::chat {

namespace {

constexpr const char* kDefaultForm = "feedback";  // when no topic names its own form

bool default_day_off(const Date& d) { return weekday(d) >= 5; }

// Valid UTF-8 without control characters, cut at a character boundary.
std::string clean_message(std::string_view raw, std::size_t max_bytes, bool& truncated) {
  std::string out;
  truncated = false;
  text::for_each_code_point(raw, [&](char32_t cp, std::size_t pos, std::size_t) {
    if (truncated) return;
    if (pos >= max_bytes) {
      truncated = true;
      return;
    }
    if (text::is_control(cp) && cp != U'\n' && cp != U'\t') cp = U' ';
    if (text::is_bidi_control(cp)) return;
    text::append_utf8(out, cp);
  });
  return out;
}

std::string time_of(const DateTime& t) {
  return (t.hour < 10 ? "0" : "") + std::to_string(t.hour) + ":" + (t.minute < 10 ? "0" : "") + std::to_string(t.minute);
}

bool has_readable(std::string_view s) {
  bool found = false;
  text::for_each_code_point(s, [&](char32_t cp, std::size_t, std::size_t) {
    found = found || text::is_letter(cp) || text::is_ascii_digit(cp);
  });
  return found;
}

// A short message after an answer that matches nothing by itself ("а сколько
// это займёт?") is about that answer more often than not.
constexpr std::size_t kFollowUpMaxWords = 6;

}  // namespace

nlohmann::json Reply::to_json() const {
  nlohmann::json buttons_json = nlohmann::json::array();
  for (const auto& b : buttons) buttons_json.push_back({{"action", b.action}, {"label", b.label}});
  nlohmann::json j = {{"kind", kind},       {"messages", messages}, {"title", title},
                      {"steps", steps},     {"buttons", buttons_json}, {"topic", topic},
                      {"operator_available", operator_available}};
  j["form"] = form ? nlohmann::json{{"schema", form->schema},
                                    {"request_type", form->request_type},
                                    {"topic", form->topic},
                                    {"urgent", form->urgent}}
                   : nlohmann::json();
  j["privacy_warning"] = privacy_warning ? nlohmann::json(*privacy_warning) : nlohmann::json();
  return j;
}

DialogueEngine::DialogueEngine(const KnowledgeBase& kb, const Matcher& matcher, const i18n::Messages& messages,
                               const forms::FormsConfig& forms)
    : kb_(kb), matcher_(matcher), messages_(messages), forms_(forms) {}

i18n::Args DialogueEngine::facts(std::string_view locale) const {
  const Channels& c = kb_.channels();
  const auto schedule_of = [&](const char* channel) {
    const Channel* ch = c.channel(channel);
    return ch ? c.describe_schedule(ch->schedule, messages_, locale) : std::string();
  };
  const auto* upload = forms_.attachments.profile("portal_form");
  const auto* email = forms_.attachments.profile("email");
  const auto& policy = forms_.passwords.policy();
  return {
      {"portal", c.portal_url()},
      {"hotline", c.channel("hotline")->number},
      {"hotline_hours", schedule_of("hotline")},
      {"chat_hours", schedule_of("chat_operator")},
      {"mfc_hours", schedule_of("mfc")},
      {"support_email", c.channel("support_email")->address},
      {"email_reply_hours", std::to_string(c.channel("support_email")->reply_within_hours)},
      {"deadline_standard", std::to_string(c.standard_days())},
      {"deadline_urgent", std::to_string(c.urgent_days())},
      {"deadline_complex", std::to_string(c.complex_days())},
      {"upload_max_file", upload ? std::to_string(upload->max_file_bytes) : "0"},
      {"upload_types", upload ? upload->allowed_list() : ""},
      {"email_types", email ? email->allowed_list() : ""},
      {"email_max_total", email ? std::to_string(email->max_total_bytes) : "0"},
      {"password_min_length", std::to_string(policy.min_length)},
      {"password_max_length", std::to_string(policy.max_length)},
  };
}

std::string DialogueEngine::text(const ConversationState& s, std::string_view key, const i18n::Args& args) const {
  return messages_.format(s.locale, key, args);
}

std::string DialogueEngine::render(const ConversationState& s, const i18n::MessagePattern& pattern) const {
  const i18n::Catalog* catalog = messages_.catalog(s.locale);
  if (!catalog) catalog = messages_.catalog(messages_.default_locale());
  std::string out;
  std::vector<std::string> problems;
  pattern.format(facts(s.locale), *catalog, out, problems);
  return out;
}

void DialogueEngine::finish(ConversationState& state, const Reply& reply) const {
  std::string summary = reply.title;
  for (const auto& m : reply.messages) summary += (summary.empty() ? "" : "\n") + m;
  state.record(false, summary);
}

Reply DialogueEngine::greeting(ConversationState& state, std::string kind) const {
  Reply r;
  r.kind = std::move(kind);
  r.messages.push_back(text(state, r.kind == "empty" ? "chat.empty_message" : "chat.greeting"));
  for (const auto& c : kb_.dialogue().categories) r.buttons.push_back({"category:" + c.id, text(state, "chat.category." + c.id)});
  r.buttons.push_back({"operator", text(state, "chat.button.operator")});
  state.stage = Stage::start;
  state.topic.clear();
  state.options.clear();
  finish(state, r);
  return r;
}

Reply DialogueEngine::start(ConversationState& state) const {
  if (!messages_.catalog(state.locale)) state.locale = messages_.default_locale();
  return greeting(state, "greeting");
}

Reply DialogueEngine::answer(ConversationState& state, const Topic& topic) const {
  const TopicText& t = topic.in(state.locale);
  Reply r;
  r.kind = "answer";
  r.topic = topic.id;
  r.title = t.title;
  r.messages.push_back(render(state, t.answer));
  for (const auto& step : t.steps) r.steps.push_back(render(state, step));
  if (topic.urgent) r.messages.push_back(text(state, "chat.answer.urgent"));
  r.messages.push_back(text(state, "chat.feedback.question"));
  r.buttons.push_back({"helped:yes", text(state, "chat.button.yes")});
  r.buttons.push_back({"helped:no", text(state, "chat.button.no")});
  for (const auto& related : topic.related) {
    if (r.buttons.size() >= 4) break;
    if (const Topic* rel = kb_.topic(related)) r.buttons.push_back({"topic:" + rel->id, rel->in(state.locale).title});
  }
  state.stage = Stage::answered;
  state.topic = topic.id;
  state.options.clear();
  finish(state, r);
  return r;
}

void DialogueEngine::add_operator_status(Reply& r, const ConversationState& state, const DialogueContext& ctx) const {
  const Channels& c = kb_.channels();
  if (c.is_open("chat_operator", ctx.now)) {
    r.operator_available = true;
    r.messages.push_back(text(state, "chat.operator.available"));
    r.buttons.push_back({"operator", text(state, "chat.button.operator")});
    return;
  }
  if (const auto next = c.next_opening("chat_operator", ctx.now)) {
    r.messages.push_back(text(state, "chat.operator.back", {{"when", when(state, *next, ctx.now)}}));
  }
}

std::string DialogueEngine::when(const ConversationState& state, const DateTime& at, const DateTime& now) const {
  const long long days_ahead = days_from_civil(at.date) - days_from_civil(now.date);
  if (days_ahead == 0) return text(state, "chat.when.today", {{"time", time_of(at)}});
  if (days_ahead == 1) return text(state, "chat.when.tomorrow", {{"time", time_of(at)}});
  return text(state, "chat.when.later", {{"at", to_iso(at)}});
}

void DialogueEngine::add_phone_status(Reply& r, const ConversationState& state, const DialogueContext& ctx) const {
  const Channels& c = kb_.channels();
  const auto is_day_off = ctx.is_day_off ? ctx.is_day_off : std::function<bool(const Date&)>(default_day_off);
  const auto services = c.phone_services(ctx.now, is_day_off(ctx.now.date));
  const std::string number = c.channel("hotline")->number;
  const bool operators = std::find(services.begin(), services.end(), "operator") != services.end();
  if (!operators) {
    const auto next = c.next_phone_service("operator", ctx.now, is_day_off);
    r.messages.push_back(text(state, next ? "chat.phone.automated" : "chat.phone.automated_only",
                              {{"number", number}, {"when", next ? when(state, *next, ctx.now) : std::string()}}));
    return;
  }
  std::string names;
  for (const auto& s : services) {
    if (s == "operator") continue;
    names += (names.empty() ? "" : ", ") + text(state, "chat.phone.service." + s);
  }
  r.messages.push_back(text(state, "chat.phone.now", {{"number", number}, {"services", names}}));
  // The service this topic needs, if the line offers it only at other hours.
  const Topic* topic = kb_.topic(state.topic);
  if (!topic) return;
  const auto needed = kb_.dialogue().phone_service_by_area.find(topic->area());
  if (needed == kb_.dialogue().phone_service_by_area.end()) return;
  if (std::find(services.begin(), services.end(), needed->second) != services.end()) return;
  if (const auto next = c.next_phone_service(needed->second, ctx.now, is_day_off)) {
    r.messages.push_back(text(state, "chat.phone.service_at",
                              {{"service", text(state, "chat.phone.service." + needed->second)},
                               {"when", when(state, *next, ctx.now)}}));
  }
}

FormSuggestion DialogueEngine::form_for(const ConversationState& state) const {
  const Topic* topic = kb_.topic(state.topic);
  const FormLink link = topic && topic->form ? *topic->form : FormLink{kDefaultForm, ""};
  return {link.schema, link.request_type, state.topic, topic && topic->urgent};
}

Reply DialogueEngine::escalation(ConversationState& state, const DialogueContext& ctx) const {
  Reply r;
  r.kind = "escalation";
  r.topic = state.topic;
  r.messages.push_back(text(state, "chat.escalation.intro"));
  const Topic* topic = kb_.topic(state.topic);
  r.form = form_for(state);
  r.buttons.push_back({"form", text(state, "chat.button.form")});
  if (!topic || topic->offer_operator) add_operator_status(r, state, ctx);
  add_phone_status(r, state, ctx);
  r.buttons.push_back({"restart", text(state, "chat.button.restart")});
  state.stage = Stage::escalated;
  finish(state, r);
  return r;
}

Reply DialogueEngine::on_text(ConversationState& state, std::string_view raw, const DialogueContext& ctx) const {
  if (!messages_.catalog(state.locale)) state.locale = messages_.default_locale();
  bool truncated = false;
  const std::string message = clean_message(raw, kMaxMessageBytes, truncated);
  const auto secrets = find_secrets(message);
  state.record(true, mask_secrets(message, secrets));

  Reply r;
  if (!has_readable(message)) {
    r = greeting(state, "empty");
  } else {
    // A follow-up leans to the topic just answered and its related topics.
    std::vector<std::string> favoured;
    if (state.stage == Stage::answered) {
      if (const Topic* last = kb_.topic(state.topic)) {
        favoured.push_back(last->id);
        favoured.insert(favoured.end(), last->related.begin(), last->related.end());
      }
    }
    const MatchResult m = matcher_.match(message, state.locale, 5, favoured);
    const DialogueSettings& d = kb_.dialogue();
    std::vector<const Topic*> close;
    for (const auto& s : m.ranked) {
      if (s.confidence >= d.min_confidence && m.top() - s.confidence <= d.clarify_margin &&
          close.size() < d.max_clarify_options) {
        close.push_back(kb_.topic(s.topic));
      }
    }
    // Nothing matched a short follow-up with no cue of its own: ask which of the
    // topic just answered and its related ones it is about, instead of starting over.
    if (close.empty() && !favoured.empty() && m.signal.empty() &&
        split_words(text::to_u32(message), kFollowUpMaxWords + 1).size() <= kFollowUpMaxWords) {
      for (const auto& id : favoured) {
        const Topic* t = kb_.topic(id);
        if (t && close.size() < d.max_clarify_options) close.push_back(t);
      }
      if (close.size() == 1) close.clear();  // nothing to choose from: the usual "not understood"
    }
    if (close.empty() && m.signal == "courtesy") {
      // Thanks or praise without a question: the polite closing.
      r.kind = "thanks";
      r.topic = state.topic;
      r.messages.push_back(text(state, "chat.feedback.thanks"));
      r.buttons.push_back({"restart", text(state, "chat.button.restart")});
      state.stage = Stage::start;
      finish(state, r);
    } else if (close.empty()) {
      r.kind = "no_match";
      state.stage = Stage::start;
      state.topic.clear();
      r.messages.push_back(text(state, "chat.no_match"));
      for (const auto& c : d.categories) r.buttons.push_back({"category:" + c.id, text(state, "chat.category." + c.id)});
      add_operator_status(r, state, ctx);
      r.buttons.push_back({"helped:no", text(state, "chat.button.contact_support")});
      finish(state, r);
    } else if (close.size() == 1) {
      r = answer(state, *close.front());
    } else {
      r.kind = "clarify";
      r.messages.push_back(text(state, "chat.clarify"));
      state.options.clear();
      for (const Topic* t : close) {
        r.buttons.push_back({"topic:" + t->id, t->in(state.locale).title});
        state.options.push_back(t->id);
      }
      r.buttons.push_back({"helped:no", text(state, "chat.button.none_of_these")});
      state.stage = Stage::clarifying;
      finish(state, r);
    }
  }
  if (truncated) r.messages.insert(r.messages.begin(), text(state, "chat.message_truncated"));
  if (!secrets.empty()) {
    const std::string kind(secret_kind_name(secrets.front().kind));
    r.privacy_warning = kind;
    r.messages.insert(r.messages.begin(), text(state, "chat.privacy.warning", {{"kind", kind}}));
    state.privacy_warned = true;
  }
  return r;
}

Reply DialogueEngine::on_button(ConversationState& state, std::string_view action, const DialogueContext& ctx) const {
  if (!messages_.catalog(state.locale)) state.locale = messages_.default_locale();
  const auto after = [&](std::string_view prefix) -> std::optional<std::string> {
    if (action.substr(0, prefix.size()) != prefix) return std::nullopt;
    return std::string(action.substr(prefix.size()));
  };
  if (const auto id = after("topic:")) {
    if (const Topic* t = kb_.topic(*id)) return answer(state, *t);
  }
  if (const auto id = after("category:")) {
    for (const auto& c : kb_.dialogue().categories) {
      if (c.id != *id) continue;
      Reply r;
      r.kind = "category";
      r.messages.push_back(text(state, "chat.category_prompt", {{"category", text(state, "chat.category." + c.id)}}));
      for (const auto& topic_id : c.topics) r.buttons.push_back({"topic:" + topic_id, kb_.topic(topic_id)->in(state.locale).title});
      finish(state, r);
      return r;
    }
  }
  if (action == "helped:yes") {
    Reply r;
    r.kind = "thanks";
    r.topic = state.topic;
    r.messages.push_back(text(state, "chat.feedback.thanks"));
    r.buttons.push_back({"restart", text(state, "chat.button.restart")});
    state.stage = Stage::start;
    finish(state, r);
    return r;
  }
  if (action == "helped:no") return escalation(state, ctx);
  if (action == "operator") {
    Reply r;
    r.kind = "operator";
    r.topic = state.topic;
    add_operator_status(r, state, ctx);
    if (r.operator_available) {
      r.buttons.clear();
      r.messages = {text(state, "chat.operator.connecting")};
    } else {
      r.buttons.push_back({"form", text(state, "chat.button.form")});
      r.form = form_for(state);
    }
    finish(state, r);
    return r;
  }
  if (action == "form") {
    Reply r;
    r.kind = "form";
    r.topic = state.topic;
    r.form = form_for(state);
    r.messages.push_back(text(state, "chat.form.opening"));
    finish(state, r);
    return r;
  }
  // "restart", and anything unknown (buttons come back from the page): start over.
  return greeting(state, "greeting");
}

}  // namespace support::chat
