// Civil dates and Moscow wall-clock times without a clock or time zone
// database: Moscow is UTC+3 all year (no daylight saving since 2014), and the
// caller always passes "now" in.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace support {

struct Date {
  int year = 1970, month = 1, day = 1;
  auto key() const { return year * 10000 + month * 100 + day; }
  bool operator==(const Date& o) const { return key() == o.key(); }
  bool operator!=(const Date& o) const { return key() != o.key(); }
  bool operator<(const Date& o) const { return key() < o.key(); }
  bool operator<=(const Date& o) const { return key() <= o.key(); }
};

struct DateTime {  // Moscow local time (UTC+3)
  Date date;
  int hour = 0, minute = 0;
  long long key() const { return static_cast<long long>(date.key()) * 10000 + hour * 100 + minute; }
  bool operator<(const DateTime& o) const { return key() < o.key(); }
  bool operator<=(const DateTime& o) const { return key() <= o.key(); }
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_real_date(int year, int month, int day);

// Days since 1970-01-01 (negative before), valid for any proleptic Gregorian date.
long long days_from_civil(const Date& d);
Date civil_from_days(long long days);
// 0 = Monday ... 6 = Sunday.
int weekday(const Date& d);

std::string to_iso(const Date& d);          // "2026-11-25"
std::string to_iso(const DateTime& t);      // "2026-11-25T14:30:00+03:00"
std::optional<Date> parse_iso_date(std::string_view s);          // strict "YYYY-MM-DD"
std::optional<DateTime> parse_iso_datetime(std::string_view s);  // "YYYY-MM-DDTHH:MM[:SS][+03:00]"

// Moscow wall-clock time for a Unix time in seconds (UTC+3).
DateTime moscow_from_unix(long long unix_seconds);
long long unix_from_moscow(const DateTime& t);

}  // namespace support
