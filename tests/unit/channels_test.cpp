#define BOOST_TEST_MODULE channels
#include <boost/test/unit_test.hpp>

#include "tests/support/bundled.hpp"
#include "tests/support/chat_fixture.hpp"

using namespace support;
using namespace support::chat;

namespace {
const Channels& channels() { return test::knowledge_base().channels(); }
}  // namespace

BOOST_AUTO_TEST_CASE(chat_operators_work_eight_to_ten) {
  BOOST_TEST(!channels().is_open("chat_operator", {{2026, 11, 23}, 7, 59}));
  BOOST_TEST(channels().is_open("chat_operator", {{2026, 11, 23}, 8, 0}));
  BOOST_TEST(channels().is_open("chat_operator", {{2026, 11, 22}, 21, 59}));  // Sunday too
  BOOST_TEST(!channels().is_open("chat_operator", {{2026, 11, 22}, 22, 0}));
  BOOST_TEST(to_iso(*channels().next_opening("chat_operator", {{2026, 11, 22}, 22, 0})) == "2026-11-23T08:00:00+03:00");
  BOOST_TEST(to_iso(*channels().next_opening("chat_operator", {{2026, 11, 23}, 6, 0})) == "2026-11-23T08:00:00+03:00");
  BOOST_TEST(channels().is_open("hotline", {{2026, 11, 23}, 3, 0}));
}

BOOST_AUTO_TEST_CASE(mfc_opens_on_monday_after_a_weekend) {
  BOOST_TEST(!channels().is_open("mfc", {{2026, 11, 21}, 12, 0}));  // Saturday
  BOOST_TEST(to_iso(*channels().next_opening("mfc", {{2026, 11, 20}, 18, 0})) == "2026-11-23T09:00:00+03:00");
}

BOOST_AUTO_TEST_CASE(seed_004_phone_services) {
  using V = std::vector<std::string>;
  BOOST_TEST(channels().phone_services({{2026, 11, 23}, 10, 0}, false) ==
             V({"operator", "registration", "certificates", "application_status", "technical", "general"}));
  BOOST_TEST(channels().phone_services({{2026, 11, 23}, 18, 0}, false) == V({"operator", "technical", "general"}));
  BOOST_TEST(channels().phone_services({{2026, 11, 23}, 23, 0}, false) == V({"automated"}));
  BOOST_TEST(channels().phone_services({{2026, 11, 23}, 2, 0}, false) == V({"automated"}));  // past midnight
  BOOST_TEST(channels().phone_services({{2026, 11, 22}, 12, 0}, true) == V({"operator", "technical", "general"}));
  BOOST_TEST(channels().phone_services({{2026, 11, 22}, 17, 0}, true) == V({"automated"}));
  const auto weekend = [](const Date& d) { return weekday(d) >= 5; };
  BOOST_TEST(to_iso(*channels().next_phone_service("registration", {{2026, 11, 21}, 12, 0}, weekend)) ==
             "2026-11-23T09:00:00+03:00");
}

BOOST_AUTO_TEST_CASE(schedules_described_in_both_languages) {
  BOOST_TEST(channels().describe_schedule("chat_operators", test::messages(), "ru") == "ежедневно с 08:00 до 22:00");
  BOOST_TEST(channels().describe_schedule("chat_operators", test::messages(), "en") == "daily 08:00\u201322:00");
  BOOST_TEST(channels().describe_schedule("mfc", test::messages(), "en") == "Mon\u2013Fri 09:00\u201318:00");
  BOOST_TEST(channels().describe_schedule("always", test::messages(), "ru") == "круглосуточно");
  const auto custom = Channels::load(R"({"portal": {"url": "x.ru"}, "channels": {
      "hotline": {"kind": "phone", "number": "8 800 100-70-10", "schedule": "s"},
      "chat_operator": {"kind": "chat", "schedule": "s"},
      "support_email": {"kind": "email", "address": "a@b.ru", "reply_within_hours": 24},
      "mfc": {"kind": "office", "schedule": "s"}},
    "schedules": {"s": {"weekdays": ["09:00-18:00"], "sat": ["10:00-14:00"]}},
    "phone_services": {"periods": [{"days": "weekdays", "from": "09:00", "to": "18:00", "services": ["operator"]}]},
    "deadlines": {"standard_working_days": 5, "urgent_working_days": 1, "complex_working_days": 10}})");
  BOOST_TEST_REQUIRE(custom.value.has_value());
  BOOST_TEST(custom.value->describe_schedule("s", test::messages(), "ru") == "пн–пт с 09:00 до 18:00; сб с 10:00 до 14:00");
}
