#include "common/calendar.hpp"

#include <cstdio>

namespace support {

namespace {
constexpr long long kMoscowOffsetSeconds = 3 * 3600;

bool read_number(std::string_view s, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}
}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_real_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && day >= 1 && day <= days_in_month(year, month);
}

// Howard Hinnant's days_from_civil / civil_from_days.
long long days_from_civil(const Date& d) {
  const long long y = d.year - (d.month <= 2);
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (month <= 2)), month, day};
}

int weekday(const Date& d) {
  const long long z = days_from_civil(d);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

std::string to_iso(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string to_iso(const DateTime& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00+03:00", to_iso(t.date).c_str(), t.hour, t.minute);
  return buf;
}

std::optional<Date> parse_iso_date(std::string_view s) {
  Date d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!read_number(s, 0, 4, d.year) || !read_number(s, 5, 2, d.month) || !read_number(s, 8, 2, d.day)) {
    return std::nullopt;
  }
  if (!is_real_date(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

std::optional<DateTime> parse_iso_datetime(std::string_view s) {
  if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return std::nullopt;
  const auto date = parse_iso_date(s.substr(0, 10));
  DateTime t;
  if (!date || !read_number(s, 11, 2, t.hour) || !read_number(s, 14, 2, t.minute)) return std::nullopt;
  std::string_view rest = s.substr(16);
  int seconds = 0;
  if (!rest.empty() && rest[0] == ':') {
    if (!read_number(rest, 1, 2, seconds) || seconds > 59) return std::nullopt;
    rest.remove_prefix(3);
  }
  if (!rest.empty() && rest != "+03:00") return std::nullopt;  // Moscow time only
  if (t.hour > 23 || t.minute > 59) return std::nullopt;
  t.date = *date;
  return t;
}

DateTime moscow_from_unix(long long unix_seconds) {
  const long long local = unix_seconds + kMoscowOffsetSeconds;
  long long days = local / 86400;
  long long rem = local % 86400;
  if (rem < 0) rem += 86400, --days;
  return {civil_from_days(days), static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60)};
}

long long unix_from_moscow(const DateTime& t) {
  return days_from_civil(t.date) * 86400 + t.hour * 3600 + t.minute * 60 - kMoscowOffsetSeconds;
}

}  // namespace support
