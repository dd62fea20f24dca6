// Phone numbers: validate, split and format on any bytes; a valid value (E.164
// with ";ext=") is accepted again as the same value.
#include "forms/phone.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "text/utf8.hpp"

using namespace support;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::whole(data, size);
  const forms::Result r = forms::phone::validate(input);
  FUZZ_CHECK(r.ok() == forms::phone::is_valid(input));
  (void)forms::phone::split(input);
  const std::string shown = forms::phone::format(input);
  if (!r.ok()) return 0;
  FUZZ_CHECK(r.value.rfind("+7", 0) == 0);
  const forms::Result again = forms::phone::validate(r.value);
  FUZZ_CHECK(again.ok() && again.value == r.value);
  const forms::phone::Number n = forms::phone::split(r.value);
  const forms::Result from_display = forms::phone::validate(shown);
  FUZZ_CHECK(from_display.ok() && forms::phone::split(from_display.value).e164 == n.e164);
  return 0;
}
