#define BOOST_TEST_MODULE password
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "bundle/bundled_files.hpp"
#include "forms/password.hpp"
#include "tests/support/bundled.hpp"

using namespace support;
using namespace support::forms;
using namespace support::forms::password;

namespace {

const Checker& checker() { return test::forms_config().passwords; }

std::vector<std::string> codes(const Check& c) {
  std::vector<std::string> out;
  for (const auto& e : c.errors) out.push_back(e.code);
  return out;
}

bool warns(const Check& c, const std::string& code) {
  return std::find(c.warnings.begin(), c.warnings.end(), code) != c.warnings.end();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(policy)

BOOST_AUTO_TEST_CASE(seed_rules_all_reported_at_once) {
  const auto c = checker().check("abc");
  BOOST_TEST(!c.valid);
  BOOST_TEST(codes(c) == std::vector<std::string>({"password.too_short", "password.no_uppercase",
                                                    "password.no_digit", "password.no_special"}));
  BOOST_TEST(c.errors[0].params == Params({{"min", "8"}}));
}

BOOST_AUTO_TEST_CASE(each_class_is_required) {
  BOOST_TEST(codes(checker().check("ABCDEFG1!")) == std::vector<std::string>({"password.no_lowercase"}));
  BOOST_TEST(codes(checker().check("abcdefg1!")) == std::vector<std::string>({"password.no_uppercase"}));
  BOOST_TEST(codes(checker().check("Abcdefgh!")) == std::vector<std::string>({"password.no_digit"}));
  BOOST_TEST(codes(checker().check("Abcdefgh1")) == std::vector<std::string>({"password.no_special"}));
  BOOST_TEST(checker().check("Vk7#mQ2pLx").valid);
}

BOOST_AUTO_TEST_CASE(length_limits) {
  BOOST_TEST(codes(checker().check("Aa1!aaa")) == std::vector<std::string>({"password.too_short"}));
  BOOST_TEST(checker().check("Aa1!" + std::string(60, 'x')).valid);  // exactly 64
  const auto long_one = checker().check("Aa1!" + std::string(61, 'x'));
  BOOST_TEST(codes(long_one) == std::vector<std::string>({"password.too_long"}));
  BOOST_TEST(long_one.errors[0].params == Params({{"max", "64"}}));
  // Ten megabytes are refused without being decoded.
  BOOST_TEST(codes(checker().check(std::string(10 * 1024 * 1024, 'a'))) ==
             std::vector<std::string>({"password.too_long"}));
}

BOOST_AUTO_TEST_CASE(cyrillic_gets_the_keyboard_layout_hint) {
  const auto c = checker().check("Пароль123!");
  BOOST_TEST(!c.valid);
  BOOST_TEST((std::find(codes(c).begin(), codes(c).end(), "password.cyrillic") != codes(c).end()));
  BOOST_TEST(codes(checker().check("Vk7#mQ2pLxЖ")) == std::vector<std::string>({"password.cyrillic"}));
}

BOOST_AUTO_TEST_CASE(spaces_and_other_characters) {
  BOOST_TEST(codes(checker().check("Vk7#mQ 2pLx")) == std::vector<std::string>({"password.space"}));
  BOOST_TEST(codes(checker().check("Vk7#mQ2pLx€")) == std::vector<std::string>({"password.character"}));
  BOOST_TEST(codes(checker().check("Vk7#mQ2pLx\xff")) == std::vector<std::string>({"input.invalid_utf8"}));
  BOOST_TEST(codes(checker().check(std::string("Vk7#mQ2\0pLx", 11))) ==
             std::vector<std::string>({"input.control_character"}));
  BOOST_TEST(codes(checker().check("Vk7#mQ2\u200bpLx")) == std::vector<std::string>({"input.invisible_character"}));
}

BOOST_AUTO_TEST_CASE(policy_comes_from_data) {
  const std::string strict = R"({"min_length": 12, "max_length": 20, "require_special": false,
                                 "special_characters": "", "min_score": 3})";
  auto policy = Policy::load(strict);
  BOOST_TEST_REQUIRE(policy.value.has_value());
  BOOST_TEST(policy.value->min_length == 12u);
  BOOST_TEST(policy.value->check("Abcdefgh1").size() == 1u);  // too short only: special not required
  auto dictionary = bundle::file("forms/data/password_dictionary.json");
  auto c = Checker::load(strict, *dictionary);
  BOOST_TEST_REQUIRE(c.value.has_value());
  const auto weak = c.value->check("Password1234");
  BOOST_TEST((codes(weak) == std::vector<std::string>({"password.too_weak"})));
  BOOST_TEST(c.value->check("kV7mQ2pLxw9T").valid);
}

