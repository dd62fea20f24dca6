#define BOOST_TEST_MODULE request_package
#include <boost/test/unit_test.hpp>

#include "forms/email_fallback.hpp"
#include "forms/form_validator.hpp"
#include "forms/request_package.hpp"
#include "tests/support/bundled.hpp"

using namespace support;
using namespace support::forms;
using nlohmann::json;

namespace {

const FormSchema& schema(const char* id) { return *test::forms_config().schema(id); }
const std::set<std::string> kUrgentTopics = {"access.account_locked", "security.suspicious_activity"};
const std::string kSha(64, 'a');

json values_of(const char* id, const json& form) {
  const FormResult r = validate_form(schema(id), form, {DateTime{{2026, 11, 21}, 14, 30}});
  BOOST_REQUIRE_MESSAGE(r.valid(), ("fixture form must be valid: " + (r.issues.empty() ? std::string() : r.issues[0].path + " " + r.issues[0].issue.code)));
  return r.values;
}

json feedback_values() {
  return values_of("feedback", {{"subject", "Не приходит SMS-код"},
                                {"description", "Код подтверждения не приходит третий день."},
                                {"phone", "+7 (495) 783-34-34 доб. 12"},
                                {"email", "почта@госуслуги.рф"},
                                {"full_name", "Иванов Иван"},
                                {"request_type", "technical_error"},
                                {"inn", "5001 0073 2259"},
                                {"related_number", "№ 123-456"},
                                {"occurred_at", "20.11.2026 09:15"},
                                {"agency", "ФНС"},
                                {"reply_channel", "email"},
                                {"attachments", {{{"name", "screen.png"}, {"size", 1000}, {"sha256", std::string(64, 'a')}}}},
                                {"consent", true}});
}

ClientContext client() {
  ClientContext c;
  c.locale = "ru";
  c.widget_version = "1.0.0";
  c.platform = "web";
  c.page = "https://www.gosuslugi.ru/help/feedback?session=secret#top";
  c.topic = "access.sms_code";
  c.transcript = {{true, "не приходит смс, код ***"}, {false, "Код подтверждения иногда задерживается…"}};
  c.consent_at = "2026-11-21T14:29:00+03:00";
  return c;
}

json package(const char* id, const json& values, ClientContext c = client(), std::vector<AttachmentFacts> facts = {{"png", std::string(64, 'a')}}) {
  const Result r = package_request(schema(id), values, c, facts, kUrgentTopics);
  BOOST_REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.issue->code));
  return json::parse(r.value);
}

}  // namespace

BOOST_AUTO_TEST_CASE(feedback_request_has_every_section) {
  const json r = package("feedback", feedback_values());
  BOOST_TEST(r["schema_version"] == 1);
  BOOST_TEST(r["form"] == "feedback");
  BOOST_TEST(r["request_type"] == "technical_error");
  BOOST_TEST(r["topic"] == "access.sms_code");
  BOOST_TEST(r["priority"] == "standard");
  BOOST_TEST(r["subject"] == "Не приходит SMS-код");
  BOOST_TEST(r["contacts"] == json({{"phone", "+74957833434"}, {"phone_extension", "12"}, {"email", "почта@госуслуги.рф"},
                                    {"email_ascii", "почта@xn--c1aapkosapc.xn--p1ai"}, {"reply_channel", "email"}}));
  BOOST_TEST(r["applicant"]["full_name"] == "Иванов Иван");
  BOOST_TEST(r["identifiers"] == json({{"inn", "500100732259"}}));
  BOOST_TEST(r["related_numbers"] == json::array({"№ 123-456"}));
  BOOST_TEST(r["occurred_at"] == "2026-11-20T09:15:00+03:00");
  BOOST_TEST(r["details"] == json({{"agency", "ФНС"}}));
  BOOST_TEST(r["transcript"][0] == json({{"from", "user"}, {"text", "не приходит смс, код ***"}}));
  BOOST_TEST(r["attachments"] == json::array({{{"name", "screen.png"}, {"size", 1000}, {"type", "png"}, {"sha256", kSha}}}));
  BOOST_TEST(r["client"] == json({{"locale", "ru"}, {"widget_version", "1.0.0"}, {"platform", "web"}, {"page", "/help/feedback"}}));
  BOOST_TEST(r["consent"] == json({{"personal_data", true}, {"given_at", "2026-11-21T14:29:00+03:00"}}));
}

