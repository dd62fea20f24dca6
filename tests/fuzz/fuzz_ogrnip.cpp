// ОГРНИП: every public function of forms/ogrn's ogrnip namespace on any bytes.
#include "forms/ogrn.hpp"
#include "tests/fuzz/identifier_checks.hpp"

using namespace support;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::whole(data, size);
  fuzz::check_identifier(input, forms::ogrnip::validate, forms::ogrnip::is_valid, forms::ogrnip::compact,
                         forms::ogrnip::format);
  (void)forms::ogrnip::checksum(input);
  return 0;
}
