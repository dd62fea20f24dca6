#include "forms/form_schema.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace support::forms {

namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 16> kTypeNames = {{
    {FieldType::text, "text"},           {FieldType::reference, "reference"},
    {FieldType::phone, "phone"},         {FieldType::email, "email"},
    {FieldType::person_name, "person_name"}, {FieldType::snils, "snils"},
    {FieldType::inn, "inn"},             {FieldType::ogrn, "ogrn"},
    {FieldType::ogrnip, "ogrnip"},       {FieldType::passport, "passport"},
    {FieldType::date, "date"},           {FieldType::datetime, "datetime"},
    {FieldType::choice, "choice"},       {FieldType::multi_choice, "multi_choice"},
    {FieldType::boolean, "boolean"},     {FieldType::attachments, "attachments"},
}};

bool is_identifier(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

FieldSpec read_field(ObjectReader& r, const attachment::Rules& rules) {
  FieldSpec f;
  f.name = r.string("name");
  if (!is_identifier(f.name)) r.fail("name", "use lower-case letters, digits and _");
  const std::string type = r.string("type");
  const auto it = std::find_if(kTypeNames.begin(), kTypeNames.end(), [&](const auto& t) { return t.second == type; });
  if (it == kTypeNames.end()) r.fail("type", "unknown field type \"" + type + "\"");
  f.type = it->first;
  f.required = r.boolean_or("required", false);

  switch (f.type) {
    case FieldType::text:
      f.min_length = static_cast<std::size_t>(r.integer_or("min_length", 0, 0, 100000));
      f.max_length = static_cast<std::size_t>(r.integer("max_length", 1, 100000));
      if (f.min_length > f.max_length) r.fail("min_length", "must not exceed max_length");
      f.multiline = r.boolean_or("multiline", false);
      break;
    case FieldType::reference:
    case FieldType::person_name:
      f.max_length = static_cast<std::size_t>(r.integer_or("max_length", f.type == FieldType::reference ? 64 : 100, 1, 1000));
      break;
    case FieldType::inn: {
      const std::string kind = r.string_or("inn_kind", "any");
      if (kind == "legal_entity") f.inn_kind = inn::Kind::legal_entity;
      else if (kind == "individual") f.inn_kind = inn::Kind::individual;
      else if (kind != "any") r.fail("inn_kind", "expected any, legal_entity or individual");
      break;
    }
    case FieldType::date:
    case FieldType::datetime: {
      f.not_future = r.boolean_or("not_future", false);
      if (r.has("not_before")) {
        f.not_before = parse_iso_date(r.string("not_before"));
        if (!f.not_before) r.fail("not_before", "expected a date YYYY-MM-DD");
      }
      break;
    }
    case FieldType::choice:
    case FieldType::multi_choice:
      f.options = r.strings("options");
      if (f.options.empty()) r.fail("options", "must list at least one option");
      for (std::size_t i = 0; i < f.options.size(); ++i) {
        if (!is_identifier(f.options[i])) r.fail_item("options", i, "use lower-case letters, digits and _");
        if (std::count(f.options.begin(), f.options.end(), f.options[i]) > 1) {
          r.fail_item("options", i, "duplicate option \"" + f.options[i] + "\"");
        }
      }
      break;
    case FieldType::boolean:
      f.must_be_true = r.boolean_or("must_be_true", false);
      break;
    case FieldType::attachments: {
      const std::string id = r.string("profile");
      const attachment::Profile* p = rules.profile(id);
      if (!p) r.fail("profile", "unknown attachment profile \"" + id + "\"");
      f.profile = *p;
      break;
    }
    default:
      break;
  }
  r.finish();
  return f;
}

void read_priority(ObjectReader p, FormSchema& s) {
  {
    const std::string default_priority = p.string("default");
    if (default_priority == "urgent") s.priority.default_priority = Priority::urgent;
    else if (default_priority == "complex") s.priority.default_priority = Priority::complex;
    else if (default_priority != "standard") p.fail("default", "expected standard, urgent or complex");
    const auto& when = p.has("urgent_when") ? p.required("urgent_when") : nlohmann::json::array();
    if (!when.is_array()) p.fail("urgent_when", "expected an array");
    for (std::size_t i = 0; i < when.size(); ++i) {
      ObjectReader w = p.element(when, "urgent_when", i);
      const std::string field = w.string("field");
      const FieldSpec* f = s.field(field);
      if (!f || (f->type != FieldType::choice && f->type != FieldType::multi_choice)) {
        w.fail("field", "\"" + field + "\" is not a choice field of this form");
      }
      auto values = w.strings("values");
      for (std::size_t v = 0; v < values.size(); ++v) {
        if (std::find(f->options.begin(), f->options.end(), values[v]) == f->options.end()) {
          w.fail_item("values", v, "\"" + values[v] + "\" is not an option of " + field);
        }
      }
      w.finish();
      s.priority.urgent_when.emplace_back(field, std::move(values));
    }
    p.finish();
  }
}

}  // namespace

std::string_view priority_name(Priority p) {
  switch (p) {
    case Priority::standard: return "standard";
    case Priority::urgent: return "urgent";
    case Priority::complex: return "complex";
  }
  return "standard";
}

std::string_view field_type_name(FieldType type) {
  for (const auto& [t, name] : kTypeNames) {
    if (t == type) return name;
  }
  return "";
}

const FieldSpec* FormSchema::field(std::string_view name) const {
  for (const auto& f : fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

Loaded<FormSchema> FormSchema::load(std::string_view json, const std::string& file, const attachment::Rules& rules) {
  return load_config<FormSchema>([&] {
    ConfigFile r(json, file);
    FormSchema s;
    s.id = r.string("id");
    if (!is_identifier(s.id)) r.fail("id", "use lower-case letters, digits and _");
    s.version = static_cast<int>(r.integer("version", 1, 1000));
    s.request_type = r.string("request_type");
    const auto& field_list = r.required("fields");
    if (!field_list.is_array() || field_list.empty()) r.fail("fields", "expected a non-empty array of fields");
    for (std::size_t i = 0; i < field_list.size(); ++i) {
      ObjectReader fr = r.element(field_list, "fields", i);
      FieldSpec f = read_field(fr, rules);
      if (s.field(f.name)) fr.fail("name", "duplicate field \"" + f.name + "\"");
      s.fields.push_back(std::move(f));
    }
    if (r.has("priority")) read_priority(r.object("priority"), s);
    r.finish();
    return s;
  });
}


}  // namespace support::forms
