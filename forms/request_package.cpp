#include "forms/request_package.hpp"

#include <algorithm>

#include "common/calendar.hpp"
#include "forms/email.hpp"
#include "forms/file_type.hpp"
#include "forms/phone.hpp"
#include "text/utf8.hpp"

namespace support::forms {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxPageBytes = 512;
constexpr std::size_t kMaxTranscriptLines = 60;
constexpr std::size_t kMaxLineBytes = 4000;

// Where a form field goes in the request.
enum class Slot {
  subject, description, phone, email, reply_channel, full_name, birth_date,
  identifier, related_number, occurred_at, request_type, consent, attachments, detail,
};

Slot slot_of(const FieldSpec& f) {
  switch (f.type) {
    case FieldType::phone: return Slot::phone;
    case FieldType::email: return Slot::email;
    case FieldType::snils:
    case FieldType::inn:
    case FieldType::ogrn:
    case FieldType::ogrnip:
    case FieldType::passport: return f.name == "new_passport" ? Slot::detail : Slot::identifier;
    case FieldType::attachments: return Slot::attachments;
    default: break;
  }
  if (f.name == "subject" && f.type == FieldType::text) return Slot::subject;
  if (f.name == "description" && f.type == FieldType::text) return Slot::description;
  if (f.name == "reply_channel") return Slot::reply_channel;
  if (f.name == "full_name" && f.type == FieldType::person_name) return Slot::full_name;
  if (f.name == "birth_date" && f.type == FieldType::date) return Slot::birth_date;
  if (f.name == "account_id") return Slot::identifier;
  if (f.name == "related_number") return Slot::related_number;
  if (f.name == "occurred_at" && f.type == FieldType::datetime) return Slot::occurred_at;
  if (f.name == "request_type" && f.type == FieldType::choice) return Slot::request_type;
  if (f.name == "consent" && f.type == FieldType::boolean) return Slot::consent;
  return Slot::detail;
}

// Cuts at a character boundary, after making the text valid UTF-8.

bool is_token(std::string_view s, std::size_t max, std::string_view extra) {
  return !s.empty() && s.size() <= max && std::all_of(s.begin(), s.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           extra.find(c) != std::string_view::npos;
  });
}

bool is_sha256(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

Result client_issue(const char* field) { return Result::invalid("package.client", {{"field", field}}); }

json nullable(const std::string& s) { return s.empty() ? json() : json(s); }

}  // namespace

std::string page_path(std::string_view url) {
  std::string_view s = url;
  const auto scheme = s.find("://");
  if (scheme != std::string_view::npos && scheme < s.find_first_of("/?#")) {
    s.remove_prefix(scheme + 3);
    const auto path = s.find_first_of("/?#");
    s = path == std::string_view::npos ? std::string_view() : s.substr(path);
  }
  s = s.substr(0, s.find_first_of("?#"));
  std::string out = text::cut_utf8(s, kMaxPageBytes);
  if (out.empty() || out[0] != '/') out.insert(out.begin(), '/');
  return out;
}

Priority priority_of(const FormSchema& schema, const json& values, const std::string& topic,
                     const std::set<std::string>& urgent_topics) {
  if (urgent_topics.count(topic)) return Priority::urgent;
  for (const auto& rule : schema.priority.urgent_when) {
    const std::vector<std::string>& urgent_values = rule.second;
    const auto it = values.find(rule.first);
    if (it == values.end()) continue;
    const auto matches = [&](const json& v) {
      return v.is_string() && std::find(urgent_values.begin(), urgent_values.end(), v.get<std::string>()) != urgent_values.end();
    };
    if (matches(*it) || (it->is_array() && std::any_of(it->begin(), it->end(), matches))) return Priority::urgent;
  }
  return schema.priority.default_priority;
}

