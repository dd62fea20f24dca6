#define BOOST_TEST_MODULE i18n
#include <boost/test/unit_test.hpp>

#include "i18n/messages.hpp"
#include "i18n/plural.hpp"
#include "tests/support/bundled.hpp"

using namespace support;
using namespace support::i18n;

namespace {

std::string category(std::string_view locale, std::string_view number) {
  return std::string(category_name(plural_category(locale, *plural_operands(number))));
}

// A catalog made of the given messages plus the required format.* entries.
Catalog test_catalog(const std::string& locale, const std::string& extra_json) {
  const std::string json = R"({"format": {"decimal_separator": ",", "group_separator": " ", "date": "{day} {month} {year}",
      "datetime": "{date} {time}", "file_size": "{value} {unit}", "unit": {"byte": "B", "kb": "KB", "mb": "MB", "gb": "GB"},
      "month": {"1": "m1", "2": "m2", "3": "m3", "4": "m4", "5": "m5", "6": "m6", "7": "m7", "8": "m8", "9": "m9",
      "10": "m10", "11": "m11", "12": "m12"}}, "t": )" + extra_json + "}";
  auto c = Catalog::load(json, locale, "test.json");
  BOOST_REQUIRE_MESSAGE(c.value.has_value(), c.error);
  return std::move(*c.value);
}

std::string render(const Catalog& c, std::string_view key, const Args& args, std::vector<std::string>* problems = nullptr) {
  std::string out;
  std::vector<std::string> local;
  c.find(key)->format(args, c, out, problems ? *problems : local);
  return out;
}

std::string parse_error(std::string_view pattern) {
  std::string error;
  return MessagePattern::parse(pattern, error) ? "ok" : error;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plural_rules)

BOOST_AUTO_TEST_CASE(russian_cldr_categories) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"0", "many"},  {"1", "one"},    {"2", "few"},    {"4", "few"},   {"5", "many"},  {"11", "many"},  {"12", "many"},
      {"14", "many"}, {"21", "one"},   {"22", "few"},   {"25", "many"}, {"101", "one"}, {"111", "many"}, {"1.5", "other"},
      {"1.0", "other"}, {"1000000", "many"}, {"1021", "one"}, {"1012", "many"}};
  for (const auto& [n, expected] : cases) {
    BOOST_TEST_CONTEXT(n) { BOOST_TEST(category("ru", n) == expected); }
  }
}

