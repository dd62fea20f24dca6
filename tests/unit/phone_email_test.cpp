#define BOOST_TEST_MODULE phone_and_email
#include <boost/test/unit_test.hpp>

#include "tests/support/results.hpp"
#include "forms/email.hpp"
#include "forms/phone.hpp"
#include "text/punycode.hpp"

using namespace support;
using namespace support::forms;
using support::test::code_of;
using support::test::value_of;


BOOST_AUTO_TEST_SUITE(phone_suite)

BOOST_AUTO_TEST_CASE(what_people_type_is_normalised_to_e164) {
  BOOST_TEST(value_of(phone::validate("8 800 100-70-10")) == "+78001007010");
  BOOST_TEST(value_of(phone::validate("+7 (495) 783-34-34")) == "+74957833434");
  BOOST_TEST(value_of(phone::validate("+7(495)7833434")) == "+74957833434");
  BOOST_TEST(value_of(phone::validate("8 (916) 123 45 67")) == "+79161234567");
  BOOST_TEST(value_of(phone::validate("7 916 123-45-67")) == "+79161234567");
  BOOST_TEST(value_of(phone::validate("9161234567")) == "+79161234567");
  BOOST_TEST(value_of(phone::validate("8.800.555.35.35")) == "+78005553535");
  BOOST_TEST(value_of(phone::validate("  +79161234567  ")) == "+79161234567");
}

BOOST_AUTO_TEST_CASE(unicode_spaces_and_dashes) {
  BOOST_TEST(value_of(phone::validate("8\u00a0800\u00a0100\u201370\u201310")) == "+78001007010");  // NBSP, en dash
  BOOST_TEST(value_of(phone::validate("+7\u202f495\u2011783\u201134\u201134")) == "+74957833434");  // NNBSP, NB hyphen
  BOOST_TEST(value_of(phone::validate("8\u2012800\u2014100\u221270\u201010")) == "+78001007010");
}

BOOST_AUTO_TEST_CASE(extensions) {
  BOOST_TEST(value_of(phone::validate("+7 (495) 783-34-34 доб. 123")) == "+74957833434;ext=123");
  BOOST_TEST(value_of(phone::validate("+7 495 783-34-34 доб 45")) == "+74957833434;ext=45");
  BOOST_TEST(value_of(phone::validate("+7 495 783-34-34, ДОБ. 7")) == "+74957833434;ext=7");
  BOOST_TEST(value_of(phone::validate("8 495 783 34 34 добавочный 1234")) == "+74957833434;ext=1234");
  BOOST_TEST(value_of(phone::validate("+7 495 783-34-34 ext. 99")) == "+74957833434;ext=99");
  BOOST_TEST(value_of(phone::validate("+7 495 783-34-34 x99")) == "+74957833434;ext=99");
  BOOST_TEST(value_of(phone::validate("+7 495 783-34-34 #99")) == "+74957833434;ext=99");
  BOOST_TEST(code_of(phone::validate("+7 495 783-34-34 доб.")) == "phone.extension");
  BOOST_TEST(code_of(phone::validate("+7 495 783-34-34 доб. 1234567")) == "phone.extension");
  // A validated value validates again to itself.
  BOOST_TEST(value_of(phone::validate("+74957833434;ext=123")) == "+74957833434;ext=123");
  const auto n = phone::split("+74957833434;ext=123");
  BOOST_TEST(n.e164 == "+74957833434");
  BOOST_TEST(n.extension == "123");
}

BOOST_AUTO_TEST_CASE(wrong_lengths_have_their_own_errors) {
  BOOST_TEST(code_of(phone::validate("783-34-34")) == "phone.too_short");
  BOOST_TEST(phone::validate("783-34-34").issue->params == Params({{"actual", "7"}}));
  BOOST_TEST(code_of(phone::validate("+7 495 783-34-3")) == "phone.too_short");
  BOOST_TEST(code_of(phone::validate("+7 495 783-34-345")) == "phone.too_long");
  BOOST_TEST(code_of(phone::validate("8 916 123 45 678")) == "phone.too_long");
  BOOST_TEST(code_of(phone::validate("+7")) == "phone.too_short");
}

