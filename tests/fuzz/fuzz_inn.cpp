// ИНН: every public function of forms/inn on any bytes, for each kind.
#include "forms/inn.hpp"
#include "tests/fuzz/identifier_checks.hpp"

using namespace support;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::whole(data, size);
  for (const auto kind : {forms::inn::Kind::any, forms::inn::Kind::legal_entity, forms::inn::Kind::individual}) {
    fuzz::check_identifier(
        input, [kind](std::string_view s) { return forms::inn::validate(s, kind); },
        [kind](std::string_view s) { return forms::inn::is_valid(s, kind); }, forms::inn::compact, forms::inn::format);
  }
  (void)forms::inn::checksum(input);
  return 0;
}
