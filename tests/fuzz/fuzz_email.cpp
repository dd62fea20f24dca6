// E-mail addresses (Cyrillic domains, Punycode): parse and validate on any
// bytes; a valid address has an ASCII form and validates again unchanged.
#include "forms/email.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "text/utf8.hpp"

using namespace support;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::whole(data, size);
  const forms::email::Parsed p = forms::email::parse(input);
  const forms::Result r = forms::email::validate(input);
  FUZZ_CHECK(r.ok() == p.result.ok() && r.ok() == forms::email::is_valid(input));
  if (!r.ok()) return 0;
  FUZZ_CHECK(r.value == p.address.display);
  FUZZ_CHECK(text::is_valid_utf8(p.address.display) && text::is_valid_utf8(p.address.ascii));
  const std::string_view domain = std::string_view(p.address.ascii).substr(p.address.ascii.rfind('@') + 1);
  for (const char c : domain) FUZZ_CHECK(static_cast<unsigned char>(c) < 0x80);
  const forms::Result again = forms::email::validate(r.value);
  FUZZ_CHECK(again.ok() && again.value == r.value);
  return 0;
}
