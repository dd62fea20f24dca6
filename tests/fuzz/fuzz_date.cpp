// Dates and date-times typed into forms: validate, parse and format on any
// bytes, with and without a range; a valid value parses back to itself.
#include "forms/date_field.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace support;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::whole(data, size);
  const forms::date::Rules ranged{Date{1900, 1, 1}, Date{2026, 12, 2}};
  for (const auto& rules : {forms::date::Rules{}, ranged}) {
    const forms::Result r = forms::date::validate(input, rules);
    FUZZ_CHECK(r.ok() == forms::date::is_valid(input, rules));
    if (!r.ok()) continue;
    FUZZ_CHECK(r.value.size() == 10);
    const forms::Result again = forms::date::validate(r.value, rules);
    FUZZ_CHECK(again.ok() && again.value == r.value);
    const forms::Result from_display = forms::date::validate(forms::date::format(r.value), rules);
    FUZZ_CHECK(from_display.ok() && from_display.value == r.value);
  }
  (void)forms::date::parse(input);
  (void)forms::date::format(input);

  const forms::datetime::Rules until_now{Date{1900, 1, 1}, DateTime{{2026, 12, 2}, 8, 0}};
  for (const auto& rules : {forms::datetime::Rules{}, until_now}) {
    const forms::Result r = forms::datetime::validate(input, rules);
    if (!r.ok()) continue;
    FUZZ_CHECK(forms::datetime::parse(input).has_value());
  }
  (void)forms::datetime::parse(input);
  return 0;
}
