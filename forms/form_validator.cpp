#include "forms/form_validator.hpp"

#include <algorithm>

#include "forms/date_field.hpp"
#include "forms/email.hpp"
#include "forms/free_text.hpp"
#include "forms/inn.hpp"
#include "forms/ogrn.hpp"
#include "forms/passport.hpp"
#include "forms/person_name.hpp"
#include "forms/phone.hpp"
#include "forms/reference_number.hpp"
#include "forms/snils.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace support::forms {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxStringBytes = 256 * 1024;

class Collector {
 public:
  explicit Collector(FormResult& out) : out_(out) {}
  void add(std::string path, std::string code, Params params = {}) {
    out_.issues.push_back({std::move(path), {std::move(code), std::move(params)}});
  }
  void add(std::string path, Issue issue) { out_.issues.push_back({std::move(path), std::move(issue)}); }

 private:
  FormResult& out_;
};

// Missing, null, an empty array, or a string of nothing but spaces of any kind.
bool is_absent(const json& v) {
  if (v.is_null()) return true;
  if (v.is_string()) {
    bool blank = true;
    text::for_each_code_point(v.get_ref<const std::string&>(), [&](char32_t cp, std::size_t, std::size_t) {
      blank = blank && (text::is_space(cp) || cp == U'\n' || cp == U'\r');
    });
    return blank;
  }
  return v.is_array() && v.empty();
}

Result validate_string(const FieldSpec& f, std::string_view v, const FormContext& context) {
  const std::optional<Date> today = context.now ? std::optional<Date>(context.now->date) : std::nullopt;
  switch (f.type) {
    case FieldType::text: return free_text::validate(v, {f.min_length, f.max_length, f.multiline});
    case FieldType::reference: return reference_number::validate(v, f.max_length);
    case FieldType::phone: return phone::validate(v);
    case FieldType::email: return email::validate(v);
    case FieldType::person_name: return person_name::validate(v, {f.max_length});
    case FieldType::snils: return snils::validate(v);
    case FieldType::inn: return inn::validate(v, f.inn_kind);
    case FieldType::ogrn: return ogrn::validate(v);
    case FieldType::ogrnip: return ogrnip::validate(v);
    case FieldType::passport: return passport::validate(v);
    case FieldType::date: return date::validate(v, {f.not_before, f.not_future ? today : std::nullopt});
    case FieldType::datetime:
      return datetime::validate(v, {f.not_before, f.not_future ? context.now : std::nullopt});
    default: return Result::invalid("form.wrong_type");
  }
}

bool is_hex_sha256(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

void validate_attachments(const FieldSpec& f, const json& v, Collector& issues, json& values) {
  if (!v.is_array()) return issues.add(f.name, "form.wrong_type", {{"expected", "array"}});
  const attachment::Profile& profile = *f.profile;
  std::uint64_t total = 0;
  bool ok = true;
  json normalised = json::array();
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string path = f.name + "[" + std::to_string(i) + "]";
    const json& item = v[i];
    if (!item.is_object()) {
      issues.add(path, "form.wrong_type", {{"expected", "object"}});
      ok = false;
      continue;
    }
    bool item_ok = true;
    for (const auto& [key, _] : item.items()) {
      if (key != "name" && key != "size" && key != "mime" && key != "sha256") {
        issues.add(path + "." + key, "form.unknown_field");
        item_ok = false;
      }
    }
    const auto name = item.find("name");
    const auto size = item.find("size");
    const auto mime = item.find("mime");
    const auto sha = item.find("sha256");
    if (name == item.end() || !name->is_string()) issues.add(path + ".name", "form.wrong_type", {{"expected", "string"}}), item_ok = false;
    const bool size_ok = size != item.end() && size->is_number_integer() && size->get<std::int64_t>() >= 0;
    if (!size_ok) issues.add(path + ".size", "form.wrong_type", {{"expected", "integer"}}), item_ok = false;
    if (mime != item.end() && !mime->is_string()) issues.add(path + ".mime", "form.wrong_type", {{"expected", "string"}}), item_ok = false;
    if (sha != item.end() && !(sha->is_string() && is_hex_sha256(sha->get<std::string>()))) {
      issues.add(path + ".sha256", "form.wrong_type", {{"expected", "sha256"}});
      item_ok = false;
    }
    if (item_ok) {
      const auto bytes = size->get<std::uint64_t>();
      total += bytes;
      if (auto issue = attachment::check_metadata(name->get_ref<const std::string&>(), bytes, profile)) {
        issues.add(path, std::move(*issue));
        item_ok = false;
      }
    }
    ok &= item_ok;
    if (item_ok) normalised.push_back(item);
  }
  if (auto issue = attachment::check_set(v.size(), total, profile)) {
    issues.add(f.name, std::move(*issue));
    ok = false;
  }
  if (ok) values[f.name] = std::move(normalised);
}

