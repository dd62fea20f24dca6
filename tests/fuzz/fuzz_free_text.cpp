// The first check on every value (input guard), free text such as a subject
// or description, and reference numbers, on any bytes. Valid values are
// valid UTF-8 within their limits and unchanged by a second pass.
#include "forms/free_text.hpp"
#include "forms/input_guard.hpp"
#include "forms/reference_number.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "text/utf8.hpp"

using namespace support;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::whole(data, size);
  (void)forms::check_input(input);
  (void)forms::check_input(input, {4000, true, true});
  for (const auto& rules : {forms::free_text::Rules{}, forms::free_text::Rules{3, 200, true}}) {
    const forms::Result r = forms::free_text::validate(input, rules);
    if (!r.ok()) continue;
    FUZZ_CHECK(text::is_valid_utf8(r.value) && text::code_point_count(r.value) <= rules.max_length);
    const forms::Result again = forms::free_text::validate(r.value, rules);
    FUZZ_CHECK(again.ok() && again.value == r.value);
  }
  const forms::Result ref = forms::reference_number::validate(input);
  if (ref.ok()) {
    const forms::Result again = forms::reference_number::validate(ref.value);
    FUZZ_CHECK(again.ok() && again.value == ref.value);
  }
  return 0;
}
