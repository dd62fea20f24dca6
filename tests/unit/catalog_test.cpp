// The catalogs against each other and against the code: same keys, same
// arguments, every error code and every key the code uses present, every
// message formats cleanly.
#define BOOST_TEST_MODULE catalogs
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "bundle/bundled_files.hpp"
#include "tests/support/bundled.hpp"

using namespace support;
using namespace support::i18n;

namespace {

const Messages& messages() { return test::messages(); }

std::set<std::string> keys_of(const Catalog& c) {
  std::set<std::string> out;
  for (const auto& [k, _] : c.messages()) out.insert(k);
  return out;
}

// The source without its comments: a key in a comment is not a use.
std::string without_comments(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"' || c == '\'') {  // a literal, escapes included
      const char quote = c;
      out += c;
      for (++i; i < s.size() && s[i] != quote && s[i] != '\n'; ++i) {
        out += s[i];
        if (s[i] == '\\' && i + 1 < s.size()) out += s[++i];
      }
      if (i < s.size()) out += s[i];
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (i < s.size() && s[i] != '\n') ++i;
      out += '\n';
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      const auto end = s.find("*/", i + 2);
      i = end == std::string::npos ? s.size() : end + 1;
    } else {
      out += c;
    }
  }
  return out;
}

// String literals in the product's own sources (not tests, not build output).
std::set<std::string> literals_matching(const std::regex& pattern) {
  std::set<std::string> found;
  const std::filesystem::path root(SUPPORT_SOURCE_DIR);
  for (const char* dir : {"common", "text", "forms", "i18n", "chat", "cli", "wasm", "web", "server", "demo", "facade", "bundle"}) {
    if (!std::filesystem::exists(root / dir)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / dir)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || !(ext == ".cpp" || ext == ".hpp" || ext == ".js" || ext == ".mjs")) continue;
      if (entry.path().string().find("node_modules") != std::string::npos) continue;
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      const std::string s = without_comments(text.str());
      for (std::sregex_iterator it(s.begin(), s.end(), pattern), end; it != end; ++it) found.insert((*it)[1]);
    }
  }
  return found;
}

// Realistic arguments for every parameter name the core uses.
Args sample_args(const std::string& code) {
  Args args = {{"min", "8"},         {"max", "64"},        {"actual", "9"},      {"character", "%"},
               {"expected", "individual"}, {"code", "123"}, {"type", "pdf"},      {"allowed", "PDF, JPEG, PNG"},
               {"extension", "exe"}, {"mime", "image/png"}, {"size", "6291456"}, {"specials", "!#$"},
               {"field", "platform"}, {"path", "client.platform"}};
  if (code == "date.future") args[1].second = "2026-11-21";
  if (code == "date.too_early") args[0].second = "1900-01-01";
  if (code == "datetime.future") args[1].second = "2026-11-21T14:30:00+03:00";
  return args;
}

}  // namespace

BOOST_AUTO_TEST_CASE(both_catalogs_have_the_same_keys) {
  const auto ru = keys_of(*messages().catalog("ru"));
  const auto en = keys_of(*messages().catalog("en"));
  for (const auto& k : ru) BOOST_TEST_CONTEXT(k) { BOOST_TEST(en.count(k) == 1u); }
  for (const auto& k : en) BOOST_TEST_CONTEXT(k) { BOOST_TEST(ru.count(k) == 1u); }
}

BOOST_AUTO_TEST_CASE(arguments_are_the_same_in_both_languages) {
  const Catalog& ru = *messages().catalog("ru");
  const Catalog& en = *messages().catalog("en");
  for (const auto& [key, pattern] : ru.messages()) {
    const MessagePattern* other = en.find(key);
    if (!other) continue;  // reported by the test above
    BOOST_TEST_CONTEXT(key) { BOOST_TEST(pattern.arguments() == other->arguments()); }
  }
}

