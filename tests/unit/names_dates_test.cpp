#define BOOST_TEST_MODULE names_and_dates
#include <boost/test/unit_test.hpp>

#include "tests/support/results.hpp"
#include "common/calendar.hpp"
#include "forms/date_field.hpp"
#include "forms/person_name.hpp"

using namespace support;
using namespace support::forms;
using support::test::code_of;
using support::test::value_of;


BOOST_AUTO_TEST_SUITE(person_name_suite)

BOOST_AUTO_TEST_CASE(real_names) {
  BOOST_TEST(value_of(person_name::validate("Иванов Иван Иванович")) == "Иванов Иван Иванович");
  BOOST_TEST(value_of(person_name::validate("  Салтыков-Щедрин   Михаил ")) == "Салтыков-Щедрин Михаил");
  BOOST_TEST(value_of(person_name::validate("O\u2019Brien Mary")) == "O'Brien Mary");
  BOOST_TEST(value_of(person_name::validate("Д\u2019Артаньян")) == "Д'Артаньян");
  BOOST_TEST(value_of(person_name::validate("Римский\u2013Корсаков")) == "Римский-Корсаков");  // en dash
  BOOST_TEST(value_of(person_name::validate("Ёлкина Алёна")) == "Ёлкина Алёна");
  BOOST_TEST(value_of(person_name::validate("Müller Jürgen")) == "Müller Jürgen");
  // Pasted text with decomposed letters (и + U+0306, е + U+0308) is stored composed.
  BOOST_TEST(value_of(person_name::validate("\u0418\u0306\u043e\u0441\u0438\u0444 \u0421\u0435\u0308\u043c\u0438\u043d")) ==
             "Йосиф Сёмин");
}

