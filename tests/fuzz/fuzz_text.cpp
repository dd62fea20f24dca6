// The text layer every entry point runs first: UTF-8 decoding and repair,
// cutting, keyboard layouts, transliteration and Punycode, on any bytes.
#include "tests/fuzz/fuzz_support.hpp"
#include "text/chars.hpp"
#include "text/keyboard.hpp"
#include "text/punycode.hpp"
#include "text/translit.hpp"
#include "text/utf8.hpp"

using namespace support;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::whole(data, size);
  const std::string repaired = text::to_valid_utf8(input);
  FUZZ_CHECK(text::is_valid_utf8(repaired));
  if (text::is_valid_utf8(input)) FUZZ_CHECK(repaired == input);
  const std::string cut = text::cut_utf8(input, size / 2);
  FUZZ_CHECK(cut.size() <= size / 2 && text::is_valid_utf8(cut));
  const std::u32string cps = text::to_u32(input);
  FUZZ_CHECK(cps.size() == text::code_point_count(input));
  FUZZ_CHECK(text::to_utf8(cps) == repaired);
  FUZZ_CHECK(text::is_valid_utf8(text::latin_layout_to_cyrillic(input)));
  FUZZ_CHECK(text::is_valid_utf8(text::cyrillic_layout_to_latin(input)));
  FUZZ_CHECK(text::is_valid_utf8(text::to_lower(input)));
  (void)text::transliterate(cps, text::TranslitScheme::common);
  (void)text::transliterate(cps, text::TranslitScheme::alternative);
  (void)text::detransliterate(cps);
  (void)text::punycode_encode(cps);
  (void)text::idna_label_to_ascii(cps);
  for (std::size_t i = 1; i < cps.size() && i < 64; ++i) (void)text::key_step_direction(cps[i - 1], cps[i]);
  return 0;
}