Result package_request(const FormSchema& schema, const json& values, const ClientContext& client,
                       const std::vector<AttachmentFacts>& attachments, const std::set<std::string>& urgent_topics) {
  if (!is_token(client.locale, 8, "-")) return client_issue("locale");
  if (client.platform != "web" && client.platform != "webview") return client_issue("platform");
  if (!is_token(client.widget_version, 32, ".+-")) return client_issue("widget_version");
  if (!client.topic.empty() && !is_token(client.topic, 64, "._")) return client_issue("topic");

  json contacts{{"phone", nullptr}, {"phone_extension", nullptr}, {"email", nullptr}, {"email_ascii", nullptr},
                {"reply_channel", nullptr}};
  json applicant{{"full_name", nullptr}, {"birth_date", nullptr}};
  json identifiers = json::object(), details = json::object(), related = json::array(), files = json::array();
  std::string subject, description, occurred_at, request_type = schema.request_type;
  bool consent = false;

  for (const FieldSpec& f : schema.fields) {
    const auto it = values.find(f.name);
    if (it == values.end()) continue;
    const json& v = *it;
    const std::string s = v.is_string() ? v.get<std::string>() : std::string();
    switch (slot_of(f)) {
      case Slot::subject: subject = s; break;
      case Slot::description: description = s; break;
      case Slot::phone: {
        const auto number = phone::split(s);
        contacts["phone"] = number.e164;
        contacts["phone_extension"] = nullable(number.extension);
        break;
      }
      case Slot::email:
        contacts["email"] = s;
        contacts["email_ascii"] = email::parse(s).address.ascii;
        break;
      case Slot::reply_channel: contacts["reply_channel"] = s; break;
      case Slot::full_name: applicant["full_name"] = s; break;
      case Slot::birth_date: applicant["birth_date"] = s; break;
      case Slot::identifier: identifiers[f.name] = s; break;
      case Slot::related_number: related.push_back(s); break;
      case Slot::occurred_at: occurred_at = s; break;
      case Slot::request_type: request_type = s; break;
      case Slot::consent: consent = v.is_boolean() && v.get<bool>(); break;
      case Slot::attachments: {
        if (!v.is_array() || v.size() != attachments.size()) return Result::invalid("package.attachments");
        for (std::size_t i = 0; i < v.size(); ++i) {
          const AttachmentFacts& facts = attachments[i];
          if (!attachment::type_from_name(facts.type) || !is_sha256(facts.sha256)) return Result::invalid("package.attachments");
          files.push_back(json{{"name", v[i].at("name")}, {"size", v[i].at("size")}, {"type", facts.type},
                               {"sha256", facts.sha256}});
        }
        break;
      }
      case Slot::detail: details[f.name] = v; break;
    }
  }
  if (!values.contains("attachments") && !attachments.empty()) return Result::invalid("package.attachments");
  if (consent && !parse_iso_datetime(client.consent_at)) return Result::invalid("package.consent");

  json transcript = json::array();
  const std::size_t first = client.transcript.size() > kMaxTranscriptLines ? client.transcript.size() - kMaxTranscriptLines : 0;
  for (std::size_t i = first; i < client.transcript.size(); ++i) {
    transcript.push_back(json{{"from", client.transcript[i].from_user ? "user" : "bot"},
                              {"text", text::cut_utf8(client.transcript[i].text, kMaxLineBytes)}});
  }

  json request;  // keys come out sorted: the same input gives the same bytes
  request["schema_version"] = 1;
  request["form"] = schema.id;
  request["form_version"] = schema.version;
  request["request_type"] = request_type;
  request["topic"] = nullable(client.topic);
  request["priority"] = std::string(priority_name(priority_of(schema, values, client.topic, urgent_topics)));
  request["subject"] = nullable(subject);
  request["description"] = nullable(description);
  request["contacts"] = std::move(contacts);
  request["applicant"] = std::move(applicant);
  request["identifiers"] = std::move(identifiers);
  request["related_numbers"] = std::move(related);
  request["occurred_at"] = nullable(occurred_at);
  request["details"] = std::move(details);
  request["transcript"] = std::move(transcript);
  request["attachments"] = std::move(files);
  request["client"] = json{{"locale", client.locale},
                           {"widget_version", client.widget_version},
                           {"platform", client.platform},
                           {"page", page_path(client.page)}};
  request["consent"] = json{{"personal_data", consent}, {"given_at", consent ? json(client.consent_at) : json()}};
  return Result::valid(request.dump());
}

namespace {

class Reader {
 public:
  std::optional<Issue> issue;