BOOST_AUTO_TEST_CASE(same_input_same_bytes) {
  const json values = feedback_values();
  const auto a = package_request(schema("feedback"), values, client(), {{"png", kSha}}, kUrgentTopics).value;
  const auto b = package_request(schema("feedback"), json::parse(values.dump()), client(), {{"png", kSha}}, kUrgentTopics).value;
  BOOST_TEST(a == b);
  BOOST_TEST(a.find("{\"applicant\":{\"birth_date\":") == 0u);  // keys sorted, no spaces
}

BOOST_AUTO_TEST_CASE(only_what_the_schema_allows) {
  json values = feedback_values();
  values["password"] = "secret";
  values["snils"] = "11223344595";  // not a field of the feedback form
  const json r = package("feedback", values);
  BOOST_TEST(r.dump().find("secret") == std::string::npos);
  BOOST_TEST(!r["identifiers"].contains("snils"));
}

BOOST_AUTO_TEST_CASE(priority_follows_the_seeds) {
  ClientContext c = client();
  BOOST_TEST(package("feedback", feedback_values(), c)["priority"] == "standard");
  c.topic = "access.account_locked";
  BOOST_TEST(package("feedback", feedback_values(), c)["priority"] == "urgent");
  const json suspicious = values_of("suspicious_activity", {{"description", "Кто-то вошёл в мой кабинет ночью."},
                                                            {"observed", {"unknown_sign_in"}},
                                                            {"phone", "89161234567"},
                                                            {"email", "a@b.ru"},
                                                            {"consent", true}});
  BOOST_TEST(package("suspicious_activity", suspicious, client(), {})["priority"] == "urgent");
  json change = {{"full_name", "Петрова Анна"}, {"birth_date", "14.07.1992"}, {"snils", "112-233-445 95"},
                 {"change", {"surname"}}, {"reason", "marriage"}, {"phone", "89161234567"}, {"email", "a@b.ru"},
                 {"attachments", {{{"name", "a.pdf"}, {"size", 10}}}}, {"consent", true}};
  BOOST_TEST(package("personal_data_change", values_of("personal_data_change", change), client(), {{"pdf", kSha}})["priority"] ==
             "standard");
  change["reason"] = "data_error";
  const json urgent = package("personal_data_change", values_of("personal_data_change", change), client(), {{"pdf", kSha}});
  BOOST_TEST(urgent["priority"] == "urgent");
  BOOST_TEST(urgent["applicant"] == json({{"full_name", "Петрова Анна"}, {"birth_date", "1992-07-14"}}));
  BOOST_TEST(urgent["identifiers"] == json({{"snils", "11223344595"}}));
}

BOOST_AUTO_TEST_CASE(bad_client_context_is_refused) {
  ClientContext c = client();
  c.platform = "desktop";
  BOOST_TEST(package_request(schema("feedback"), feedback_values(), c, {{"png", kSha}}, kUrgentTopics).issue->code == "package.client");
  c = client();
  c.consent_at = "yesterday";
  BOOST_TEST(package_request(schema("feedback"), feedback_values(), c, {{"png", kSha}}, kUrgentTopics).issue->code == "package.consent");
  BOOST_TEST(package_request(schema("feedback"), feedback_values(), client(), {}, kUrgentTopics).issue->code == "package.attachments");
  BOOST_TEST(package_request(schema("feedback"), feedback_values(), client(), {{"png", "XYZ"}}, kUrgentTopics).issue->code == "package.attachments");
  BOOST_TEST(package_request(schema("feedback"), feedback_values(), client(), {{"exe", kSha}}, kUrgentTopics).issue->code == "package.attachments");
}

BOOST_AUTO_TEST_CASE(long_transcripts_are_bounded) {
  ClientContext c = client();
  c.transcript.assign(100, {true, std::string(10000, 'x') + "\xff"});
  const json r = package("feedback", feedback_values(), c);
  BOOST_TEST(r["transcript"].size() == 60u);
  BOOST_TEST(r["transcript"][0]["text"].get<std::string>().size() <= 4000u);
}

