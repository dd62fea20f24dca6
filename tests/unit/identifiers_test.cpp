#define BOOST_TEST_MODULE identifiers
#include <boost/test/unit_test.hpp>

#include "tests/support/results.hpp"
#include "forms/inn.hpp"
#include "forms/ogrn.hpp"
#include "forms/passport.hpp"
#include "forms/snils.hpp"

#include <memory>
#include <string>
#include <vector>

using namespace support;
using namespace support::forms;
using support::test::code_of;
using support::test::value_of;


BOOST_AUTO_TEST_SUITE(snils_suite)

BOOST_AUTO_TEST_CASE(compact_strips_every_kind_of_separator) {
  BOOST_TEST(snils::compact("112-233-445 95") == "11223344595");
  BOOST_TEST(snils::compact("112\u2013233\u2014445\u00a095") == "11223344595");  // en/em dash, NBSP
  BOOST_TEST(snils::compact("112.233.445.95") == "11223344595");
  BOOST_TEST(snils::compact("112\u2212233\u2010445\u202f95") == "11223344595");  // minus, hyphen, narrow NBSP
}

BOOST_AUTO_TEST_CASE(checksum_below_100_is_the_sum) {
  BOOST_TEST(snils::checksum("112233445") == "95");
  BOOST_TEST(snils::checksum("001239570") == "99");  // sum 99
  BOOST_TEST(snils::is_valid("112-233-445 95"));
  BOOST_TEST(snils::is_valid("001-239-570 99"));
}

BOOST_AUTO_TEST_CASE(sums_of_100_and_101_give_00) {
  BOOST_TEST(snils::checksum("001326679") == "00");  // sum 100
  BOOST_TEST(snils::checksum("001508816") == "00");  // sum 101
  BOOST_TEST(snils::is_valid("00132667900"));
  BOOST_TEST(snils::is_valid("00150881600"));
  BOOST_TEST(code_of(snils::validate("00132667901")) == "snils.checksum");
  BOOST_TEST(code_of(snils::validate("00150881601")) == "snils.checksum");
}

BOOST_AUTO_TEST_CASE(sums_above_101_are_taken_mod_101) {
  BOOST_TEST(snils::checksum("002894641") == "49");  // sum 150
  BOOST_TEST(snils::checksum("017996174") == "00");  // sum 201 -> 100 -> 00
  BOOST_TEST(snils::is_valid("002-894-641 49"));
  BOOST_TEST(snils::is_valid("017-996-174 00"));
}

BOOST_AUTO_TEST_CASE(numbers_up_to_001_001_998_have_no_checksum) {
  BOOST_TEST(!snils::has_checksum("00100199812"));
  BOOST_TEST(snils::is_valid("001-001-998 12"));
  BOOST_TEST(snils::is_valid("001-001-998 00"));
  BOOST_TEST(snils::is_valid("000-000-001 99"));
  BOOST_TEST(snils::has_checksum("00100199900"));
  BOOST_TEST(snils::checksum("001001999") == "65");
  BOOST_TEST(snils::is_valid("001-001-999 65"));
  BOOST_TEST(code_of(snils::validate("001-001-999 00")) == "snils.checksum");
}

BOOST_AUTO_TEST_CASE(errors_are_precise) {
  BOOST_TEST(code_of(snils::validate("112-233-445 96")) == "snils.checksum");
  BOOST_TEST(code_of(snils::validate("112-233-445")) == "snils.length");
  BOOST_TEST(snils::validate("112-233-445").issue->params == Params({{"actual", "9"}}));
  BOOST_TEST(code_of(snils::validate("112-233-445 955")) == "snils.length");
  BOOST_TEST(code_of(snils::validate("112-233-44O 95")) == "snils.format");  // letter O
  BOOST_TEST(snils::validate("112-233-44O 95").issue->params == Params({{"character", "O"}}));
  BOOST_TEST(code_of(snils::validate("")) == "input.empty");
  BOOST_TEST(code_of(snils::validate(" - ")) == "input.empty");
  BOOST_TEST(code_of(snils::validate("１１２２３３４４５９５")) == "snils.format");  // full-width digits
}

