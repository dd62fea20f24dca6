#define BOOST_TEST_MODULE supportctl
#include <boost/test/unit_test.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/support/fixtures.hpp"
#include "tests/support/process.hpp"

using nlohmann::json;
using support::test::run_command;
using support::test::shell_quote;
using support::test::write_temp_file;

namespace {

support::test::ProcessResult ctl(const std::string& args, const std::string& input = "") {
  return run_command(std::string(SUPPORTCTL_PATH) + " " + args, input);
}

std::vector<json> json_lines(const std::string& out) {
  std::vector<json> lines;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) lines.push_back(json::parse(line));
  return lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(validate)

BOOST_AUTO_TEST_CASE(valid_value_prints_the_documented_object) {
  const auto r = ctl("validate snils " + shell_quote("112-233-445 95"));
  BOOST_TEST(r.exit_code == 0);
  const json j = json::parse(r.out);
  BOOST_TEST(j == json({{"kind", "snils"}, {"input", "112-233-445 95"}, {"valid", true}, {"value", "11223344595"},
                        {"formatted", "112-233-445 95"}, {"error", nullptr}}));
  // One line, keys sorted, no spaces: the same input gives the same bytes.
  BOOST_TEST(r.out == j.dump() + "\n");
  BOOST_TEST(r.out.rfind("{\"error\":null,\"formatted\":", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(invalid_value_exits_1) {
  const auto r = ctl("validate inn 7707083894");
  BOOST_TEST(r.exit_code == 1);
  const json j = json::parse(r.out);
  BOOST_TEST(j["valid"] == false);
  BOOST_TEST(j["error"] == "inn.checksum");
  BOOST_TEST(j["value"].is_null());
  BOOST_TEST(j["formatted"].is_null());
}

BOOST_AUTO_TEST_CASE(every_documented_kind) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"inn10", "7707083893"}, {"inn12", "500100732259"}, {"ogrn", "1027700132195"}, {"ogrnip", "304500116000157"},
      {"passport", "4508 123456"}, {"phone", "8 800 100-70-10"}, {"email", "почта@госуслуги.рф"},
      {"name", "Иванов Иван"}, {"date", "25.11.2026"}};
  for (const auto& [kind, value] : cases) {
    BOOST_TEST_CONTEXT(kind) {
      const auto r = ctl("validate " + kind + " " + shell_quote(value));
      BOOST_TEST(r.exit_code == 0);
      BOOST_TEST(json::parse(r.out)["valid"] == true);
    }
  }
}

BOOST_AUTO_TEST_CASE(batch_mode_reads_one_value_per_line) {
  const std::string input = "112-233-445 95\r\n112-233-445 96\n\n\xff\xfe\n" + std::string(100000, '1') + "\n";
  const auto r = ctl("validate snils", input);
  BOOST_TEST(r.exit_code == 0);
  const auto lines = json_lines(r.out);
  BOOST_TEST_REQUIRE(lines.size() == 5u);
  BOOST_TEST(lines[0]["valid"] == true);
  BOOST_TEST(lines[0]["input"] == "112-233-445 95");
  BOOST_TEST(lines[1]["error"] == "snils.checksum");
  BOOST_TEST(lines[2]["error"] == "input.empty");
  BOOST_TEST(lines[3]["error"] == "input.invalid_utf8");
  BOOST_TEST(lines[3]["input"] == "\uFFFD\uFFFD");  // echoed safely
  BOOST_TEST(lines[4]["error"] == "input.too_long");
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2) {
  BOOST_TEST(ctl("validate fax 123").exit_code == 2);
  BOOST_TEST(ctl("validate").exit_code == 2);
  BOOST_TEST(ctl("validate snils 1 2").exit_code == 2);
  BOOST_TEST(ctl("frobnicate").exit_code == 2);
  BOOST_TEST(ctl("validate snils 1 --colour red").exit_code == 2);
  BOOST_TEST(ctl("").exit_code == 2);
  BOOST_TEST(ctl("help").exit_code == 0);
  BOOST_TEST(ctl("--now yesterday validate snils 1").exit_code == 2);
}

BOOST_AUTO_TEST_CASE(values_that_look_like_options) {
  const auto r = ctl("validate phone -- " + shell_quote("--7 916"));
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(json::parse(r.out)["input"] == "--7 916");
}

BOOST_AUTO_TEST_CASE(birth_dates_use_the_given_now) {
  BOOST_TEST(ctl("validate birth_date 22.11.2026 --now 2026-11-21T10:00").exit_code == 1);
  BOOST_TEST(ctl("validate birth_date 21.11.2026 --now 2026-11-21T10:00").exit_code == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(password)

BOOST_AUTO_TEST_CASE(single_and_batch) {
  const auto r = ctl("password " + shell_quote("P@ssw0rd"));
  BOOST_TEST(r.exit_code == 0);  // meets the composition policy ...
  const json j = json::parse(r.out);
  BOOST_TEST(j["valid"] == true);
  BOOST_TEST(j["score"] == 0);   // ... and is guessed at once
  BOOST_TEST(j["warnings"] == json::array({"password.common"}));
  BOOST_TEST(j["errors"] == json::array());

  const auto weak = ctl("password abc");
  BOOST_TEST(weak.exit_code == 1);
  BOOST_TEST(json::parse(weak.out)["errors"][0] == "password.too_short");

  const auto batch = ctl("password", "Vk7#mQ2pLx9t\ngfhjkm\n");
  BOOST_TEST(batch.exit_code == 0);
  const auto lines = json_lines(batch.out);
  BOOST_TEST_REQUIRE(lines.size() == 2u);
  BOOST_TEST(lines[0]["score"] == 4);
  BOOST_TEST(lines[1]["warnings"] == json::array({"password.wrong_layout_word"}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(forms_and_files)

BOOST_AUTO_TEST_CASE(validate_form) {
  const json form{{"subject", "Ошибка оплаты"}, {"description", "Оплата госпошлины зависла на этапе подтверждения."},
                  {"phone", "+7 916 123-45-67"}, {"email", "ivan@mail.ru"}, {"consent", true}};
  const auto ok = ctl("validate-form feedback " + shell_quote(write_temp_file("form.json", form.dump())));
  BOOST_TEST(ok.exit_code == 0);
  BOOST_TEST(json::parse(ok.out)["values"]["phone"] == "+79161234567");

  json bad = form;
  bad["email"] = "ivan@mail";
  const auto r = ctl("validate-form feedback " + shell_quote(write_temp_file("bad.json", bad.dump())));
  BOOST_TEST(r.exit_code == 1);
  const json j = json::parse(r.out);
  BOOST_TEST(j["errors"] == json::array({{{"path", "email"}, {"code", "email.missing_tld"},
                                          {"key", "forms.email.missing_tld"}, {"params", json::object()}}}));

  const auto malformed = ctl("validate-form feedback " + shell_quote(write_temp_file("m.json", "{\"subject\":")));
  BOOST_TEST(malformed.exit_code == 1);
  BOOST_TEST(json::parse(malformed.out)["errors"][0]["code"] == "form.malformed_json");

  const auto huge = ctl("validate-form feedback " + shell_quote(write_temp_file("h.json", std::string(3 << 20, ' '))));
  BOOST_TEST(huge.exit_code == 1);
  BOOST_TEST(json::parse(huge.out)["errors"][0]["code"] == "form.too_large");

  BOOST_TEST(ctl("validate-form feedback /nonexistent.json").exit_code == 2);
  BOOST_TEST(ctl("validate-form nosuchschema " + shell_quote(write_temp_file("f2.json", "{}"))).exit_code == 2);
}

BOOST_AUTO_TEST_CASE(validate_form_with_a_schema_file) {
  const std::string schema = write_temp_file("schema.json", R"({"id": "mini", "version": 1, "request_type": "feedback",
      "fields": [{"name": "snils", "type": "snils", "required": true}]})");
  const auto r = ctl("validate-form " + shell_quote(schema) + " " + shell_quote(write_temp_file("mini.json", R"({"snils": "112-233-445 95"})")));
  BOOST_TEST(r.exit_code == 0);
  const std::string broken = write_temp_file("broken.json", R"({"id": "mini", "version": 1, "request_type": "x", "fields": [{"name": "a", "type": "fax"}]})");
  const auto b = ctl("validate-form " + shell_quote(broken) + " " + shell_quote(write_temp_file("e.json", "{}")));
  BOOST_TEST(b.exit_code == 2);
  BOOST_TEST(b.err.find("/fields/0/type: unknown field type \"fax\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sniff_files) {
  const auto pdf = ctl("sniff " + shell_quote(write_temp_file("scan.pdf", support::test::make_pdf())));
  BOOST_TEST(pdf.exit_code == 0);
  const json j = json::parse(pdf.out);
  BOOST_TEST(j["detected"] == "pdf");
  BOOST_TEST(j["valid"] == true);
  BOOST_TEST(j["profile"] == "portal_form");

  const auto exe = ctl("sniff " + shell_quote(write_temp_file("invoice.pdf", support::test::make_pe())));
  BOOST_TEST(exe.exit_code == 1);
  BOOST_TEST(json::parse(exe.out)["error"] == "attachment.executable");

  const std::string docx = write_temp_file("letter.bin", support::test::make_docx());
  BOOST_TEST(json::parse(ctl("sniff " + shell_quote(docx) + " --name letter.docx").out)["error"] ==
             "attachment.extension_not_allowed");
  BOOST_TEST(ctl("sniff " + shell_quote(docx) + " --name letter.docx --schema feedback").exit_code == 1);

  const auto big = ctl("sniff " + shell_quote(write_temp_file("big.png", support::test::make_png() + std::string(6 << 20, '\0'))));
  BOOST_TEST(big.exit_code == 1);
  const json b = json::parse(big.out);
  BOOST_TEST(b["error"] == "attachment.too_large");
  BOOST_TEST(b["detected"] == "png");

  BOOST_TEST(ctl("sniff /nonexistent").exit_code == 2);
  BOOST_TEST(ctl("sniff /tmp").exit_code == 2);
  BOOST_TEST(ctl("sniff /dev/zero").exit_code == 2);  // never reads an endless stream
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(locale_option)

BOOST_AUTO_TEST_CASE(messages_and_hints_in_both_languages) {
  const auto ru = json::parse(ctl("validate snils " + shell_quote("112-233-445 96") + " --locale ru").out);
  BOOST_TEST(ru["message"] == "Контрольное число СНИЛС не совпадает");
  BOOST_TEST(ru["hint"].get<std::string>().find("сверьте номер с документом") != std::string::npos);
  const auto en = json::parse(ctl("--locale en validate snils " + shell_quote("112-233-445 96")).out);
  BOOST_TEST(en["message"] == "The SNILS check number does not match");
  const auto valid = json::parse(ctl("--locale en validate snils " + shell_quote("112-233-445 95")).out);
  BOOST_TEST(valid["message"].is_null());
  BOOST_TEST(valid["hint"].is_null());
  // Without --locale the documented fields only.
  BOOST_TEST(!json::parse(ctl("validate snils 1").out).contains("message"));
}

BOOST_AUTO_TEST_CASE(parameters_are_formatted_per_locale) {
  const auto r = json::parse(ctl("--locale ru validate phone " + shell_quote("8 916 123")).out);
  BOOST_TEST(r["message"] == "В номере не хватает цифр: введено 7 цифр");
  const auto d = json::parse(ctl("--locale en --now 2026-11-21T10:00 validate birth_date 01.12.2026").out);
  BOOST_TEST(d["message"] == "The date cannot be later than 21 November 2026");
}

BOOST_AUTO_TEST_CASE(phone_extensions_are_worded_per_locale) {
  const std::string phone = shell_quote("+7 495 783-34-34 доб. 12");
  BOOST_TEST(json::parse(ctl("--locale en validate phone " + phone).out)["formatted"] == "+7 495 783-34-34 ext. 12");
  BOOST_TEST(json::parse(ctl("--locale ru validate phone " + phone).out)["formatted"] == "+7 495 783-34-34 доб. 12");
}

BOOST_AUTO_TEST_CASE(forms_passwords_and_files_carry_texts) {
  const auto form = json::parse(
      ctl("--locale en validate-form feedback " + shell_quote(write_temp_file("l.json", R"({"email": "a@b"})"))).out);
  for (const auto& e : form["errors"]) {
    BOOST_TEST(!e["message"].get<std::string>().empty());
    BOOST_TEST(!e["hint"].get<std::string>().empty());
  }
  const auto pw = json::parse(ctl("--locale ru password " + shell_quote("Пароль1!")).out);
  BOOST_TEST(pw["messages"][0]["code"] == "password.cyrillic");
  BOOST_TEST(pw["messages"][0]["hint"].get<std::string>().find("раскладку") != std::string::npos);
  BOOST_TEST(!pw["strength"].get<std::string>().empty());
  const auto file = json::parse(ctl("--locale en sniff " + shell_quote(write_temp_file("x.pdf", support::test::make_elf()))).out);
  BOOST_TEST(file["message"] == "This is an executable program, not a document");
}

BOOST_AUTO_TEST_CASE(unknown_locale_is_a_usage_error) {
  BOOST_TEST(ctl("--locale de validate snils 1").exit_code == 2);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(chat_commands)

BOOST_AUTO_TEST_CASE(match_prints_the_documented_object) {
  const auto r = ctl("match " + shell_quote("не магу вайти"));
  BOOST_TEST(r.exit_code == 0);
  const json j = json::parse(r.out);
  BOOST_TEST(j["query"] == "не магу вайти");
  BOOST_TEST(j["locale"] == "ru");
  BOOST_TEST(j["answer"] == "access.login_error");
  BOOST_TEST(j["results"].size() <= 5u);
  BOOST_TEST(j["results"][0]["topic"] == "access.login_error");
  BOOST_TEST(j["results"][0]["confidence"].is_number());
  BOOST_TEST(r.out.find("\"answer\"") < r.out.find("\"query\""));  // keys sorted
  BOOST_TEST(json::parse(ctl("match " + shell_quote("расскажи анекдот")).out)["answer"] == "none");
  BOOST_TEST(json::parse(ctl("--locale en match " + shell_quote("I forgot my password")).out)["locale"] == "en");
}

BOOST_AUTO_TEST_CASE(match_batch_reads_locale_tab_text) {
  const auto r = ctl("match", "ru\tзабыл пароль\nen\tpayment failed\nde\tне могу войти\nбез табуляции смс не приходит\n");
  BOOST_TEST(r.exit_code == 0);
  const auto lines = json_lines(r.out);
  BOOST_TEST_REQUIRE(lines.size() == 4u);
  BOOST_TEST(lines[0]["answer"] == "access.password_reset");
  BOOST_TEST(lines[1]["locale"] == "en");
  BOOST_TEST(lines[1]["answer"] == "payment.error");
  BOOST_TEST(lines[2]["locale"] == "ru");  // unsupported locale: the default
  BOOST_TEST(lines[3]["answer"] == "access.sms_code");
}

BOOST_AUTO_TEST_CASE(eval_reports_accuracy_and_latency) {
  const std::string tsv = write_temp_file("eval.tsv",
                                          "topic\tlocale\tquery\naccess.password_reset\tru\tзабыл пароль\n"
                                          "access.sms_code\tru\tне приходит смс\nnone\tru\tрецепт борща\n"
                                          "contact.mfc\tru\tзабыл пароль\n"
                                          "security.phishing\tru\tпозвонили из поддержки и просят код из смс, это правда?\n"
                                          "security.phishing\tru\tне приходит смс\n");
  const auto r = ctl("eval " + shell_quote(tsv));
  BOOST_TEST(r.exit_code == 0);
  const json j = json::parse(r.out);
  BOOST_TEST(j["rows"] == 6);
  BOOST_TEST(j["top1_accuracy"] == 0.6);  // three of five real rows
  BOOST_TEST(j["fraud_rows"] == 2);
  BOOST_TEST(j["fraud_to_phishing"] == 0.5);  // the call reaches the warning; a missing SMS does not
  BOOST_TEST(j["none_correct"] == 1.0);
  BOOST_TEST(j["questions_answered_none"] == 0.0);
  BOOST_TEST(j["latency_p99_us"].get<double>() > 0);
  const json v = json::parse(ctl("eval " + shell_quote(tsv) + " --verbose 1").out);
  BOOST_TEST(v["misses"].size() == 2u);
  BOOST_TEST(v["misses"][0]["expected"] == "contact.mfc");
  BOOST_TEST(ctl("eval " + shell_quote(write_temp_file("bad.tsv", "a\tb\n"))).exit_code == 2);
  BOOST_TEST(ctl("eval /nonexistent.tsv").exit_code == 2);
}

BOOST_AUTO_TEST_CASE(chat_runs_a_conversation) {
  const auto r = ctl("--now 2026-11-23T12:00 --state 1 chat", "не приходит смс, код 4829\n/helped:no\n");
  BOOST_TEST(r.exit_code == 0);
  const auto lines = json_lines(r.out);
  BOOST_TEST_REQUIRE(lines.size() == 4u);
  BOOST_TEST(lines[0]["kind"] == "greeting");
  BOOST_TEST(lines[1]["topic"] == "access.sms_code");
  BOOST_TEST(lines[1]["privacy_warning"] == "sms_code");
  BOOST_TEST(lines[2]["kind"] == "escalation");
  BOOST_TEST(lines[2]["form"]["topic"] == "access.sms_code");
  BOOST_TEST(lines[3]["transcript"][0]["from"] == "bot");  // the greeting
  BOOST_TEST(lines[3]["transcript"][1]["text"] == "не приходит смс, код ***");
}

BOOST_AUTO_TEST_SUITE_END()