// Fault 1 of issue 9: the server masked transcript lines at full length and
// cut them to 4,000 bytes only when packaging again.
BOOST_AUTO_TEST_CASE(transcript_lines_are_cut_before_masking) {
  json request = package("feedback", feedback_values());
  std::string line;
  while (line.size() < 900 * 1024) line += "пароль";
  request["transcript"] = json::array({{{"from", "user"}, {"text", line}}, {{"from", "bot"}, {"text", "ok"}}});
  const auto back = unpackage_request(request, test::forms_config().schemas);
  BOOST_TEST_REQUIRE(back.request.has_value());
  BOOST_TEST_REQUIRE(back.request->client.transcript.size() == 2u);
  const std::string& cut = back.request->client.transcript[0].text;
  BOOST_TEST(cut.size() <= 4000u);
  BOOST_TEST(cut.size() >= 3990u);
  BOOST_TEST(line.compare(0, cut.size(), cut) == 0);  // a prefix, cut at a character boundary
  BOOST_TEST(back.request->client.transcript[1].text == "ok");
}

BOOST_AUTO_TEST_CASE(page_paths) {
  BOOST_TEST(page_path("https://www.gosuslugi.ru/help?x=1#y") == "/help");
  BOOST_TEST(page_path("/form/feedback?token=abc") == "/form/feedback");
  BOOST_TEST(page_path("https://host") == "/");
  BOOST_TEST(page_path("") == "/");
  BOOST_TEST(page_path("relative/path#frag") == "/relative/path");
}

BOOST_AUTO_TEST_CASE(reading_back_gives_the_same_form) {
  const json values = feedback_values();
  const std::string bytes = package_request(schema("feedback"), values, client(), {{"png", kSha}}, kUrgentTopics).value;
  const json request = json::parse(bytes);
  const auto back = unpackage_request(request, test::forms_config().schemas);
  BOOST_TEST_REQUIRE(back.request.has_value());
  BOOST_TEST(back.request->schema->id == "feedback");
  json expected = values;
  for (auto& a : expected["attachments"]) a.erase("mime");
  BOOST_TEST(back.request->values == expected);
  BOOST_TEST(back.request->client.topic == "access.sms_code");
  BOOST_TEST(back.request->client.page == "/help/feedback");
  BOOST_TEST(back.request->attachments[0].type == "png");
  // Validating what was read back gives the same values again.
  const FormResult again = validate_form(schema("feedback"), back.request->values, {DateTime{{2026, 11, 21}, 14, 30}});
  BOOST_TEST(again.valid());
  BOOST_TEST(package_request(schema("feedback"), again.values, back.request->client, back.request->attachments, kUrgentTopics).value ==
             bytes);
}

BOOST_AUTO_TEST_CASE(reading_is_strict) {
  const json good = package("feedback", feedback_values());
  const auto code_path = [](const json& j) {
    const auto r = unpackage_request(j, test::forms_config().schemas);
    BOOST_TEST_REQUIRE(r.issue.has_value());
    std::string out = r.issue->code;
    for (const auto& [k, v] : r.issue->params) out += " " + v;
    return out;
  };
  json j = good;
  j["admin"] = true;
  BOOST_TEST(code_path(j) == "request.malformed admin");
  j = good;
  j["contacts"]["fax"] = "1";
  BOOST_TEST(code_path(j) == "request.malformed contacts.fax");
  j = good;
  j["identifiers"]["snils"] = "11223344595";
  BOOST_TEST(code_path(j) == "request.malformed identifiers.snils");
  j = good;
  j["client"]["platform"] = 5;
  BOOST_TEST(code_path(j) == "request.malformed client.platform");
  j = good;
  j["transcript"][0]["from"] = "admin";
  BOOST_TEST(code_path(j) == "request.malformed transcript[0].from");
  j = good;
  j["schema_version"] = 2;
  BOOST_TEST(code_path(j) == "request.schema_version");
  j = good;
  j["form"] = "complaint_book";
  BOOST_TEST(code_path(j) == "request.unknown_form");
  j = good;
  j["form_version"] = 0;
  BOOST_TEST(code_path(j) == "request.form_version");
  BOOST_TEST(code_path(json::array()) == "request.malformed ");
}

