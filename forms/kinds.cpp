#include "forms/kinds.hpp"

#include <functional>

#include "forms/date_field.hpp"
#include "forms/email.hpp"
#include "forms/inn.hpp"
#include "forms/ogrn.hpp"
#include "forms/passport.hpp"
#include "forms/person_name.hpp"
#include "forms/phone.hpp"
#include "forms/snils.hpp"

namespace support::forms {

namespace {

struct Kind {
  std::string_view name;
  std::function<Result(std::string_view, const KindContext&)> validate;
  std::function<std::string(const std::string&)> format;  // of the validated value
};

std::string same(const std::string& v) { return v; }

const std::vector<Kind>& kinds() {
  static const std::vector<Kind> table = {
      {"snils", [](auto v, auto&) { return snils::validate(v); }, [](auto& v) { return snils::format(v); }},
      {"inn", [](auto v, auto&) { return inn::validate(v); }, same},
      {"inn10", [](auto v, auto&) { return inn::validate(v, inn::Kind::legal_entity); }, same},
      {"inn12", [](auto v, auto&) { return inn::validate(v, inn::Kind::individual); }, same},
      {"ogrn", [](auto v, auto&) { return ogrn::validate(v); }, same},
      {"ogrnip", [](auto v, auto&) { return ogrnip::validate(v); }, same},
      {"passport", [](auto v, auto&) { return passport::validate(v); }, [](auto& v) { return passport::format(v); }},
      {"phone", [](auto v, auto&) { return phone::validate(v); }, [](auto& v) { return phone::format(v); }},
      {"email", [](auto v, auto&) { return email::validate(v); }, same},
      {"name", [](auto v, auto&) { return person_name::validate(v); }, same},
      {"date", [](auto v, auto&) { return date::validate(v); }, [](auto& v) { return date::format(v); }},
      {"birth_date",
       [](auto v, const KindContext& c) { return date::validate(v, {Date{1900, 1, 1}, c.today}); },
       [](auto& v) { return date::format(v); }},
      {"datetime", [](auto v, auto&) { return datetime::validate(v); }, same},
  };
  return table;
}

}  // namespace

std::optional<KindCheck> check_kind(std::string_view kind, std::string_view value, const KindContext& context) {
  for (const Kind& k : kinds()) {
    if (k.name != kind) continue;
    KindCheck out{k.validate(value, context), {}};
    if (out.result.ok()) out.formatted = k.format(out.result.value);
    return out;
  }
  return std::nullopt;
}

const std::vector<std::string_view>& kind_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const Kind& k : kinds()) out.push_back(k.name);
    return out;
  }();
  return names;
}

}  // namespace support::forms