  // The object at `key` (absent or null -> empty), or a problem at its path.
  const json* object(const json& parent, const std::string& key, const std::string& path, std::initializer_list<const char*> allowed) {
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null()) return nullptr;
    if (!it->is_object()) return fail(path + key);
    for (const auto& item : it->items()) {
      const std::string& k = item.key();
      if (allowed.size() && std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return k == a; })) {
        return fail(path + key + "." + k);
      }
    }
    return &*it;
  }

  std::optional<std::string> string(const json* parent, const std::string& key, const std::string& path) {
    if (!parent) return std::nullopt;
    const auto it = parent->find(key);
    if (it == parent->end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) {
      fail(path + key);
      return std::nullopt;
    }
    return it->get<std::string>();
  }

  const json* fail(const std::string& path) {
    if (!issue) issue = Issue{"request.malformed", {{"path", path}}};
    return nullptr;
  }
};

}  // namespace

UnpackageResult unpackage_request(const json& r, const std::vector<FormSchema>& schemas) {
  static const std::set<std::string> kKeys = {
      "schema_version", "form", "form_version", "request_type", "topic", "priority", "subject", "description",
      "contacts", "applicant", "identifiers", "related_numbers", "occurred_at", "details", "transcript",
      "attachments", "client", "consent"};
  auto refuse = [](std::string code, Params params = {}) { return UnpackageResult{std::nullopt, Issue{std::move(code), std::move(params)}}; };
  if (!r.is_object()) return refuse("request.malformed", {{"path", ""}});
  for (const auto& [k, _] : r.items()) {
    if (!kKeys.count(k)) return refuse("request.malformed", {{"path", k}});
  }
  if (!r.contains("schema_version") || r["schema_version"] != 1) return refuse("request.schema_version");
  if (!r.contains("form") || !r["form"].is_string()) return refuse("request.malformed", {{"path", "form"}});
  const auto schema = std::find_if(schemas.begin(), schemas.end(), [&](const FormSchema& s) { return s.id == r["form"]; });
  if (schema == schemas.end()) return refuse("request.unknown_form");
  if (!r.contains("form_version") || r["form_version"] != schema->version) return refuse("request.form_version");

  Reader read;
  Unpackaged out;
  out.schema = &*schema;
  json& values = out.values;
  const json* contacts = read.object(r, "contacts", "", {"phone", "phone_extension", "email", "email_ascii", "reply_channel"});
  const json* applicant = read.object(r, "applicant", "", {"full_name", "birth_date"});
  const json* identifiers = read.object(r, "identifiers", "", {});
  const json* details = read.object(r, "details", "", {});
  const json* client = read.object(r, "client", "", {"locale", "widget_version", "platform", "page"});
  const json* consent = read.object(r, "consent", "", {"personal_data", "given_at"});
  auto put = [&](const FieldSpec& f, const std::optional<std::string>& v) {
    if (v) values[f.name] = *v;
  };
  std::set<std::string> used_identifiers, used_details;

  for (const FieldSpec& f : schema->fields) {
    switch (slot_of(f)) {
      case Slot::subject: put(f, read.string(&r, "subject", "")); break;
      case Slot::description: put(f, read.string(&r, "description", "")); break;
      case Slot::occurred_at: put(f, read.string(&r, "occurred_at", "")); break;
      case Slot::phone: {
        auto number = read.string(contacts, "phone", "contacts.");
        const auto ext = read.string(contacts, "phone_extension", "contacts.");
        if (number && ext) *number += ";ext=" + *ext;
        put(f, number);
        break;
      }
      case Slot::email: put(f, read.string(contacts, "email", "contacts.")); break;
      case Slot::reply_channel: put(f, read.string(contacts, "reply_channel", "contacts.")); break;
      case Slot::full_name: put(f, read.string(applicant, "full_name", "applicant.")); break;
      case Slot::birth_date: put(f, read.string(applicant, "birth_date", "applicant.")); break;
      case Slot::identifier:
        put(f, read.string(identifiers, f.name, "identifiers."));
        used_identifiers.insert(f.name);
        break;
      case Slot::related_number: {
        const auto it = r.find("related_numbers");
        if (it == r.end() || it->is_null()) break;
        if (!it->is_array() || it->size() > 1 || (it->size() == 1 && !(*it)[0].is_string())) {
          read.fail("related_numbers");
          break;
        }
        if (it->size() == 1) values[f.name] = (*it)[0];
        break;
      }
      case Slot::request_type: {
        const auto t = read.string(&r, "request_type", "");
        if (t && *t != schema->request_type) values[f.name] = *t;
        break;
      }
      case Slot::consent:
        if (consent && consent->contains("personal_data")) values[f.name] = (*consent)["personal_data"];
        break;
      case Slot::attachments: {
        const auto it = r.find("attachments");
        if (it == r.end() || it->is_null()) break;
        if (!it->is_array()) {
          read.fail("attachments");
          break;
        }
        json list = json::array();
        for (std::size_t i = 0; i < it->size(); ++i) {
          const json& a = (*it)[i];
          const std::string at = "attachments[" + std::to_string(i) + "]";
          if (!a.is_object()) {
            read.fail(at);
            break;
          }
          // Each key present with its type, nothing else: the path names the first that is not.
          const char* bad = nullptr;
          for (const auto& item : a.items()) {
            if (item.key() != "name" && item.key() != "size" && item.key() != "type" && item.key() != "sha256") {
              read.fail(at + "." + item.key());
              break;
            }
          }
          if (!a.contains("name") || !a["name"].is_string()) bad = "name";
          else if (!a.contains("size") || !a["size"].is_number_integer()) bad = "size";
          else if (!a.contains("type") || !a["type"].is_string()) bad = "type";
          else if (!a.contains("sha256") || !a["sha256"].is_string()) bad = "sha256";
          if (bad) read.fail(at + "." + bad);
          if (read.issue) break;
          list.push_back({{"name", a["name"]}, {"size", a["size"]}, {"sha256", a["sha256"]}});
          out.attachments.push_back({a["type"].get<std::string>(), a["sha256"].get<std::string>()});
        }
        if (!it->empty()) values[f.name] = std::move(list);
        break;
      }
      case Slot::detail:
        if (details && details->contains(f.name)) values[f.name] = (*details)[f.name];
        used_details.insert(f.name);
        break;
    }
  }
  // Identifiers and details the form does not have are refused, not dropped.
  if (identifiers) {
    for (const auto& [k, _] : identifiers->items()) {
      if (!used_identifiers.count(k)) read.fail("identifiers." + k);
    }
  }
  if (details) {
    for (const auto& [k, _] : details->items()) {
      if (!used_details.count(k)) read.fail("details." + k);
    }
  }

  out.client.locale = read.string(client, "locale", "client.").value_or("");
  out.client.widget_version = read.string(client, "widget_version", "client.").value_or("");
  out.client.platform = read.string(client, "platform", "client.").value_or("");
  out.client.page = read.string(client, "page", "client.").value_or("/");
  out.client.topic = read.string(&r, "topic", "").value_or("");
  out.client.consent_at = read.string(consent, "given_at", "consent.").value_or("");
  read.string(&r, "priority", "");  // recomputed by whoever reads the request; checked for type only
  const auto transcript = r.find("transcript");
  if (transcript != r.end() && !transcript->is_null()) {
    if (!transcript->is_array() || transcript->size() > kMaxTranscriptLines) {
      read.fail("transcript");
    } else {
      for (std::size_t i = 0; i < transcript->size(); ++i) {
        const json& line = (*transcript)[i];
        const std::string at = "transcript[" + std::to_string(i) + "]";
        if (!line.is_object()) {
          read.fail(at);
          break;
        }
        for (const auto& item : line.items()) {
          if (item.key() != "from" && item.key() != "text") read.fail(at + "." + item.key());
        }
        const auto from = line.find("from"), text_at = line.find("text");
        if (from == line.end() || !from->is_string() || (*from != "user" && *from != "bot")) read.fail(at + ".from");
        if (text_at == line.end() || !text_at->is_string()) read.fail(at + ".text");
        if (read.issue) break;
        // Cut before anyone scans it (the privacy guard, the store): a line
        // is read at most kMaxLineBytes (+ one character) deep.
        const std::string& text = line["text"].get_ref<const std::string&>();
        out.client.transcript.push_back({line["from"] == "user", text::cut_utf8(std::string_view(text).substr(0, kMaxLineBytes + 4), kMaxLineBytes)});
      }
    }
  }
  if (read.issue) return {std::nullopt, read.issue};
  return {std::move(out), std::nullopt};
}

}  // namespace support::forms