// Fault 3 of issue 9: `"from": 1` made unpackage_request throw (type_error.302
// from value()). Every field read from the request checks its type and the
// problem names the field.
BOOST_AUTO_TEST_CASE(hostile_json_types_name_their_field) {
  const json good = package("feedback", feedback_values());
  const auto path_of = [](const json& j) {
    UnpackageResult r;
    BOOST_CHECK_NO_THROW(r = unpackage_request(j, test::forms_config().schemas));
    BOOST_TEST_REQUIRE(r.issue.has_value());
    BOOST_TEST(r.issue->code == "request.malformed");
    for (const auto& [k, v] : r.issue->params) {
      if (k == "path") return v;
    }
    return std::string("?");
  };
  const json hostile[] = {1, -1, 1.5, true, nullptr, "user", json::array(), json::object(), json::array({"user"})};
  for (const json& v : hostile) {
    BOOST_TEST_CONTEXT(v.dump()) {
      json j = good;
      j["transcript"][0]["from"] = v;
      if (v != "user") BOOST_TEST(path_of(j) == "transcript[0].from");
      j = good;
      j["transcript"][0]["text"] = v;
      if (!v.is_string()) BOOST_TEST(path_of(j) == "transcript[0].text");
      for (const char* key : {"name", "size", "type", "sha256"}) {
        j = good;
        j["attachments"][0][key] = v;
        const bool fits = std::string(key) == "size" ? v.is_number_integer() : v.is_string();
        if (!fits) BOOST_TEST(path_of(j) == std::string("attachments[0].") + key);
      }
    }
  }
  json j = good;
  j["transcript"][0].erase("from");
  BOOST_TEST(path_of(j) == "transcript[0].from");
  j = good;
  j["transcript"][0]["extra"] = "x";
  BOOST_TEST(path_of(j) == "transcript[0].extra");
  j = good;
  j["attachments"][0].erase("sha256");
  BOOST_TEST(path_of(j) == "attachments[0].sha256");
  j = good;
  j["attachments"][0]["owner"] = "x";
  BOOST_TEST(path_of(j) == "attachments[0].owner");
  j = good;
  j["transcript"] = json::array({7});
  BOOST_TEST(path_of(j) == "transcript[0]");
}

BOOST_AUTO_TEST_CASE(email_fallback_follows_seed_003) {
  const auto& profile = *test::forms_config().attachments.profile("email");
  const MailDraft mail = email_fallback(schema("feedback"), feedback_values(), "", "support@gosuslugi.ru", profile,
                                        test::messages(), "ru");
  BOOST_TEST(mail.to == "support@gosuslugi.ru");
  BOOST_TEST(mail.subject == "Техническая ошибка — ИНН 500100732259");
  BOOST_TEST(mail.body.find("Контактный телефон: +7 495 783-34-34 доб. 12\r\n") != std::string::npos);
  BOOST_TEST(mail.body.find("Когда возникла проблема: 20 ноября 2026 г., 09:15 (МСК)") != std::string::npos);
  BOOST_TEST(mail.body.find("Приложите к письму файлы: screen.png (не больше 10\u00a0МБ вместе).") != std::string::npos);
  BOOST_TEST(mail.body.find("Согласен") == std::string::npos);  // the consent box is not a field to mail
  BOOST_TEST(mail.mailto.rfind("mailto:support%40gosuslugi.ru?subject=%D0%A2", 0) == 0u);
  BOOST_TEST(mail.mailto.find(' ') == std::string::npos);
  const MailDraft numbered = email_fallback(schema("feedback"), feedback_values(), "2026-0000042", "support@gosuslugi.ru",
                                            profile, test::messages(), "en");
  BOOST_TEST(numbered.subject == "Technical error \u2014 request No. 2026-0000042");
}

BOOST_AUTO_TEST_CASE(long_mail_is_shortened_to_open) {
  json values = feedback_values();
  std::string long_text;
  for (int i = 0; i < 2500; ++i) long_text += "ы";
  values["description"] = long_text;
  const auto& profile = *test::forms_config().attachments.profile("email");
  const MailDraft mail = email_fallback(schema("feedback"), values, "", "support@gosuslugi.ru", profile, test::messages(), "ru");
  BOOST_TEST(mail.mailto.size() <= kMaxMailtoBytes);
  BOOST_TEST(mail.body.find("Текст сокращён") != std::string::npos);
  BOOST_TEST(mail.body.find("screen.png") != std::string::npos);  // the attachment note survives
}
