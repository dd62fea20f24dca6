#include "forms/email_fallback.hpp"

#include "common/calendar.hpp"
#include "forms/phone.hpp"
#include "text/utf8.hpp"

namespace support::forms {

namespace {

using nlohmann::json;

std::string field_key(const FormSchema& s, const FieldSpec& f, const std::string& part) {
  return "schema." + s.id + ".field." + f.name + "." + part;
}

// A field's value as a person reads it.
std::string display(const FormSchema& schema, const FieldSpec& f, const json& v, const i18n::Messages& m,
                    std::string_view locale) {
  const i18n::Catalog* catalog = m.catalog(locale);
  const auto option = [&](const json& o) { return m.format(locale, field_key(schema, f, "option." + o.get<std::string>())); };
  switch (f.type) {
    case FieldType::boolean: return m.format(locale, v.get<bool>() ? "mail.yes" : "mail.no");
    case FieldType::choice: return option(v);
    case FieldType::multi_choice: {
      std::string out;
      for (const auto& o : v) out += (out.empty() ? "" : ", ") + option(o);
      return out;
    }
    case FieldType::phone: {
      const auto number = phone::split(v.get<std::string>());
      const std::string formatted = phone::format(number.e164);
      return number.extension.empty()
                 ? formatted
                 : m.format(locale, "format.phone_extension", {{"number", formatted}, {"extension", number.extension}});
    }
    case FieldType::date: return catalog ? catalog->date(std::string_view(v.get<std::string>())).value_or(v.get<std::string>()) : v.get<std::string>();
    case FieldType::datetime:
      return catalog ? catalog->datetime(std::string_view(v.get<std::string>())).value_or(v.get<std::string>()) : v.get<std::string>();
    default: return v.is_string() ? v.get<std::string>() : v.dump();
  }
}

}  // namespace

std::string percent_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

MailDraft email_fallback(const FormSchema& schema, const json& values, std::string_view request_number,
                         std::string_view support_address, const attachment::Profile& email_profile,
                         const i18n::Messages& m, std::string_view locale) {
  MailDraft mail;
  mail.to = std::string(support_address);

  // Subject: the request type, then the INN or the request number.
  const auto request_type = values.find("request_type");
  const std::string type = request_type != values.end() && request_type->is_string()
                               ? m.format(locale, "schema." + schema.id + ".field.request_type.option." + request_type->get<std::string>())
                               : m.format(locale, "schema." + schema.id + ".title");
  std::string reference;
  if (!request_number.empty()) {
    reference = m.format(locale, "mail.reference.number", {{"number", std::string(request_number)}});
  } else if (values.contains("inn") && values["inn"].is_string()) {
    reference = m.format(locale, "mail.reference.inn", {{"inn", values["inn"].get<std::string>()}});
  }
  mail.subject = reference.empty() ? type : m.format(locale, "mail.subject", {{"type", type}, {"reference", reference}});

  // Body: the fields in the form's order, under their labels.
  std::string fields, files;
  for (const FieldSpec& f : schema.fields) {
    const auto it = values.find(f.name);
    if (it == values.end() || f.name == "consent") continue;
    if (f.type == FieldType::attachments) {
      for (const auto& a : *it) files += (files.empty() ? "" : ", ") + a.value("name", std::string());
      continue;
    }
    fields += m.format(locale, field_key(schema, f, "label")) + ": " + display(schema, f, *it, m, locale) + "\r\n";
  }
  const std::string intro = m.format(locale, "mail.body.intro") + "\r\n\r\n";
  std::string attach;
  if (!files.empty()) {
    attach = "\r\n" + m.format(locale, "mail.body.attachments",
                               {{"files", files}, {"max", std::to_string(email_profile.max_total_bytes)}}) + "\r\n";
  }
  mail.body = intro + fields + attach;

  // Long bodies make links that mail clients cut: shorten the fields and say so.
  const std::string prefix = "mailto:" + percent_encode(mail.to) + "?subject=" + percent_encode(mail.subject) + "&body=";
  mail.mailto = prefix + percent_encode(mail.body);
  if (mail.mailto.size() > kMaxMailtoBytes) {
    const std::string note = "\r\n" + m.format(locale, "mail.body.truncated") + "\r\n";
    std::string kept = fields;
    while (!kept.empty() && (prefix + percent_encode(intro + kept + note + attach)).size() > kMaxMailtoBytes) {
      kept = text::cut_utf8(kept, kept.size() * 9 / 10);
    }
    mail.body = intro + kept + "…" + note + attach;
    mail.mailto = prefix + percent_encode(mail.body);
  }
  return mail;
}

}  // namespace support::forms
