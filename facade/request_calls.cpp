// Requests for the portal API through the facade: the form validated again,
// the client context read strictly from untrusted JSON, the transcript masked.
#include "chat/conversation.hpp"
#include "chat/privacy_guard.hpp"
#include "facade/facade.hpp"
#include "forms/email_fallback.hpp"
#include "forms/form_validator.hpp"
#include "forms/request_package.hpp"
#include "text/utf8.hpp"

namespace support::facade {

namespace {

// Reads the page's client context; the problem's JSON path when malformed.
std::optional<forms::ClientContext> read_client(std::string_view text, std::string& error) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return error = "client", std::nullopt;
  forms::ClientContext c;
  static const std::pair<const char*, std::string forms::ClientContext::*> kStrings[] = {
      {"locale", &forms::ClientContext::locale},   {"widget_version", &forms::ClientContext::widget_version},
      {"platform", &forms::ClientContext::platform}, {"page", &forms::ClientContext::page},
      {"topic", &forms::ClientContext::topic},     {"consent_at", &forms::ClientContext::consent_at}};
  for (const auto& [key, value] : j.items()) {
    bool known = key == "transcript";
    for (const auto& [name, member] : kStrings) {
      if (key != name) continue;
      known = true;
      if (!value.is_string()) return error = "client." + key, std::nullopt;
      c.*member = value.get<std::string>();
    }
    if (!known) return error = "client." + key, std::nullopt;
  }
  if (j.contains("transcript")) {
    const auto& lines = j["transcript"];
    if (!lines.is_array()) return error = "client.transcript", std::nullopt;
    // The newest lines matter; the package keeps a bounded tail anyway.
    const std::size_t first = lines.size() > chat::ConversationState::kMaxTranscript ? lines.size() - chat::ConversationState::kMaxTranscript : 0;
    for (std::size_t i = first; i < lines.size(); ++i) {
      const auto& line = lines[i];
      const std::string at = "client.transcript[" + std::to_string(i) + "]";
      if (!line.is_object() || !line.contains("from") || !line.contains("text") || line.size() != 2) return error = at, std::nullopt;
      if (!line["text"].is_string() || !(line["from"] == "user" || line["from"] == "bot")) return error = at, std::nullopt;
      // Cut before masking: masking is linear, but a line longer than the package keeps is wasted work.
      const std::string line_text = text::cut_utf8(line["text"].get<std::string>(), chat::ConversationState::kMaxEntryBytes);
      c.transcript.push_back({line["from"] == "user", chat::mask_secrets(line_text, chat::find_secrets(line_text))});
    }
  }
  return c;
}

std::optional<std::vector<forms::AttachmentFacts>> read_attachments(std::string_view text) {
  if (text.empty()) return std::vector<forms::AttachmentFacts>{};
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array() || j.size() > 64) return std::nullopt;
  std::vector<forms::AttachmentFacts> out;
  for (const auto& a : j) {
    if (!a.is_object() || a.size() != 2 || !a.contains("type") || !a.contains("sha256")) return std::nullopt;
    if (!a["type"].is_string() || !a["sha256"].is_string()) return std::nullopt;
    out.push_back({a["type"].get<std::string>(), a["sha256"].get<std::string>()});
  }
  return out;
}

Json invalid_at(const std::string& path, const forms::Issue& issue, const Facade& f, const CallContext& context) {
  Json e{{"path", path}};
  e.update(Facade::issue_json(issue));
  f.describe(e, &issue, context);
  return Json{{"valid", false}, {"errors", Json::array({e})}};
}

std::set<std::string> urgent_topics(const chat::KnowledgeBase* kb) {
  std::set<std::string> out;
  if (kb) {
    for (const auto& t : kb->topics()) {
      if (t.urgent) out.insert(t.id);
    }
  }
  return out;
}

}  // namespace

Json Facade::package_request(const forms::FormSchema& schema, std::string_view form_json, std::string_view client_json,
                             std::string_view attachments_json, const CallContext& context) const {
  const auto form = forms::validate_form_json(schema, form_json, {context.now});
  if (!form.valid()) return Json{{"valid", false}, {"errors", form_errors(form, context)}, {"request", nullptr}};
  std::string error;
  const auto client = read_client(client_json, error);
  if (!client) return invalid_at(error, {"package.client", {{"field", error}}}, *this, context);
  const auto facts = read_attachments(attachments_json);
  if (!facts) return invalid_at("attachments", {"package.attachments", {}}, *this, context);
  const auto r = forms::package_request(schema, form.values, *client, *facts, urgent_topics(kb_.get()));
  if (!r.ok()) return invalid_at(r.issue->params.empty() ? "request" : r.issue->params.front().second, *r.issue, *this, context);
  Json out{{"valid", true}, {"errors", Json::array()}};
  out["request"] = Json::parse(std::string_view(r.value));
  return out;
}

Json Facade::email_fallback(const forms::FormSchema& schema, std::string_view form_json, std::string_view request_number,
                            const CallContext& context) const {
  const auto form = forms::validate_form_json(schema, form_json, {context.now});
  if (!form.valid()) return Json{{"valid", false}, {"errors", form_errors(form, context)}};
  const chat::Channel* mail = kb_ ? kb_->channels().channel("support_email") : nullptr;
  const auto* profile = forms_.attachments.profile("email");
  if (!mail || !profile) return Json{{"valid", false}, {"errors", Json::array()}, {"error", "channels_not_loaded"}};
  const std::string locale = context.locale.empty() ? messages_.default_locale() : context.locale;
  const auto draft = forms::email_fallback(schema, form.values, request_number, mail->address, *profile, messages_, locale);
  return Json{{"valid", true},        {"errors", Json::array()}, {"to", draft.to},
              {"subject", draft.subject}, {"body", draft.body},     {"mailto", draft.mailto}};
}

}  // namespace support::facade
