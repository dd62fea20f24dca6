// The single-value validators by name, as `supportctl validate KIND VALUE`
// and the WASM facade expose them: one table, so both speak the same kinds.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/calendar.hpp"
#include "forms/issue.hpp"

namespace support::forms {

struct KindContext {
  std::optional<Date> today;  // for kinds that refuse future dates (birth_date)
};

struct KindCheck {
  Result result;
  std::string formatted;  // display form; empty when invalid
};

// Kinds: snils, inn, inn10, inn12, ogrn, ogrnip, passport, phone, email,
// name, date, birth_date, datetime. nullopt for an unknown kind.
std::optional<KindCheck> check_kind(std::string_view kind, std::string_view value, const KindContext& context = {});
const std::vector<std::string_view>& kind_names();

}  // namespace support::forms
