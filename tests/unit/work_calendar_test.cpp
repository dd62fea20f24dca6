#define BOOST_TEST_MODULE work_calendar
#include <boost/test/unit_test.hpp>

#include "common/work_calendar.hpp"
#include "tests/support/bundled.hpp"

using namespace support;

namespace {

const WorkCalendar& calendar() {
  static const WorkCalendar c = *WorkCalendar::load(test::bundled_text("common/data/work_calendar.json")).value;
  return c;
}

std::string error_of(const std::string& json) { return WorkCalendar::load(json, "c.json").error; }

}  // namespace

BOOST_AUTO_TEST_CASE(holidays_and_transfers_of_2026) {
  BOOST_TEST(calendar().covers(2026));
  BOOST_TEST(!calendar().is_working_day({2026, 1, 1}));
  BOOST_TEST(!calendar().is_working_day({2026, 1, 9}));   // moved from Saturday 3 January
  BOOST_TEST(calendar().is_working_day({2026, 1, 12}));
  BOOST_TEST(!calendar().is_working_day({2026, 3, 9}));   // 8 March fell on a Sunday
  BOOST_TEST(!calendar().is_working_day({2026, 5, 11}));  // 9 May fell on a Saturday
  BOOST_TEST(!calendar().is_working_day({2026, 11, 4}));
  BOOST_TEST(!calendar().is_working_day({2026, 12, 31})); // moved from Sunday 4 January
  BOOST_TEST(calendar().is_working_day({2026, 11, 23}));
  BOOST_TEST(!calendar().is_working_day({2026, 11, 21})); // a Saturday
}

BOOST_AUTO_TEST_CASE(working_saturday_of_2027) {
  BOOST_TEST(calendar().is_working_day({2027, 11, 13}));
  BOOST_TEST(!calendar().is_working_day({2027, 11, 5}));
}

BOOST_AUTO_TEST_CASE(deadlines_in_working_days) {
  // Friday 20 November 2026 + 5 working days: Friday 27 November.
  BOOST_TEST(to_iso(calendar().add_working_days({2026, 11, 20}, 5)) == "2026-11-27");
  // Saturday: counted from Monday.
  BOOST_TEST(to_iso(calendar().add_working_days({2026, 11, 21}, 1)) == "2026-11-23");
  // Over the New Year holidays: 30 December 2026 + 1 -> 11 January 2027 (31 Dec and 1-8 Jan off, 9-10 weekend).
  BOOST_TEST(to_iso(calendar().add_working_days({2026, 12, 30}, 1)) == "2027-01-11");
  BOOST_TEST(to_iso(calendar().add_working_days({2026, 12, 30}, 10)) == "2027-01-22");
  // Over 4 November: Tuesday 3 November + 1 -> Thursday 5 November.
  BOOST_TEST(to_iso(calendar().add_working_days({2026, 11, 3}, 1)) == "2026-11-05");
  BOOST_TEST(to_iso(calendar().add_working_days({2026, 11, 4}, 0)) == "2026-11-05");
  // Years not in the file follow weekends only.
  BOOST_TEST(!calendar().covers(2030));
  BOOST_TEST(to_iso(calendar().add_working_days({2030, 1, 4}, 1)) == "2030-01-07");
}

BOOST_AUTO_TEST_CASE(mistakes_are_named_precisely) {
  BOOST_TEST(error_of(R"({"years": {"2026": {"non_working": ["2026-11-21"], "working": []}}})") ==
             "c.json: /years/2026/non_working/0: 2026-11-21 is a weekend day already");
  BOOST_TEST(error_of(R"({"years": {"2026": {"non_working": [], "working": ["2026-11-23"]}}})") ==
             "c.json: /years/2026/working/0: 2026-11-23 is not a weekend day");
  BOOST_TEST(error_of(R"({"years": {"2026": {"non_working": ["2027-01-04"], "working": []}}})") ==
             "c.json: /years/2026/non_working/0: 2027-01-04 is not in 2026");
  BOOST_TEST(error_of(R"({"years": {"2026": {"non_working": ["2026-02-30"], "working": []}}})") ==
             "c.json: /years/2026/non_working/0: expected a date YYYY-MM-DD, got \"2026-02-30\"");
  BOOST_TEST(error_of(R"({"years": {"2026": {"non_working": ["2026-11-04", "2026-11-04"], "working": []}}})") ==
             "c.json: /years/2026/non_working/1: duplicate date 2026-11-04");
  BOOST_TEST(error_of(R"({"years": {"26": {"non_working": [], "working": []}}})") == "c.json: /years/26: expected a four-digit year");
  BOOST_TEST(error_of(R"({"years": {"2026": {"non_working": [], "working": [], "extra": 1}}})") == "c.json: /years/2026/extra: unknown key");
}
