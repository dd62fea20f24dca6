// ФИО: validate on any bytes, with the default and a tiny length limit; the
// normalised value of a valid name is valid and unchanged by a second pass.
#include "forms/person_name.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "text/utf8.hpp"

using namespace support;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::whole(data, size);
  for (const std::size_t max : {std::size_t{100}, std::size_t{3}}) {
    const forms::person_name::Rules rules{max};
    const forms::Result r = forms::person_name::validate(input, rules);
    FUZZ_CHECK(r.ok() == forms::person_name::is_valid(input, rules));
    if (!r.ok()) continue;
    FUZZ_CHECK(text::is_valid_utf8(r.value) && text::code_point_count(r.value) <= max);
    const forms::Result again = forms::person_name::validate(r.value, rules);
    FUZZ_CHECK(again.ok() && again.value == r.value);
  }
  return 0;
}
