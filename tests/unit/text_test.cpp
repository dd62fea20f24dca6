#define BOOST_TEST_MODULE text
#include <boost/test/unit_test.hpp>

#include "text/chars.hpp"
#include "text/compose.hpp"
#include "text/keyboard.hpp"
#include "text/translit.hpp"
#include "text/utf8.hpp"

using namespace support::text;

BOOST_AUTO_TEST_SUITE(utf8)

BOOST_AUTO_TEST_CASE(valid_sequences) {
  BOOST_TEST(is_valid_utf8(""));
  BOOST_TEST(is_valid_utf8("ascii"));
  BOOST_TEST(is_valid_utf8("Госуслуги ё 🙂 \u20ac"));
  BOOST_TEST(code_point_count("ёж🙂") == 3u);
  const auto d = decode_at("\xF0\x9F\x99\x82", 0);
  BOOST_TEST(d.valid);
  BOOST_TEST(static_cast<unsigned>(d.code_point) == 0x1F642u);
  BOOST_TEST(d.length == 4u);
}

BOOST_AUTO_TEST_CASE(invalid_sequences_per_rfc_3629) {
  BOOST_TEST(!is_valid_utf8("\xff"));
  BOOST_TEST(!is_valid_utf8("\xc0\xaf"));              // overlong "/"
  BOOST_TEST(!is_valid_utf8("\xe0\x80\xaf"));          // overlong
  BOOST_TEST(!is_valid_utf8("\xed\xa0\x80"));          // surrogate U+D800
  BOOST_TEST(!is_valid_utf8("\xf4\x90\x80\x80"));      // above U+10FFFF
  BOOST_TEST(!is_valid_utf8("\xd0"));                  // truncated
  BOOST_TEST(!is_valid_utf8("ok\xe2\x82"));            // truncated at the end
  BOOST_TEST(!is_valid_utf8("\x80"));                  // lone continuation
  BOOST_TEST(to_valid_utf8("a\xff" "b") == "a\uFFFDb");
}

BOOST_AUTO_TEST_CASE(encode_round_trip) {
  for (char32_t cp : {U'a', U'ё', U'€', U'🙂', char32_t{0x10FFFF}}) {
    std::string s;
    append_utf8(s, cp);
    BOOST_TEST(decode_at(s, 0).code_point == cp);
    BOOST_TEST(decode_at(s, 0).length == s.size());
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(characters)

BOOST_AUTO_TEST_CASE(classes) {
  BOOST_TEST(is_space(U'\u00a0'));
  BOOST_TEST(is_space(U'\u202f'));
  BOOST_TEST(is_dash(U'\u2013'));
  BOOST_TEST(is_dash(U'\u2212'));
  BOOST_TEST(!is_dash(U'_'));
  BOOST_TEST(is_bidi_control(U'\u202e'));
  BOOST_TEST(is_invisible(U'\u200b'));
  BOOST_TEST(is_invisible(U'\ufeff'));
  BOOST_TEST(is_control(U'\0'));
  BOOST_TEST(is_control(U'\u0085'));
  BOOST_TEST(is_letter(U'ё'));
  BOOST_TEST(!is_letter(U'1'));
  BOOST_TEST((script_of(U'a') == Script::latin));
  BOOST_TEST((script_of(U'а') == Script::cyrillic));
}

BOOST_AUTO_TEST_CASE(case_folding) {
  BOOST_TEST(to_lower("ГОСУСЛУГИ Ёлка ABC") == "госуслуги ёлка abc");
  BOOST_TEST(to_lower(U'Ё') == U'ё');
  BOOST_TEST(to_upper(U'ё') == U'Ё');
  BOOST_TEST(to_lower(U'Ї') == U'ї');
  BOOST_TEST(to_lower(U'Ä') == U'ä');
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(keyboard)

BOOST_AUTO_TEST_CASE(wrong_layout_conversion) {
  BOOST_TEST(latin_layout_to_cyrillic("yt vjue djqnb") == "не могу войти");
  BOOST_TEST(latin_layout_to_cyrillic("pf,sk gfhjkm") == "забыл пароль");
  BOOST_TEST(latin_layout_to_cyrillic("cvc yt ghb[jlbn") == "смс не приходит");
  BOOST_TEST(latin_layout_to_cyrillic("Ujceckeub") == "Госуслуги");
  BOOST_TEST(cyrillic_layout_to_latin("пароль") == "gfhjkm");
}

BOOST_AUTO_TEST_CASE(key_neighbours) {
  BOOST_TEST(key_step_direction(U'q', U'w') != 0);
  BOOST_TEST(key_step_direction(U'1', U'q') != 0);
  BOOST_TEST(key_step_direction(U'q', U'2') != 0);
  BOOST_TEST(key_step_direction(U'a', U'z') != 0);
  BOOST_TEST(key_step_direction(U'й', U'ц') != 0);
  BOOST_TEST(key_step_direction(U'q', U'p') == 0);
  BOOST_TEST(key_step_direction(U'z', U'2') == 0);
  BOOST_TEST(key_position(U'Q')->shifted);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(decomposed_letters_are_composed) {
  BOOST_TEST((compose(U"\u0418\u0306\u043e\u0441\u0438\u0444") == U"Йосиф"));  // И + breve
  BOOST_TEST((compose(U"\u0435\u0308\u0436") == U"ёж"));                          // е + diaeresis
  BOOST_TEST((compose(U"Rene\u0301 Mu\u0308ller") == U"René Müller"));
  BOOST_TEST(compose_pair(U'и', 0x0306) == U'й');
  BOOST_TEST(compose_pair(U'ж', 0x0306) == U'\u04C2');  // a real letter too (Moldovan)
  BOOST_TEST(compose_pair(U'x', 0x0306) == 0u);        // no such letter: the mark stays
  BOOST_TEST((compose(U"x\u0306") == U"x\u0306"));
  BOOST_TEST((compose(U"\u0306и") == U"\u0306и"));     // a mark with nothing before it
  BOOST_TEST((compose(U"") == U""));
}

BOOST_AUTO_TEST_CASE(transliteration) {
  BOOST_TEST((transliterate(U"Любовь", TranslitScheme::common) == U"lyubov"));
  BOOST_TEST((transliterate(U"Любовь", TranslitScheme::alternative) == U"ljubov"));
  BOOST_TEST((transliterate(U"Щукин Ёж", TranslitScheme::common) == U"schukin ezh"));
}

// Found by fuzz_text: cutting invalid input kept its invalid bytes, against
// the promise of "valid UTF-8" (a JSON dump of the result would throw).
BOOST_AUTO_TEST_CASE(cut_utf8_of_invalid_input_is_valid_utf8) {
  const std::string hostile = "\xff\xfe\xc0\xaf\xed\xa0\x80ok";
  for (std::size_t max = 0; max <= hostile.size() * 3 + 3; ++max) {
    const std::string cut = cut_utf8(hostile, max);
    BOOST_TEST(is_valid_utf8(cut));
    BOOST_TEST(cut.size() <= max);
  }
  BOOST_TEST(cut_utf8("\xff" "ab", 10) == "\xEF\xBF\xBD" "ab");
  // Valid text is cut at a character boundary, never split.
  BOOST_TEST(cut_utf8("ab\xd0\xbf", 3) == "ab");
  BOOST_TEST(cut_utf8("ab\xd0\xbf", 4) == "ab\xd0\xbf");
  BOOST_TEST(cut_utf8("abcd\xF0\x9F\x91\x8D", 7) == "abcd");
}
