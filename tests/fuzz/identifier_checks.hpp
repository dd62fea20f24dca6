// The properties every identifier module (snils, inn, ogrn, ogrnip, passport)
// documents, checked on any bytes: no crash on any public function,
// is_valid agrees with validate, a valid value is its own compact form, and
// its display form validates back to the same value.
#pragma once

#include <string>
#include <string_view>

#include "forms/issue.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "text/utf8.hpp"

namespace support::fuzz {

template <class Validate, class IsValid, class Compact, class Format>
void check_identifier(std::string_view input, Validate validate, IsValid is_valid, Compact compact, Format format) {
  const forms::Result r = validate(input);
  FUZZ_CHECK(r.ok() == is_valid(input));
  FUZZ_CHECK(r.ok() ? !r.value.empty() : r.value.empty());
  const std::string f = format(input);
  if (!r.ok()) return;
  FUZZ_CHECK(text::is_valid_utf8(r.value));
  FUZZ_CHECK(compact(r.value) == r.value);
  const forms::Result again = validate(f);
  FUZZ_CHECK(again.ok() && again.value == r.value);
}

}  // namespace support::fuzz
