// Working days in Russia (common/data/work_calendar.json): weekends, public
// holidays and the yearly transfers, for answer deadlines ("up to 5 working
// days") and for the phone line's days-off schedule.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "common/calendar.hpp"
#include "common/config.hpp"

namespace support {

class WorkCalendar {
 public:
  static Loaded<WorkCalendar> load(std::string_view json, const std::string& file = "common/data/work_calendar.json");

  // Weekends are days off unless listed as working; weekdays are working
  // unless listed as non-working. Years not in the file follow weekends only.
  bool is_working_day(const Date& d) const;
  bool covers(int year) const { return years_.count(year) > 0; }

  // The n-th working day after `start` (start itself not counted); n = 0 is
  // `start` when it is a working day, else the next working day.
  Date add_working_days(const Date& start, int n) const;

 private:
  std::set<int> years_;
  std::set<long long> non_working_, working_;  // days since 1970-01-01
};

}  // namespace support
