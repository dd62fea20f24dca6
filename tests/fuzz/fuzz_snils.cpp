// СНИЛС: every public function of forms/snils on any bytes.
#include "forms/snils.hpp"
#include "tests/fuzz/identifier_checks.hpp"

using namespace support;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::whole(data, size);
  fuzz::check_identifier(input, forms::snils::validate, forms::snils::is_valid, forms::snils::compact,
                         forms::snils::format);
  const std::string sum = forms::snils::checksum(input);
  FUZZ_CHECK(sum.empty() || (sum.size() == 2 && sum[0] >= '0' && sum[0] <= '9' && sum[1] >= '0' && sum[1] <= '9'));
  (void)forms::snils::has_checksum(input);
  return 0;
}