BOOST_AUTO_TEST_CASE(impossible_ranges) {
  BOOST_TEST(code_of(phone::validate("+7 123 456-78-90")) == "phone.range");
  BOOST_TEST(phone::validate("+7 123 456-78-90").issue->params == Params({{"code", "123"}}));
  BOOST_TEST(code_of(phone::validate("8 012 345 67 89")) == "phone.range");
  BOOST_TEST(code_of(phone::validate("+7 555 123-45-67")) == "phone.range");
  BOOST_TEST(code_of(phone::validate("+7 701 123-45-67")) == "phone.not_russian");  // Kazakhstan
  BOOST_TEST(code_of(phone::validate("+375 29 123-45-67")) == "phone.not_russian");
  BOOST_TEST(code_of(phone::validate("8 10 375 29 123 45 67")) == "phone.not_russian");
}

BOOST_AUTO_TEST_CASE(garbage_is_a_format_error) {
  BOOST_TEST(code_of(phone::validate("8 800 ABC-70-10")) == "phone.format");
  BOOST_TEST(code_of(phone::validate("8 800 100 70 10 позвоните мне")) == "phone.format");
  BOOST_TEST(code_of(phone::validate("7+9161234567")) == "phone.plus_position");
  BOOST_TEST(code_of(phone::validate("++79161234567")) == "phone.plus_position");
  BOOST_TEST(code_of(phone::validate("")) == "input.empty");
  BOOST_TEST(code_of(phone::validate("( )")) == "input.empty");
}