BOOST_AUTO_TEST_CASE(malformed_policy_files_are_named_precisely) {
  BOOST_TEST(Policy::load("{", "p.json").error.find("p.json: malformed JSON") == 0u);
  BOOST_TEST(Policy::load(R"({"min_length": 8, "max_length": 64, "special_characters": "!", "colour": 1})", "p.json")
                 .error == "p.json: /colour: unknown key");
  BOOST_TEST(Policy::load(R"({"min_length": 10, "max_length": 5, "special_characters": "!"})", "p.json").error ==
             "p.json: /max_length: must not be below min_length");
  BOOST_TEST(Policy::load(R"({"min_length": "8", "max_length": 64, "special_characters": "!"})", "p.json").error ==
             "p.json: /min_length: expected an integer");
  BOOST_TEST(Policy::load(R"({"max_length": 64, "special_characters": "!"})", "p.json").error ==
             "p.json: /min_length: missing required key");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(strength)

BOOST_AUTO_TEST_CASE(composition_rules_miss_these) {
  // Every character class present, and still guessed at once.
  for (const char* p : {"P@ssw0rd", "Password1!", "Qwerty123!"}) {
    const auto c = checker().check(p);
    BOOST_TEST_CONTEXT(p) {
      BOOST_TEST(c.valid);
      BOOST_TEST(c.score <= 1);
      BOOST_TEST(warns(c, "password.common"));
    }
  }
}

BOOST_AUTO_TEST_CASE(keyboard_runs) {
  for (const char* p : {"zxcvbnm,./", "1qaz2wsx3edc", "asdfghjkl;", "йцукенгшщз", "!QAZ@WSX#EDC"}) {
    const auto c = checker().check(p);
    BOOST_TEST_CONTEXT(p) {
      BOOST_TEST(c.score <= 1);
      BOOST_TEST((warns(c, "password.keyboard_pattern") || warns(c, "password.common")));
    }
  }
  // A run nobody has listed is still a run.
  const auto c = checker().check("xcvbnm,.");
  BOOST_TEST(warns(c, "password.keyboard_pattern"));
  BOOST_TEST(c.score <= 1);
  // Short runs in a row add up: three 3-key columns are not one weak pattern.
  BOOST_TEST(checker().check("tgbyhnujm").score >= 2);
}

BOOST_AUTO_TEST_CASE(russian_words_in_the_latin_layout) {
  const auto c = checker().check("Gfhjkm2024!");  // «Пароль2024!» typed with the Latin layout on
  BOOST_TEST(c.valid);
  BOOST_TEST(warns(c, "password.wrong_layout_word"));
  BOOST_TEST(c.score <= 2);
  BOOST_TEST(warns(checker().check("ghbdtn"), "password.wrong_layout_word"));  // «привет»
}

BOOST_AUTO_TEST_CASE(transliteration_and_leet) {
  BOOST_TEST(checker().check("parol").score == 0);
  BOOST_TEST(checker().check("Lyub0v!").score <= 1);  // «любовь», "0" for "o"
  BOOST_TEST(checker().check("pr1vet").score == 0);
  BOOST_TEST(checker().check("drowssap").score == 0);  // reversed
}

BOOST_AUTO_TEST_CASE(sequences_repeats_dates) {
  BOOST_TEST(warns(checker().check("abcdefgh"), "password.sequence"));
  BOOST_TEST(warns(checker().check("98765432"), "password.sequence"));
  BOOST_TEST(warns(checker().check("zzzzzzzz"), "password.repeat"));
  BOOST_TEST(warns(checker().check("xyzkxyzkxyzk"), "password.repeat"));
  BOOST_TEST(warns(checker().check("14071992"), "password.date"));
  BOOST_TEST(warns(checker().check("1992-07-14"), "password.date"));
  BOOST_TEST(checker().check("14071992").score <= 1);
}

BOOST_AUTO_TEST_CASE(the_persons_own_data) {
  const UserInfo user{"Смирнова Алёна Викторовна", "14.07.1992", "+7 916 555-12-34", "alena.smirnova@mail.ru"};
  for (const char* p : {"Smirnova1992!", "Alena14071992!", "Cvbhyjdf!5551234", "Vk!5551234xx", "Alena.Smirnova#1"}) {
    const auto c = checker().check(p, user);
    BOOST_TEST_CONTEXT(p) {
      BOOST_TEST(warns(c, "password.personal_data"));
      BOOST_TEST(c.score <= 2);
    }
  }
  // The same passwords from someone else raise no personal-data warning.
  BOOST_TEST(!warns(checker().check("Smirnova1992!"), "password.personal_data"));
}

BOOST_AUTO_TEST_CASE(strong_passwords_score_high) {
  for (const char* p : {"Vk7#mQ2pLx9t", "correct-Horse-battery-staple-7", "Tr0ub4dour&3xQ", "yU8$eWq!2Zr0"}) {
    const auto c = checker().check(p);
    BOOST_TEST_CONTEXT(p) {
      BOOST_TEST(c.score >= 3);
      BOOST_TEST(c.warnings.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(score_grows_with_length_of_random_text) {
  BOOST_TEST(checker().check("kX9#").score < checker().check("kX9#vT2!").score);
  BOOST_TEST(checker().check("kX9#vT2!").score <= checker().check("kX9#vT2!qL5@").score);
}

BOOST_AUTO_TEST_SUITE_END()
