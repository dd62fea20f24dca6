// Every entry point takes arbitrary bytes. Each hostile input gets a clear
// error code: no crash, no exception, no quadratic time (ctest's timeout
// would catch a hang on the 10 MB inputs).
#define BOOST_TEST_MODULE hostile_input
#include <boost/test/unit_test.hpp>

#include <map>

#include "forms/attachment.hpp"
#include "forms/form_validator.hpp"
#include "forms/free_text.hpp"
#include "forms/kinds.hpp"
#include "tests/support/bundled.hpp"

using namespace support;
using namespace support::forms;

namespace {

const std::map<std::string, std::string>& hostile_values() {
  static const std::map<std::string, std::string> values = {
      {"invalid_utf8", "12\xff\xfe"},
      {"overlong_utf8", "\xc0\xaf"},
      {"nul_byte", std::string("112\0""23344595", 12)},
      {"huge", std::string(10 * 1024 * 1024, '7')},
      {"zero_width", "112\u200b23344595"},
      {"bidi_override", "112\u202e23344595"},
      {"emoji", "112🙂23344595"},
      {"only_spaces", "   \u00a0  "},
  };
  return values;
}

const std::map<std::string, std::string> kGuardCodes = {
    {"invalid_utf8", "input.invalid_utf8"},       {"overlong_utf8", "input.invalid_utf8"},
    {"nul_byte", "input.control_character"},      {"huge", "input.too_long"},
    {"zero_width", "input.invisible_character"},  {"bidi_override", "input.bidi_control"},
};

}  // namespace

BOOST_AUTO_TEST_CASE(every_kind_refuses_every_hostile_value_with_a_code) {
  for (std::string_view kind : kind_names()) {
    for (const auto& [label, value] : hostile_values()) {
      BOOST_TEST_CONTEXT(kind << " / " << label) {
        std::optional<KindCheck> check;
        BOOST_REQUIRE_NO_THROW(check = check_kind(kind, value, {Date{2026, 11, 21}}));
        BOOST_TEST_REQUIRE(check.has_value());
        BOOST_TEST(!check->result.ok());
        const auto expected = kGuardCodes.find(label);
        if (expected != kGuardCodes.end()) {
          BOOST_TEST(check->result.issue->code == expected->second);
        } else {
          BOOST_TEST(!check->result.issue->code.empty());
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(emoji_get_the_fields_own_character_error) {
  BOOST_TEST(check_kind("snils", "112🙂23344595")->result.issue->code == "snils.format");
  BOOST_TEST(check_kind("snils", "112🙂23344595")->result.issue->params == Params({{"character", "🙂"}}));
  BOOST_TEST(check_kind("phone", "+7 916 🙂 123-45-67")->result.issue->code == "phone.format");
  BOOST_TEST(check_kind("email", "ivan🙂@mail.ru")->result.issue->code == "email.local_character");
  BOOST_TEST(check_kind("name", "Иван 🙂")->result.issue->code == "name.character");
  BOOST_TEST(check_kind("date", "🙂.11.2026")->result.issue->code == "date.format");
}

BOOST_AUTO_TEST_CASE(passwords) {
  const auto& checker = test::forms_config().passwords;
  for (const auto& [label, value] : hostile_values()) {
    BOOST_TEST_CONTEXT(label) {
      password::Check c;
      BOOST_REQUIRE_NO_THROW(c = checker.check(value));
      BOOST_TEST(!c.valid);
      BOOST_TEST(!c.errors.empty());
    }
  }
  // Strength estimation of the longest allowed password stays bounded.
  BOOST_TEST(checker.check(std::string(64, '1')).score == 0);
  BOOST_TEST(checker.check(std::string(32, 'a') + std::string(32, 'b')).score <= 1);
}

BOOST_AUTO_TEST_CASE(free_text_fields) {
  const free_text::Rules rules{1, 5000, true};
  BOOST_TEST(free_text::validate("Помогите 🙏", rules).ok());          // emoji are fine in free text
  BOOST_TEST(free_text::validate("👨‍👩‍👧 семья", rules).ok());           // ZWJ sequences too
  BOOST_TEST(free_text::validate("a\xff", rules).issue->code == "input.invalid_utf8");
  BOOST_TEST(free_text::validate(std::string("a\0b", 3), rules).issue->code == "input.control_character");
  BOOST_TEST(free_text::validate("abc\u2066def", rules).issue->code == "input.bidi_control");
  BOOST_TEST(free_text::validate(std::string(10 * 1024 * 1024, 'a'), rules).issue->code == "text.too_long");
  BOOST_TEST(free_text::validate("\uFFFE", rules).issue->code == "input.noncharacter");
}

BOOST_AUTO_TEST_CASE(whole_forms_with_hostile_fields) {
  const FormSchema& schema = *test::forms_config().schema("feedback");
  for (const auto& field : schema.fields) {
    for (const auto& [label, value] : hostile_values()) {
      BOOST_TEST_CONTEXT(field.name << " / " << label) {
        nlohmann::json form{{field.name, value}};
        FormResult r;
        BOOST_REQUIRE_NO_THROW(r = validate_form(schema, form));
        BOOST_TEST(!r.valid());
        const bool reported = std::any_of(r.issues.begin(), r.issues.end(),
                                          [&](const FieldIssue& i) { return i.path == field.name; });
        // Emoji and zero-width joiners are legitimate in free text; blanks in an optional field mean "absent".
        const bool acceptable = (field.type == FieldType::text && (label == "emoji" || label == "zero_width")) ||
                                (label == "only_spaces" && !field.required);
        BOOST_TEST(reported == !acceptable);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(hostile_form_documents) {
  const FormSchema& schema = *test::forms_config().schema("feedback");
  for (const std::string& doc : {std::string("{\"subject\": \"\\ud800\"}"), std::string("{\"a\":") + std::string(50000, '{'),
                                 std::string("\0\0\0", 3), std::string("nul\0l", 5), std::string("1e999999"),
                                 std::string("{\"subject\": 1e400}"), std::string(5000, '"')}) {
    FormResult r;
    BOOST_REQUIRE_NO_THROW(r = validate_form_json(schema, doc));
    BOOST_TEST(!r.valid());
  }
}

BOOST_AUTO_TEST_CASE(attachment_names) {
  const auto& profile = *test::forms_config().attachments.profile("portal_form");
  for (const auto& [label, value] : hostile_values()) {
    BOOST_TEST_CONTEXT(label) {
      BOOST_REQUIRE_NO_THROW(attachment::check_file("%PDF-1.4\n%%EOF", value + ".pdf", value, profile));
      BOOST_TEST(!attachment::check_file("%PDF-1.4\n%%EOF", value + ".pdf", value, profile).ok());
    }
  }
}
