#include "common/work_calendar.hpp"

#include <cstdlib>

namespace support {

Loaded<WorkCalendar> WorkCalendar::load(std::string_view json, const std::string& file) {
  return load_config<WorkCalendar>([&] {
    ConfigFile root(json, file);
    const nlohmann::json& doc = root.json();
    ObjectReader years = root.object("years");
    WorkCalendar c;
    for (const auto& item : doc.at("years").items()) {
      const std::string& key = item.key();
      const int year = std::atoi(key.c_str());
      if (key.size() != 4 || year < 1990 || year > 2200) years.fail(key, "expected a four-digit year");
      c.years_.insert(year);
      ObjectReader y = years.object(key);
      y.allow("source");
      auto read_days = [&](const char* list, bool want_weekend, std::set<long long>& into) {
        const auto dates = y.strings(list);
        for (std::size_t i = 0; i < dates.size(); ++i) {
          const auto d = parse_iso_date(dates[i]);
          if (!d) y.fail_item(list, i, "expected a date YYYY-MM-DD, got \"" + dates[i] + "\"");
          if (d->year != year) y.fail_item(list, i, dates[i] + " is not in " + key);
          const bool weekend = weekday(*d) >= 5;
          if (weekend != want_weekend) {
            y.fail_item(list, i, dates[i] + (want_weekend ? " is not a weekend day" : " is a weekend day already"));
          }
          if (!into.insert(days_from_civil(*d)).second) y.fail_item(list, i, "duplicate date " + dates[i]);
        }
      };
      read_days("non_working", false, c.non_working_);
      read_days("working", true, c.working_);
      y.finish();
    }
    root.finish();
    return c;
  });
}

bool WorkCalendar::is_working_day(const Date& d) const {
  const long long day = days_from_civil(d);
  if (weekday(d) >= 5) return working_.count(day) > 0;
  return non_working_.count(day) == 0;
}

Date WorkCalendar::add_working_days(const Date& start, int n) const {
  long long day = days_from_civil(start);
  if (n == 0) {
    while (!is_working_day(civil_from_days(day))) ++day;
    return civil_from_days(day);
  }
  while (n > 0) {
    ++day;
    if (is_working_day(civil_from_days(day))) --n;
  }
  return civil_from_days(day);
}

}  // namespace support