BOOST_AUTO_TEST_CASE(every_error_code_in_the_code_has_message_and_hint) {
  const std::regex code_literal(
      R"re("((?:input|snils|inn|ogrn|ogrnip|passport|phone|email|name|date|datetime|text|reference|attachment|password|form|package|request)\.[a-z_]+)")re");
  const auto codes = literals_matching(code_literal);
  BOOST_TEST(codes.size() > 90u);  // the scan really found the sources
  for (const auto& locale : messages().locales()) {
    for (const auto& code : codes) {
      BOOST_TEST_CONTEXT(locale << " " << code) {
        BOOST_TEST(messages().has(locale, "forms." + code));
        BOOST_TEST(messages().has(locale, "forms." + code + "_hint"));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(every_key_in_the_code_is_in_every_catalog) {
  const std::regex key_literal(R"re("((?:forms|schema|status|ui|format|chat|mail|api)\.[a-z0-9_]+(?:\.[a-z0-9_]+)*)")re");
  const auto keys = literals_matching(key_literal);
  BOOST_TEST(!keys.empty());
  for (const auto& locale : messages().locales()) {
    for (const auto& key : keys) {
      BOOST_TEST_CONTEXT(locale << " " << key) { BOOST_TEST(messages().has(locale, key)); }
    }
  }
}

BOOST_AUTO_TEST_CASE(every_error_message_formats_cleanly) {
  for (const auto& locale : messages().locales()) {
    for (const auto& [key, _] : messages().catalog(locale)->messages()) {
      if (key.rfind("forms.", 0) != 0) continue;
      std::string code = key.substr(6);
      if (code.size() > 5 && code.compare(code.size() - 5, 5, "_hint") == 0) code.resize(code.size() - 5);
      const auto f = messages().format_checked(locale, key, sample_args(code));
      BOOST_TEST_CONTEXT(locale << " " << key) {
        BOOST_TEST(f.problems.empty());
        BOOST_TEST(!f.text.empty());
        BOOST_TEST(f.text.find('{') == std::string::npos);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(every_form_field_has_its_texts) {
  for (const auto& schema : test::forms_config().schemas) {
    for (const auto& locale : messages().locales()) {
      const std::string base = "schema." + schema.id;
      BOOST_TEST_CONTEXT(locale << " " << base) { BOOST_TEST(messages().has(locale, base + ".title")); }
      for (const auto& field : schema.fields) {
        const std::string f = base + ".field." + field.name;
        BOOST_TEST_CONTEXT(locale << " " << f) { BOOST_TEST(messages().has(locale, f + ".label")); }
        for (const auto& option : field.options) {
          BOOST_TEST_CONTEXT(locale << " " << f << " " << option) {
            BOOST_TEST(messages().has(locale, f + ".option." + option));
          }
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(example_messages_read_right) {
  const Messages& m = messages();
  BOOST_TEST(m.format("ru", "forms.attachment.too_large", {{"size", "6291456"}, {"max", "5242880"}}) ==
             "Файл весит 6\u00a0МБ, а можно не больше 5\u00a0МБ");
  BOOST_TEST(m.format("en", "forms.snils.length", {{"actual", "1"}}) == "SNILS: 11 digits are needed, but 1 digit entered");
  BOOST_TEST(m.format("ru", "forms.snils.length", {{"actual", "21"}}) == "СНИЛС: нужно 11 цифр, а введено 21 цифра");
  BOOST_TEST(m.format("ru", "ui.form.attachments_count", {{"count", "0"}}) == "Файлы не приложены");
  BOOST_TEST(m.format("ru", "ui.form.attachments_count", {{"count", "3"}}) == "Приложено 3 файла");
  BOOST_TEST(m.format("ru", "forms.date.future", {{"max", "2026-11-21"}}) == "Дата не может быть позже 21 ноября 2026 г.");
}

BOOST_AUTO_TEST_CASE(catalog_mistakes_are_named_precisely) {
  const std::string ok_format = bundle::file("i18n/messages/en.json")->data();
  auto error = [](const std::string& json) { return Catalog::load(json, "en", "en.json").error; };
  BOOST_TEST(error(R"({"a": {"b": "{n, plural, one {x}}"}})") ==
             "en.json: /a/b: malformed message: at 19: plural needs an 'other' branch");
  BOOST_TEST(error(R"({"a": {"b": 5}})") == "en.json: /a/b: expected a message string or an object");
  BOOST_TEST(error(R"({"a": {"B-c": "x"}})") == "en.json: /a/B-c: key segments use a-z, 0-9 and _");
  BOOST_TEST(error(R"({"a": "x"})") == "en.json: missing required message format.decimal_separator");
  BOOST_TEST(error("{").find("en.json: malformed JSON") == 0u);
  BOOST_TEST(Messages::load({{"i18n/locales.json", R"({"default": "de", "locales": ["ru"]})"}}).error ==
             "i18n/locales.json: /default: must be one of the locales");
  BOOST_TEST(Messages::load({{"i18n/locales.json", R"({"default": "ru", "locales": ["ru"]})"}}).error ==
             "i18n/messages/ru.json: missing data file");
  BOOST_TEST(!ok_format.empty());
}