void validate_field(const FieldSpec& f, const json& v, const FormContext& context, Collector& issues, json& values) {
  const std::string& path = f.name;
  switch (f.type) {
    case FieldType::boolean:
      if (!v.is_boolean()) return issues.add(path, "form.wrong_type", {{"expected", "boolean"}});
      if (f.must_be_true && !v.get<bool>()) return issues.add(path, "form.must_accept");
      values[f.name] = v;
      return;
    case FieldType::choice:
      if (!v.is_string()) return issues.add(path, "form.wrong_type", {{"expected", "string"}});
      if (std::find(f.options.begin(), f.options.end(), v.get_ref<const std::string&>()) == f.options.end()) {
        return issues.add(path, "form.choice");
      }
      values[f.name] = v;
      return;
    case FieldType::multi_choice: {
      if (!v.is_array()) return issues.add(path, "form.wrong_type", {{"expected", "array"}});
      std::vector<std::string> chosen;
      for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string item_path = path + "[" + std::to_string(i) + "]";
        if (!v[i].is_string()) return issues.add(item_path, "form.wrong_type", {{"expected", "string"}});
        const auto& s = v[i].get_ref<const std::string&>();
        if (std::find(f.options.begin(), f.options.end(), s) == f.options.end()) return issues.add(item_path, "form.choice");
        if (std::find(chosen.begin(), chosen.end(), s) != chosen.end()) return issues.add(item_path, "form.duplicate_choice");
        chosen.push_back(s);
      }
      values[f.name] = chosen;
      return;
    }
    case FieldType::attachments:
      return validate_attachments(f, v, issues, values);
    default:
      break;
  }
  if (!v.is_string()) return issues.add(path, "form.wrong_type", {{"expected", "string"}});
  const auto& s = v.get_ref<const std::string&>();
  if (s.size() > kMaxStringBytes) return issues.add(path, "input.too_long", {{"max", std::to_string(kMaxStringBytes)}});
  Result r = validate_string(f, s, context);
  if (!r.ok()) return issues.add(path, std::move(*r.issue));
  values[f.name] = std::move(r.value);
}

}  // namespace

FormResult validate_form(const FormSchema& schema, const json& form, const FormContext& context) {
  FormResult out;
  Collector issues(out);
  if (!form.is_object()) {
    issues.add("", "form.not_object");
    return out;
  }
  for (const auto& [key, _] : form.items()) {
    if (!schema.field(key)) issues.add(key, "form.unknown_field");
  }
  for (const FieldSpec& f : schema.fields) {
    const auto it = form.find(f.name);
    if (it == form.end() || is_absent(*it)) {
      if (f.required) issues.add(f.name, "form.required");
      continue;
    }
    validate_field(f, *it, context, issues, out.values);
  }
  return out;
}

FormResult validate_form_json(const FormSchema& schema, std::string_view form_json, const FormContext& context) {
  FormResult out;
  if (form_json.size() > kFormJsonLimits.max_bytes) {
    out.issues.push_back({"", {"form.too_large", {{"max", std::to_string(kFormJsonLimits.max_bytes)}}}});
    return out;
  }
  if (!text::is_valid_utf8(form_json)) {
    out.issues.push_back({"", {"input.invalid_utf8", {}}});
    return out;
  }
  if (untrusted_json_problem(form_json, kFormJsonLimits)) {
    out.issues.push_back({"", {"form.malformed_json", {}}});
    return out;
  }
  json form = json::parse(form_json.begin(), form_json.end(), nullptr, false);
  if (form.is_discarded()) {
    out.issues.push_back({"", {"form.malformed_json", {}}});
    return out;
  }
  return validate_form(schema, form, context);
}

}  // namespace support::forms
