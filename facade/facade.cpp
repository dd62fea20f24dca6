#include "facade/facade.hpp"

#include <cmath>

namespace support::facade {

std::string to_text(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::unique_ptr<Facade> Facade::load(const DataFiles& files, std::string& error, bool with_chat) {
  std::unique_ptr<Facade> f(new Facade());
  auto forms = forms::FormsConfig::load(files);
  if (!forms) return error = forms.error, nullptr;
  f->forms_ = std::move(*forms.value);
  auto messages = i18n::Messages::load(files, i18n::Messages::Locales::present);
  if (!messages) return error = messages.error, nullptr;
  f->messages_ = std::move(*messages.value);
  const std::string calendar_file = "common/data/work_calendar.json";
  auto calendar = load_config<std::string_view>([&] { return require_file(files, calendar_file); });
  if (!calendar) return error = calendar.error, nullptr;
  auto days = WorkCalendar::load(*calendar.value, calendar_file);
  if (!days) return error = days.error, nullptr;
  f->calendar_ = std::move(*days.value);
#if SUPPORT_WITH_CHAT
  const bool has_chat = with_chat && std::any_of(files.begin(), files.end(), [](const auto& file) { return file.first.rfind("chat/kb/", 0) == 0; });
  if (has_chat) {
    auto kb = chat::KnowledgeBase::load(files, f->forms_, f->messages_.locales());
    if (!kb) return error = kb.error, nullptr;
    f->kb_ = std::make_unique<chat::KnowledgeBase>(std::move(*kb.value));
    f->matcher_ = std::make_unique<chat::Matcher>(*f->kb_);
  }
#else
  (void)with_chat;
#endif
  return f;
}

Json Facade::issue_json(const forms::Issue& issue) {
  Json params = Json::object();
  for (const auto& [k, v] : issue.params) params[k] = v;
  return Json{{"code", issue.code}, {"key", issue.message_key()}, {"params", params}};
}

void Facade::describe(Json& out, const forms::Issue* issue, const CallContext& context) const {
  if (context.locale.empty()) return;
  if (!issue) {
    out["message"] = nullptr;
    out["hint"] = nullptr;
    return;
  }
  const auto text = messages_.error_text(context.locale, issue->code, issue->params);
  out["message"] = text.message;
  out["hint"] = text.hint;
}

namespace {

Json string_list(const std::vector<std::string>& items) {
  Json out = Json::array();
  for (const auto& s : items) out.push_back(s);
  return out;
}

}  // namespace

Json Facade::password(std::string_view value, const forms::password::UserInfo& user, const CallContext& context) const {
  // A page that has not loaded the word lists (loadPasswords()) gets no verdict rather than a weaker one.
  if (!forms_.passwords.has_strength()) return Json{{"error", "passwords_not_loaded"}};
  const auto check = forms_.passwords.check(value, user);
  Json errors = Json::array();
  for (const auto& e : check.errors) errors.push_back(e.code);
  Json out{{"valid", check.valid}, {"score", check.score}, {"errors", errors}, {"warnings", string_list(check.warnings)}};
  if (!context.locale.empty()) {
    // Errors first, then advice; each with its fix.
    Json messages = Json::array();
    auto add = [&](const forms::Issue& issue) {
      Json m{{"code", issue.code}};
      describe(m, &issue, context);
      messages.push_back(std::move(m));
    };
    for (const auto& e : check.errors) add(e);
    for (const auto& w : check.warnings) add({w, {}});
    out["strength"] = messages_.format(context.locale, "ui.password.strength." + std::to_string(check.score));
    out["messages"] = std::move(messages);
  }
  return out;
}

const forms::attachment::Profile* Facade::attachment_profile(const forms::FormSchema* schema) const {
  if (!schema) return forms_.attachments.profile("portal_form");
  const forms::attachment::Profile* profile = nullptr;
  for (const auto& f : schema->fields) {
    if (f.profile) profile = forms_.attachments.profile(f.profile->id);
  }
  return profile;
}

Json Facade::sniff(std::string_view bytes, std::uint64_t size, std::string_view name, std::string_view mime,
                   const forms::attachment::Profile& profile, const CallContext& context) const {
  const auto sniffed = forms::attachment::sniff(bytes);
  // A file over the limit is refused for its size; its head still says what it is.
  const forms::Result r = size > profile.max_file_bytes
                              ? forms::Result::invalid(*forms::attachment::check_metadata(name, size, profile))
                              : forms::attachment::check_file(bytes, name, mime, profile);
  Json out{{"file", name}, {"size", size}, {"profile", profile.id},
           {"detected", std::string(forms::attachment::type_name(sniffed.type))},
           {"truncated", sniffed.truncated}, {"valid", r.ok()}};
  out["error"] = r.ok() ? Json() : Json(r.issue->code);
  out["params"] = r.ok() ? Json() : issue_json(*r.issue)["params"];
  describe(out, r.ok() ? nullptr : &*r.issue, context);
  return out;
}

std::string Facade::answer_of(const chat::MatchResult& r) const {
  if (!kb_ || r.ranked.empty() || r.top() < kb_->dialogue().min_confidence) return "none";
  return r.ranked.front().topic;
}

Json Facade::match(std::string_view text, const std::string& locale) const {
#if SUPPORT_WITH_CHAT
  if (!matcher_) return Json{{"error", "chat_not_loaded"}};
  const auto r = matcher_->match(text, locale);
  Json results = Json::array();
  for (const auto& s : r.ranked) {
    results.push_back(Json{{"topic", s.topic}, {"confidence", std::round(s.confidence * 1000) / 1000}});
  }
  return Json{{"query", text}, {"locale", locale}, {"answer", answer_of(r)}, {"results", results}};
#else
  (void)text, (void)locale;
  return Json{{"error", "chat_not_loaded"}};
#endif
}

Json Facade::format(std::string_view key, std::string_view params_json, const CallContext& context) const {
  const std::string locale = context.locale.empty() ? messages_.default_locale() : context.locale;
  i18n::Args args;
  if (!params_json.empty()) {
    const Json params = Json::parse(params_json, nullptr, false);  // from a string_view, as every parse: one parser instance
    if (!params.is_object()) return Json{{"locale", locale}, {"key", key}, {"error", "params_not_object"}};
    for (const auto& [name, value] : params.items()) {
      if (value.is_string()) args.emplace_back(name, value.get<std::string>());
      else if (value.is_number()) args.emplace_back(name, value.dump());
      else return Json{{"locale", locale}, {"key", key}, {"error", "param_type"}, {"param", name}};
    }
  }
  return Json{{"locale", locale}, {"key", key}, {"text", messages_.format(locale, key, args)}};
}

}  // namespace support::facade