BOOST_AUTO_TEST_CASE(refusals) {
  BOOST_TEST(code_of(person_name::validate("Иван2")) == "name.digits");
  BOOST_TEST(code_of(person_name::validate("Иванов И.И.")) == "name.character");
  BOOST_TEST(person_name::validate("Иванов И.И.").issue->params == Params({{"character", "."}}));
  BOOST_TEST(code_of(person_name::validate("Иван@")) == "name.character");
  BOOST_TEST(code_of(person_name::validate("-Иван")) == "name.punctuation");
  BOOST_TEST(code_of(person_name::validate("Иван-")) == "name.punctuation");
  BOOST_TEST(code_of(person_name::validate("Иван--Петров")) == "name.punctuation");
  BOOST_TEST(code_of(person_name::validate("Ив'-ан")) == "name.punctuation");
  BOOST_TEST(code_of(person_name::validate("Ивaнов")) == "name.mixed_scripts");  // Latin "a"
  BOOST_TEST(code_of(person_name::validate("Αλέξανδρος")) == "name.character");  // Greek
  BOOST_TEST(code_of(person_name::validate("   ")) == "input.empty");
  BOOST_TEST(code_of(person_name::validate(std::string(101, 'a'))) == "name.too_long");
  BOOST_TEST(person_name::is_valid(std::string(100, 'a')));
  BOOST_TEST(code_of(person_name::validate("Анна", {3})) == "name.too_long");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(calendar_suite)

BOOST_AUTO_TEST_CASE(leap_years_and_month_lengths) {
  BOOST_TEST(is_leap_year(2024));
  BOOST_TEST(!is_leap_year(2026));
  BOOST_TEST(!is_leap_year(1900));
  BOOST_TEST(is_leap_year(2000));
  BOOST_TEST(days_in_month(2024, 2) == 29);
  BOOST_TEST(days_in_month(2026, 2) == 28);
  BOOST_TEST(days_in_month(2026, 4) == 30);
  BOOST_TEST(days_in_month(2026, 13) == 0);
}

BOOST_AUTO_TEST_CASE(day_numbers_round_trip) {
  BOOST_TEST(days_from_civil({1970, 1, 1}) == 0);
  BOOST_TEST(days_from_civil({2000, 3, 1}) == 11017);
  for (long long d = -800000; d < 800000; d += 997) {
    BOOST_TEST_REQUIRE(days_from_civil(civil_from_days(d)) == d);
  }
  BOOST_TEST(weekday({2026, 11, 21}) == 5);  // Saturday
  BOOST_TEST(weekday({1970, 1, 1}) == 3);    // Thursday
}

BOOST_AUTO_TEST_CASE(moscow_time_is_utc_plus_3) {
  // 2026-11-21T20:59:00Z is 23:59 in Moscow; 21:00Z is already the next day.
  const auto a = moscow_from_unix(1795294740);
  BOOST_TEST(to_iso(a) == "2026-11-21T23:59:00+03:00");
  const auto b = moscow_from_unix(1795294800);
  BOOST_TEST(to_iso(b) == "2026-11-22T00:00:00+03:00");
  BOOST_TEST(unix_from_moscow(b) == 1795294800);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(date_suite)

BOOST_AUTO_TEST_CASE(formats_people_type) {
  BOOST_TEST(value_of(date::validate("25.11.2026")) == "2026-11-25");
  BOOST_TEST(value_of(date::validate("5.3.1985")) == "1985-03-05");
  BOOST_TEST(value_of(date::validate("05/03/1985")) == "1985-03-05");
  BOOST_TEST(value_of(date::validate("1985-03-05")) == "1985-03-05");
  BOOST_TEST(date::format("1985-03-05") == "05.03.1985");
}

BOOST_AUTO_TEST_CASE(real_calendar_dates_only) {
  BOOST_TEST(code_of(date::validate("29.02.2025")) == "date.invalid");
  BOOST_TEST(code_of(date::validate("29.02.2024")) == "ok");
  BOOST_TEST(code_of(date::validate("31.04.2026")) == "date.invalid");
  BOOST_TEST(code_of(date::validate("00.01.2026")) == "date.invalid");
  BOOST_TEST(code_of(date::validate("12.13.2026")) == "date.invalid");
  BOOST_TEST(code_of(date::validate("29.02.1900")) == "date.invalid");
}

BOOST_AUTO_TEST_CASE(ambiguous_or_garbled_formats) {
  BOOST_TEST(code_of(date::validate("05.03.85")) == "date.format");  // two-digit year
  BOOST_TEST(code_of(date::validate("05.03-1985")) == "date.format");
  BOOST_TEST(code_of(date::validate("5 марта 1985")) == "date.format");
  BOOST_TEST(code_of(date::validate("05..03.1985")) == "date.format");
  BOOST_TEST(code_of(date::validate("05.03.1985.")) == "date.format");
  BOOST_TEST(code_of(date::validate("")) == "input.empty");
}

BOOST_AUTO_TEST_CASE(ranges_come_from_the_caller) {
  const Date today{2026, 11, 21};
  BOOST_TEST(code_of(date::validate("21.11.2026", {std::nullopt, today})) == "ok");
  BOOST_TEST(code_of(date::validate("22.11.2026", {std::nullopt, today})) == "date.future");
  BOOST_TEST(date::validate("22.11.2026", {std::nullopt, today}).issue->params == Params({{"max", "2026-11-21"}}));
  BOOST_TEST(code_of(date::validate("31.12.1899", {Date{1900, 1, 1}, today})) == "date.too_early");
}

BOOST_AUTO_TEST_CASE(date_times) {
  BOOST_TEST(value_of(datetime::validate("25.11.2026 14:30")) == "2026-11-25T14:30:00+03:00");
  BOOST_TEST(value_of(datetime::validate("2026-11-25T09:05")) == "2026-11-25T09:05:00+03:00");
  BOOST_TEST(value_of(datetime::validate("25.11.2026 9:05")) == "2026-11-25T09:05:00+03:00");
  BOOST_TEST(value_of(datetime::validate("2026-11-25T14:30:00+03:00")) == "2026-11-25T14:30:00+03:00");
  BOOST_TEST(code_of(datetime::validate("25.11.2026 24:00")) == "datetime.time");
  BOOST_TEST(code_of(datetime::validate("25.11.2026 14:60")) == "datetime.time");
  BOOST_TEST(code_of(datetime::validate("25.11.2026")) == "datetime.format");
  BOOST_TEST(code_of(datetime::validate("31.11.2026 10:00")) == "date.invalid");
  const DateTime now{{2026, 11, 21}, 14, 30};
  BOOST_TEST(code_of(datetime::validate("21.11.2026 14:30", {std::nullopt, now})) == "ok");
  BOOST_TEST(code_of(datetime::validate("21.11.2026 14:31", {std::nullopt, now})) == "datetime.future");
}

BOOST_AUTO_TEST_SUITE_END()
