// validate and validate-form, the calls a page makes on every keystroke and
// submit: written as text (json_text.hpp) in the sorted key order that
// to_text() of the same tree would print, so the bytes are those of the tree.
#include <algorithm>

#include "facade/facade.hpp"
#include "facade/json_text.hpp"
#include "forms/kinds.hpp"
#include "forms/phone.hpp"

namespace support::facade {

namespace {

// An issue's params as an object: keys sorted, the last of a repeated key
// wins (what assigning them one by one into a Json object gives).
void write_params(JsonText& out, const forms::Params& params) {
  out.begin_object();
  if (params.size() == 1) {
    out.member(params.front().first, params.front().second);
  } else if (!params.empty()) {
    std::vector<const forms::Params::value_type*> sorted;
    sorted.reserve(params.size());
    for (const auto& p : params) sorted.push_back(&p);
    std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
    for (std::size_t i = 0; i < sorted.size(); ++i) {
      if (i + 1 < sorted.size() && sorted[i + 1]->first == sorted[i]->first) continue;
      out.member(sorted[i]->first, sorted[i]->second);
    }
  }
  out.end_object();
}

// A form's errors, each with its path, code, message key, params and (with a
// locale) message and hint: the one writer of this shape.
void write_errors(JsonText& out, const forms::FormResult& r, const i18n::Messages& messages, const CallContext& context) {
  out.begin_array();
  for (const auto& fi : r.issues) {
    const forms::Issue& issue = fi.issue;
    const bool texts = !context.locale.empty();
    i18n::Messages::ErrorText text;
    if (texts) text = messages.error_text(context.locale, issue.code, issue.params);
    out.begin_object().member("code", issue.code);
    if (texts) out.member("hint", text.hint);
    out.member("key", issue.message_key());
    if (texts) out.member("message", text.message);
    write_params(out.key("params"), issue.params);
    out.member("path", fi.path).end_object();
  }
  out.end_array();
}

}  // namespace

std::optional<Facade::Text> Facade::validate(std::string_view kind, std::string_view value, const CallContext& context) const {
  const auto check = forms::check_kind(kind, value, {context.now.date});
  if (!check) return std::nullopt;
  const auto& r = check->result;
  const bool ok = r.ok();
  std::string phone_formatted;  // only a phone's text can differ from the check's
  std::string_view formatted = check->formatted;
  if (ok && kind == "phone") {
    // The extension is worded per locale ("доб." / "ext.").
    const auto number = forms::phone::split(r.value);
    const std::string& locale = context.locale.empty() ? messages_.default_locale() : context.locale;
    if (!number.extension.empty()) {
      phone_formatted = messages_.format(locale, "format.phone_extension",
                                         {{"number", check->formatted}, {"extension", number.extension}});
      formatted = phone_formatted;
    }
  }
  // With a locale, "message" and "hint" (null when valid).
  const bool texts = !context.locale.empty();
  i18n::Messages::ErrorText text;
  if (texts && !ok) text = messages_.error_text(context.locale, r.issue->code, r.issue->params);

  JsonText out(128 + 2 * value.size() + text.message.size() + text.hint.size());
  out.begin_object();
  out.member_or_null("error", !ok, ok ? std::string_view() : r.issue->code);
  out.member_or_null("formatted", ok, formatted);
  if (texts) out.member_or_null("hint", !ok, text.hint);
  out.member("input", value).member("kind", kind);
  if (texts) out.member_or_null("message", !ok, text.message);
  out.member("valid", ok).member_or_null("value", ok, r.value);
  out.end_object();
  return Text{out.take(), ok};
}

Facade::Text Facade::validate_form(const forms::FormSchema& schema, std::string_view form_json, const CallContext& context) const {
  const auto r = forms::validate_form_json(schema, form_json, {context.now});
  JsonText out(form_json.size() + 512 * (r.issues.size() + 1));
  out.begin_object().key("errors");
  write_errors(out, r, messages_, context);
  out.member("schema", schema.id).member("valid", r.valid()).key("values").value(r.values);
  out.end_object();
  return Text{out.take(), r.valid()};
}

// The same errors as a tree, for the calls that put them into a larger answer
// (packaging, the e-mail fallback); not on a keystroke's path.
Json Facade::form_errors(const forms::FormResult& r, const CallContext& context) const {
  JsonText out(512 * (r.issues.size() + 1));
  write_errors(out, r, messages_, context);
  return Json::parse(out.take());
}

}  // namespace support::facade