BOOST_AUTO_TEST_CASE(format_for_display) {
  BOOST_TEST(phone::format("88001007010") == "+7 800 100-70-10");
  BOOST_TEST(phone::format("+74957833434;ext=123") == "+7 495 783-34-34");
  BOOST_TEST(phone::format("not a phone") == "not a phone");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(email_suite)

BOOST_AUTO_TEST_CASE(punycode_matches_rfc_3492_and_idna) {
  BOOST_TEST(*text::punycode_encode(U"bücher") == "bcher-kva");
  BOOST_TEST(*text::punycode_encode(U"госуслуги") == "c1aapkosapc");
  BOOST_TEST(*text::punycode_encode(U"рф") == "p1ai");
  BOOST_TEST(*text::punycode_encode(U"испытание") == "80akhbyknj4f");
  // RFC 3492 section 7.1, sample (B) Russian.
  BOOST_TEST(*text::punycode_encode(U"почемужеонинеговорятпорусски") == "b1abfaaepdrnnbgefbadotcwatmq2g4l");
  BOOST_TEST(*text::idna_label_to_ascii(U"mail") == "mail");
  BOOST_TEST(*text::idna_label_to_ascii(U"москва") == "xn--80adxhks");
}

BOOST_AUTO_TEST_CASE(plain_addresses) {
  BOOST_TEST(value_of(email::validate("ivan.petrov@mail.ru")) == "ivan.petrov@mail.ru");
  BOOST_TEST(value_of(email::validate("Ivan.Petrov+support@Example.COM")) == "Ivan.Petrov+support@example.com");
  BOOST_TEST(value_of(email::validate("  user@sub.domain.org  ")) == "user@sub.domain.org");
  BOOST_TEST(value_of(email::validate("o'brien@example.ie")) == "o'brien@example.ie");
  BOOST_TEST(value_of(email::validate("user@xn--c1aapkosapc.xn--p1ai")) == "user@xn--c1aapkosapc.xn--p1ai");
}

BOOST_AUTO_TEST_CASE(cyrillic_domains_get_their_ascii_form) {
  const auto p = email::parse("почта@госуслуги.рф");
  BOOST_TEST(p.result.ok());
  BOOST_TEST(p.address.display == "почта@госуслуги.рф");
  BOOST_TEST(p.address.ascii == "почта@xn--c1aapkosapc.xn--p1ai");
  BOOST_TEST(p.address.needs_smtputf8);
  const auto q = email::parse("ivan@ПРИМЕР.РФ");
  BOOST_TEST(q.address.display == "ivan@пример.рф");
  BOOST_TEST(q.address.ascii == "ivan@xn--e1afmkfd.xn--p1ai");
  BOOST_TEST(!q.address.needs_smtputf8);
  // A decomposed "й" (и + U+0306) is the same domain as the composed one.
  const auto r = email::parse("ivan@\u0438\u0306\u043e\u0448\u043a\u0430\u0440-\u043e\u043b\u0430.\u0440\u0444");
  BOOST_TEST(r.result.ok());
  BOOST_TEST(r.address.ascii == email::parse("ivan@йошкар-ола.рф").address.ascii);
}

BOOST_AUTO_TEST_CASE(common_typos_have_their_own_errors) {
  BOOST_TEST(code_of(email::validate("ivan@@mail.ru")) == "email.multiple_at");
  BOOST_TEST(code_of(email::validate("ivan@mail@ru")) == "email.multiple_at");
  BOOST_TEST(code_of(email::validate("ivan.mail.ru")) == "email.missing_at");
  BOOST_TEST(code_of(email::validate("ivan..petrov@mail.ru")) == "email.consecutive_dots");
  BOOST_TEST(code_of(email::validate("ivan@mail..ru")) == "email.consecutive_dots");
  BOOST_TEST(code_of(email::validate("ivan petrov@mail.ru")) == "email.space");
  BOOST_TEST(code_of(email::validate("ivan@mail")) == "email.missing_tld");
  BOOST_TEST(code_of(email::validate("ivan@mail,ru")) == "email.comma");
  BOOST_TEST(code_of(email::validate(".ivan@mail.ru")) == "email.dot_position");
  BOOST_TEST(code_of(email::validate("ivan.@mail.ru")) == "email.dot_position");
  BOOST_TEST(code_of(email::validate("ivan@mail.ru.")) == "email.dot_position");
  BOOST_TEST(code_of(email::validate("@mail.ru")) == "email.local_empty");
  BOOST_TEST(code_of(email::validate("ivan@")) == "email.domain_empty");
  BOOST_TEST(code_of(email::validate("ivan@mail.r")) == "email.tld");
  BOOST_TEST(code_of(email::validate("ivan@mail.123")) == "email.tld");
  BOOST_TEST(code_of(email::validate("ivan@-mail.ru")) == "email.domain_hyphen");
  BOOST_TEST(code_of(email::validate("ivan@mail_box.ru")) == "email.domain_character");
  BOOST_TEST(code_of(email::validate("\"ivan\"@mail.ru")) == "email.local_character");
  BOOST_TEST(code_of(email::validate("ivan@[127.0.0.1]")) == "email.domain_character");
}

BOOST_AUTO_TEST_CASE(mixed_script_domains_are_refused) {
  // "gоsuslugi" with a Cyrillic "о": looks right, goes elsewhere.
  BOOST_TEST(code_of(email::validate("user@g\u043esuslugi.ru")) == "email.mixed_script");
}

BOOST_AUTO_TEST_CASE(length_limits) {
  BOOST_TEST(code_of(email::validate(std::string(65, 'a') + "@mail.ru")) == "email.local_too_long");
  BOOST_TEST(email::is_valid(std::string(64, 'a') + "@mail.ru"));
  BOOST_TEST(code_of(email::validate("a@" + std::string(64, 'b') + ".ru")) == "email.domain_too_long");
  std::string domain;
  for (int i = 0; i < 5; ++i) domain += std::string(60, 'c') + ".";
  BOOST_TEST(code_of(email::validate("a@" + domain + "ru")) == "email.domain_too_long");
}

BOOST_AUTO_TEST_SUITE_END()