BOOST_AUTO_TEST_CASE(format_is_canonical) {
  BOOST_TEST(snils::format("11223344595") == "112-233-445 95");
  BOOST_TEST(snils::format(" 112 233 445 95 ") == "112-233-445 95");
  BOOST_TEST(snils::format("123") == "123");
  BOOST_TEST(snils::validate("112 233 445 95").value == "11223344595");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(inn_suite)

BOOST_AUTO_TEST_CASE(legal_entity_inn) {
  BOOST_TEST(inn::checksum("770708389") == "3");
  BOOST_TEST(inn::is_valid("7707083893"));
  BOOST_TEST(inn::is_valid("7830002293"));
  BOOST_TEST(inn::is_valid("77 07 08 38 93"));
  BOOST_TEST(code_of(inn::validate("7707083894")) == "inn.checksum");
  BOOST_TEST(code_of(inn::validate("5408000012")) == "inn.checksum");
}

BOOST_AUTO_TEST_CASE(individual_inn) {
  BOOST_TEST(inn::checksum("5001007322") == "59");
  BOOST_TEST(inn::checksum("50010073225") == "9");
  BOOST_TEST(inn::is_valid("500100732259"));
  BOOST_TEST(code_of(inn::validate("500100732258")) == "inn.checksum");
  BOOST_TEST(code_of(inn::validate("500100732249")) == "inn.checksum");  // first check digit wrong
  BOOST_TEST(code_of(inn::validate("123456789012")) == "inn.checksum");
}

BOOST_AUTO_TEST_CASE(required_kind) {
  BOOST_TEST(inn::is_valid("7707083893", inn::Kind::legal_entity));
  BOOST_TEST(code_of(inn::validate("7707083893", inn::Kind::individual)) == "inn.kind");
  BOOST_TEST(inn::validate("7707083893", inn::Kind::individual).issue->params == Params({{"expected", "individual"}}));
  BOOST_TEST(inn::is_valid("500100732259", inn::Kind::individual));
  BOOST_TEST(code_of(inn::validate("500100732259", inn::Kind::legal_entity)) == "inn.kind");
}

BOOST_AUTO_TEST_CASE(lengths) {
  BOOST_TEST(code_of(inn::validate("77070838")) == "inn.length");
  BOOST_TEST(code_of(inn::validate("77070838931")) == "inn.length");  // 11 digits
  BOOST_TEST(code_of(inn::validate("7707083893123")) == "inn.length");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ogrn_suite)

BOOST_AUTO_TEST_CASE(ogrn_mod_11) {
  BOOST_TEST(ogrn::checksum("102770013219") == "5");
  BOOST_TEST(ogrn::is_valid("1027700132195"));
  BOOST_TEST(ogrn::is_valid("1037739010891"));
  BOOST_TEST(code_of(ogrn::validate("1027700132196")) == "ogrn.checksum");
  BOOST_TEST(code_of(ogrn::validate("3027700132195")) == "ogrn.kind");  // 3 marks an ОГРНИП
  BOOST_TEST(code_of(ogrn::validate("102770013219")) == "ogrn.length");
}

BOOST_AUTO_TEST_CASE(ogrn_check_digit_is_mod_11_then_mod_10) {
  // 12 leading digits whose value mod 11 is 10: the check digit is 0.
  const std::string leading = "100000000000";  // 10^11 mod 11 == 10
  BOOST_TEST(ogrn::checksum(leading) == "0");
  BOOST_TEST(ogrn::is_valid(leading + "0"));
}

BOOST_AUTO_TEST_CASE(ogrnip_mod_13) {
  BOOST_TEST(ogrnip::checksum("30450011600015") == "7");
  BOOST_TEST(ogrnip::is_valid("304500116000157"));
  BOOST_TEST(ogrnip::is_valid("315774600000340"));
  BOOST_TEST(code_of(ogrnip::validate("304500116000158")) == "ogrnip.checksum");
  BOOST_TEST(code_of(ogrnip::validate("104500116000157")) == "ogrnip.kind");
  BOOST_TEST(code_of(ogrnip::validate("1027700132195")) == "ogrnip.length");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(passport_suite)

BOOST_AUTO_TEST_CASE(accepts_with_or_without_spaces) {
  BOOST_TEST(passport::validate("4508 123456").value == "4508123456");
  BOOST_TEST(passport::validate("45 08 123456").value == "4508123456");
  BOOST_TEST(passport::validate("4508123456").value == "4508123456");
  BOOST_TEST(passport::validate("45\u00a008\u00a0123456").value == "4508123456");
  BOOST_TEST(passport::format("45 08 123456") == "4508 123456");
}

BOOST_AUTO_TEST_CASE(rejects_impossible_numbers) {
  BOOST_TEST(code_of(passport::validate("4508 12345")) == "passport.length");
  BOOST_TEST(code_of(passport::validate("4508 1234567")) == "passport.length");
  BOOST_TEST(code_of(passport::validate("0008 123456")) == "passport.series");
  BOOST_TEST(code_of(passport::validate("4508 000000")) == "passport.number");
  BOOST_TEST(code_of(passport::validate("45О8 123456")) == "passport.format");  // Cyrillic О
}

BOOST_AUTO_TEST_SUITE_END()

// Fault 4 of issue 9: snils::checksum("12") read nine characters whatever the
// length. Every public function takes any input; the inputs here sit in
// buffers of exactly their size, so a read past the end is a sanitizer error.
BOOST_AUTO_TEST_SUITE(any_input_is_safe)

std::vector<std::string> hostile_inputs() {
  return {"", "1", "12", "12345678", "1234567890123456789012345", "abcdefghi", "12345678x", "１２３４５６７８９",
          std::string(9, '\0'), "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7", "-12345678", " 12345678", std::string(100000, '9')};
}

BOOST_AUTO_TEST_CASE(snils_checksum_out_of_bounds_read) {
  for (const std::string& input : hostile_inputs()) {
    const std::unique_ptr<char[]> exact(new char[input.size() + 1]);
    std::copy(input.begin(), input.end(), exact.get());
    const std::string_view view(exact.get(), input.size());
    BOOST_TEST_CONTEXT("input of " << input.size() << " bytes") {
      BOOST_TEST(snils::checksum(view) == "");
      BOOST_TEST(!snils::has_checksum(view.substr(0, std::min<std::size_t>(view.size(), 8))));
      BOOST_TEST(!snils::is_valid(view));
      BOOST_TEST(ogrn::checksum(view) == "");
      BOOST_TEST(ogrnip::checksum(view) == "");
      BOOST_TEST(!ogrn::is_valid(view));
      BOOST_TEST(!ogrnip::is_valid(view));
      BOOST_TEST(!passport::is_valid(view));
      (void)snils::format(view);
      (void)passport::format(view);
      (void)inn::format(view);
    }
  }
  // Only digits of the right count get a check number.
  BOOST_TEST(snils::checksum("12345678") == "");
  BOOST_TEST(snils::checksum("1234567890") == "");
  BOOST_TEST(!snils::has_checksum("99999999x99"));
  BOOST_TEST(snils::has_checksum("99999999999"));
}

BOOST_AUTO_TEST_CASE(checksums_of_non_digits_are_empty_not_garbage) {
  for (const char* leading : {"abcdefghi", "77070838x", "5001007 22", "500100732_5"}) {
    BOOST_TEST_CONTEXT(leading) { BOOST_TEST(inn::checksum(leading) == ""); }
  }
  BOOST_TEST(ogrn::checksum("10277001321x") == "");
  BOOST_TEST(ogrn::checksum("1027700132190") == "");  // 13 digits: one too many
  BOOST_TEST(ogrnip::checksum("3045001160001x") == "");
  BOOST_TEST(ogrnip::checksum(std::string(20, '9')) == "");  // would overflow a 64-bit number
  // Valid inputs keep their check digits.
  BOOST_TEST(snils::checksum("112233445") == "95");
  BOOST_TEST(ogrn::checksum("102770013219") == "5");
  BOOST_TEST(ogrnip::checksum("30450011600015") == "7");
}

BOOST_AUTO_TEST_SUITE_END()
