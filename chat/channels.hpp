// Support channels, their schedules and deadlines (chat/kb/channels.json),
// and the questions the dialogue asks of them: are operators answering now,
// when are they back, what can the phone line help with at this hour.
// Time comes from the caller (Moscow time); the core reads no clock.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/calendar.hpp"
#include "common/config.hpp"
#include "i18n/messages.hpp"

namespace support::chat {

struct TimeRange {
  int from = 0, to = 0;  // minutes since midnight; to may be 1440, or below from for a range past midnight
  bool contains(int minute) const { return from <= to ? (minute >= from && minute < to) : (minute >= from || minute < to); }
};

struct Schedule {
  std::array<std::vector<TimeRange>, 7> days;  // Monday first; ranges do not pass midnight
  bool open_at(int weekday, int minute) const;
};

struct Channel {
  std::string id, kind;
  std::string number;   // phone: display form, validated as a Russian number
  std::string address;  // email
  std::string schedule;
  int reply_within_hours = 0;
};

struct PhonePeriod {
  bool days_off = false;  // weekends and public holidays, or working days
  TimeRange time;
  std::vector<std::string> services;
};

class Channels {
 public:
  static Loaded<Channels> load(std::string_view json, const std::string& file = "chat/kb/channels.json");

  const std::string& portal_url() const { return portal_url_; }
  const Channel* channel(std::string_view id) const;
  const Schedule* schedule(std::string_view id) const;
  int standard_days() const { return standard_days_; }
  int urgent_days() const { return urgent_days_; }
  int complex_days() const { return complex_days_; }

  // Is the channel's schedule open at `now`; the next opening otherwise
  // (nullopt when it never opens in the coming week).
  bool is_open(std::string_view channel_id, const DateTime& now) const;
  std::optional<DateTime> next_opening(std::string_view channel_id, const DateTime& now) const;

  // Services of the phone line at `now` (seed 004's table); day_off for
  // weekends and public holidays.
  std::vector<std::string> phone_services(const DateTime& now, bool day_off) const;
  // The next time the phone line offers `service`, searching a week ahead.
  std::optional<DateTime> next_phone_service(std::string_view service, const DateTime& now,
                                             const std::function<bool(const Date&)>& is_day_off) const;
  const std::vector<PhonePeriod>& phone_periods() const { return phone_periods_; }

  // "ежедневно с 08:00 до 22:00", "пн–пт с 09:00 до 18:00", "круглосуточно".
  std::string describe_schedule(std::string_view schedule_id, const i18n::Messages& messages,
                                std::string_view locale) const;

 private:
  std::string portal_url_;
  std::vector<Channel> channels_;
  std::map<std::string, Schedule, std::less<>> schedules_;
  std::vector<PhonePeriod> phone_periods_;
  int standard_days_ = 5, urgent_days_ = 1, complex_days_ = 10;
};

std::string format_time(int minutes);  // "08:00"

}  // namespace support::chat
