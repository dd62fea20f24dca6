// Паспорт: every public function of forms/passport on any bytes.
#include "forms/passport.hpp"
#include "tests/fuzz/identifier_checks.hpp"

using namespace support;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::check_identifier(fuzz::whole(data, size), forms::passport::validate, forms::passport::is_valid,
                         forms::passport::compact, forms::passport::format);
  return 0;
}