BOOST_AUTO_TEST_CASE(russian_plural_words) {
  const Catalog c = test_catalog("ru", R"({"files": "{n, plural, one {# файл} few {# файла} many {# файлов} other {# файла}}"})");
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"0", "0 файлов"},   {"1", "1 файл"},     {"2", "2 файла"},     {"4", "4 файла"},     {"5", "5 файлов"},
      {"11", "11 файлов"}, {"12", "12 файлов"}, {"14", "14 файлов"},  {"21", "21 файл"},    {"22", "22 файла"},
      {"25", "25 файлов"}, {"101", "101 файл"}, {"111", "111 файлов"}, {"1.5", "1,5 файла"}};
  for (const auto& [n, expected] : cases) {
    BOOST_TEST_CONTEXT(n) { BOOST_TEST(render(c, "t.files", {{"n", n}}) == expected); }
  }
}

BOOST_AUTO_TEST_CASE(english_categories) {
  BOOST_TEST(category("en", "1") == "one");
  BOOST_TEST(category("en", "0") == "other");
  BOOST_TEST(category("en", "2") == "other");
  BOOST_TEST(category("en", "1.0") == "other");
  BOOST_TEST(category("en", "21") == "other");
}

BOOST_AUTO_TEST_CASE(operands) {
  const auto op = plural_operands("12.340");
  BOOST_TEST(op->i == 12u);
  BOOST_TEST(op->v == 3);
  BOOST_TEST(op->f == 340u);
  BOOST_TEST(!plural_operands("abc"));
  BOOST_TEST(!plural_operands("1."));
  BOOST_TEST(!plural_operands(""));
  BOOST_TEST(!plural_operands("1e5"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(message_format)

BOOST_AUTO_TEST_CASE(arguments_select_and_exact_plural) {
  const Catalog c = test_catalog("en", R"({
      "hello": "Hello, {name}!",
      "kind": "{who, select, org {an organisation} person {a person} other {someone}}",
      "files": "{n, plural, =0 {no files} one {# file} other {# files}}",
      "nested": "{who, select, org {{n, plural, one {# org file} other {# org files}}} other {{n} files}}"})");
  BOOST_TEST(render(c, "t.hello", {{"name", "Анна"}}) == "Hello, Анна!");
  BOOST_TEST(render(c, "t.kind", {{"who", "org"}}) == "an organisation");
  BOOST_TEST(render(c, "t.kind", {{"who", "cat"}}) == "someone");
  BOOST_TEST(render(c, "t.files", {{"n", "0"}}) == "no files");
  BOOST_TEST(render(c, "t.files", {{"n", "1"}}) == "1 file");
  BOOST_TEST(render(c, "t.files", {{"n", "1234"}}) == "1 234 files");
  BOOST_TEST(render(c, "t.nested", {{"who", "org"}, {"n", "1"}}) == "1 org file");
  BOOST_TEST(render(c, "t.nested", {{"who", "x"}, {"n", "3"}}) == "3 files");
}

BOOST_AUTO_TEST_CASE(apostrophe_quoting) {
  const Catalog c = test_catalog("en", R"({
      "a": "It''s {name}'s",
      "b": "Use '{braces}' literally",
      "c": "{n, plural, other {# items, '#' sign}}"})");
  BOOST_TEST(render(c, "t.a", {{"name", "Ann"}}) == "It's Ann's");
  BOOST_TEST(render(c, "t.b", {}) == "Use {braces} literally");
  BOOST_TEST(render(c, "t.c", {{"n", "3"}}) == "3 items, # sign");
}

BOOST_AUTO_TEST_CASE(malformed_patterns_are_refused_with_a_position) {
  BOOST_TEST(parse_error("Hello {name") == "at 11: unterminated argument 'name'");
  BOOST_TEST(parse_error("Hello {name, number") == "at 19: expected '}'");
  BOOST_TEST(parse_error("Hello name}") == "at 10: unmatched '}'");
  BOOST_TEST(parse_error("{}") == "at 1: argument name expected");
  BOOST_TEST(parse_error("{n, plurl, other {x}}") == "at 9: unknown argument type 'plurl'");
  BOOST_TEST(parse_error("{n, plural, one {x}}") == "at 19: plural needs an 'other' branch");
  BOOST_TEST(parse_error("{n, plural, single {x} other {y}}") == "at 18: unknown plural category 'single'");
  BOOST_TEST(parse_error("{n, plural, one {x} one {y} other {z}}") == "at 23: duplicate branch 'one'");
  BOOST_TEST(parse_error("{n, plural, one {x} other {y}") == "at 29: unterminated plural");
  BOOST_TEST(parse_error("{n, select, a {x}") == "at 17: unterminated select");
  BOOST_TEST(parse_error("{n, plural, =x {y} other {z}}") == "at 14: '=' must be followed by digits");
  std::string deep = "x";
  for (int i = 0; i < 10; ++i) deep = "{a, select, other {" + deep + "}}";
  BOOST_TEST(parse_error(deep).find("nesting deeper than") != std::string::npos);
  BOOST_TEST(parse_error("plain text, no braces") == "ok");
}

BOOST_AUTO_TEST_CASE(missing_arguments_show_visibly_and_are_reported) {
  const Catalog c = test_catalog("ru", R"({"m": "Файл {name}: {n, plural, one {# байт} other {# байта}}"})");
  std::vector<std::string> problems;
  BOOST_TEST(render(c, "t.m", {}, &problems) == "Файл {name}: {n}");
  BOOST_TEST(problems == std::vector<std::string>({"missing argument 'name'", "missing argument 'n'"}));
  problems.clear();
  BOOST_TEST(render(c, "t.m", {{"name", "a.pdf"}, {"n", "много"}}, &problems) == "Файл a.pdf: много байта");
  BOOST_TEST(problems == std::vector<std::string>({"argument 'n' is not a number: много"}));
}

BOOST_AUTO_TEST_CASE(arguments_are_collected_from_every_branch) {
  std::string error;
  const auto p = MessagePattern::parse("{a} {b, plural, one {{c}} other {{d, select, x {{e}} other {#}}}}", error);
  BOOST_TEST(p->arguments() == std::set<std::string>({"a", "b", "c", "d", "e"}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(formatting)

BOOST_AUTO_TEST_CASE(file_sizes) {
  const Catalog* ru = test::messages().catalog("ru");
  const Catalog* en = test::messages().catalog("en");
  BOOST_TEST(ru->file_size(5ull * 1024 * 1024) == "5\u00a0МБ");
  BOOST_TEST(en->file_size(5ull * 1024 * 1024) == "5\u00a0MB");
  BOOST_TEST(ru->file_size(1536) == "1,5\u00a0КБ");
  BOOST_TEST(en->file_size(1536) == "1.5\u00a0KB");
  BOOST_TEST(ru->file_size(183000) == "178,7\u00a0КБ");
  BOOST_TEST(ru->file_size(512) == "512\u00a0Б");
  BOOST_TEST(ru->file_size(0) == "0\u00a0Б");
  BOOST_TEST(ru->file_size(10ull * 1024 * 1024 * 1024) == "10\u00a0ГБ");
  BOOST_TEST(ru->file_size(5ull * 1024 * 1024 - 1) == "5\u00a0МБ");  // rounds to one decimal
  BOOST_TEST(en->file_size(UINT64_MAX) == "17,179,869,184\u00a0GB");
  BOOST_TEST(!ru->file_size(std::string_view("12x")));
}

BOOST_AUTO_TEST_CASE(dates_and_times) {
  const Catalog* ru = test::messages().catalog("ru");
  const Catalog* en = test::messages().catalog("en");
  const DateTime t{{2026, 11, 25}, 14, 30};
  BOOST_TEST(ru->datetime(t) == "25 ноября 2026 г., 14:30 (МСК)");
  BOOST_TEST(en->datetime(t) == "25 November 2026, 14:30 (MSK)");
  BOOST_TEST(ru->date(Date{2027, 3, 8}) == "8 марта 2027 г.");
  BOOST_TEST(*ru->date(std::string_view("2026-01-01")) == "1 января 2026 г.");
  BOOST_TEST(*en->datetime(std::string_view("2026-02-03T09:05:00+03:00")) == "3 February 2026, 09:05 (MSK)");
  BOOST_TEST(!ru->date(std::string_view("2026-02-30")));
}

BOOST_AUTO_TEST_CASE(numbers) {
  const Catalog* ru = test::messages().catalog("ru");
  const Catalog* en = test::messages().catalog("en");
  BOOST_TEST(*ru->number("1234567") == "1\u00a0234\u00a0567");
  BOOST_TEST(*en->number("1234567.25") == "1,234,567.25");
  BOOST_TEST(*ru->number("-1234.5") == "-1\u00a0234,5");
  BOOST_TEST(*ru->number("999") == "999");
  BOOST_TEST(!ru->number("12,5"));
  BOOST_TEST(!ru->number(""));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(locales)

BOOST_AUTO_TEST_CASE(negotiation) {
  const Messages& m = test::messages();
  BOOST_TEST(m.negotiate({"ru-RU"}) == "ru");
  BOOST_TEST(m.negotiate({"en-GB", "ru"}) == "en");
  BOOST_TEST(m.negotiate({"EN_us"}) == "en");
  BOOST_TEST(m.negotiate({"uk"}) == "ru");           // unsupported: the default
  BOOST_TEST(m.negotiate({"uk", "en"}) == "en");     // ... unless a later preference fits
  BOOST_TEST(m.negotiate({"*"}) == "ru");
  BOOST_TEST(m.negotiate({"de", "*", "en"}) == "ru");
  BOOST_TEST(m.negotiate({}) == "ru");
  BOOST_TEST(m.negotiate({"en-Latn-GB-oxendict"}) == "en");
  BOOST_TEST(m.negotiate({"<script>", "en"}) == "en");
}

BOOST_AUTO_TEST_CASE(accept_language_header) {
  BOOST_TEST(parse_accept_language("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7") ==
             std::vector<std::string>({"ru-ru", "ru", "en-us", "en"}));
  BOOST_TEST(parse_accept_language("en;q=0.5, de, fr;q=0") == std::vector<std::string>({"de", "en"}));
  BOOST_TEST(parse_accept_language("en;q=abc,ru;q=2,uk") == std::vector<std::string>({"uk"}));
  BOOST_TEST(parse_accept_language("").empty());
  BOOST_TEST(test::messages().negotiate(parse_accept_language("uk-UA,uk;q=0.9,en;q=0.8")) == "en");
}

BOOST_AUTO_TEST_CASE(run_time_fallbacks_are_safe_and_visible) {
  const Messages& m = test::messages();
  BOOST_TEST(m.format("en", "no.such.key") == "[no.such.key]");
  BOOST_TEST(m.format("de", "status.accepted") == "Принято");  // unsupported locale: the default
  BOOST_TEST(m.format("en", "ui.form.errors_summary") == "Fix {count} to send the request");
  const auto checked = m.format_checked("en", "ui.form.errors_summary");
  BOOST_TEST(checked.problems == std::vector<std::string>({"missing argument 'count'"}));
  BOOST_TEST(m.format_checked("en", "no.such.key").problems.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
