// ОГРН: every public function of forms/ogrn (legal entities) on any bytes.
#include "forms/ogrn.hpp"
#include "tests/fuzz/identifier_checks.hpp"

using namespace support;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::whole(data, size);
  fuzz::check_identifier(input, forms::ogrn::validate, forms::ogrn::is_valid, forms::ogrn::compact, forms::ogrn::format);
  (void)forms::ogrn::checksum(input);
  return 0;
}
