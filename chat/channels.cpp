#include "chat/channels.hpp"

#include <algorithm>

#include "forms/email.hpp"
#include "forms/phone.hpp"

namespace support::chat {

namespace {

constexpr std::array<const char*, 7> kDayKeys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::optional<int> parse_time(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  for (std::size_t i : {0u, 1u, 3u, 4u}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  const int h = (s[0] - '0') * 10 + (s[1] - '0');
  const int m = (s[3] - '0') * 10 + (s[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

TimeRange parse_range(ObjectReader& r, const std::string& key, std::size_t index, const std::string& text,
                      bool allow_midnight_wrap) {
  const auto dash = text.find('-');
  const auto from = dash == std::string::npos ? std::nullopt : parse_time(std::string_view(text).substr(0, dash));
  const auto to = dash == std::string::npos ? std::nullopt : parse_time(std::string_view(text).substr(dash + 1));
  if (!from || !to) r.fail_item(key, index, "expected HH:MM-HH:MM, got \"" + text + "\"");
  if (*from == *to || (*to < *from && !allow_midnight_wrap)) r.fail_item(key, index, "empty or reversed range " + text);
  return {*from, *to};
}

Schedule read_schedule(ObjectReader r) {
  Schedule s;
  auto fill = [&](const char* key, std::initializer_list<int> days) {
    if (!r.has(key)) return;
    const auto ranges = r.strings(key);
    for (std::size_t i = 0; i < ranges.size(); ++i) {
      const TimeRange t = parse_range(r, key, i, ranges[i], false);
      for (int d : days) s.days[static_cast<std::size_t>(d)].push_back(t);
    }
  };
  fill("daily", {0, 1, 2, 3, 4, 5, 6});
  fill("weekdays", {0, 1, 2, 3, 4});
  fill("weekends", {5, 6});
  for (int d = 0; d < 7; ++d) fill(kDayKeys[static_cast<std::size_t>(d)], {d});
  r.finish();
  return s;
}

std::string two_digits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

DateTime at_minute(const Date& d, int minute) { return {d, minute / 60, minute % 60}; }

}  // namespace

std::string format_time(int minutes) { return two_digits(minutes / 60) + ":" + two_digits(minutes % 60); }

bool Schedule::open_at(int weekday, int minute) const {
  for (const auto& r : days[static_cast<std::size_t>(weekday)]) {
    if (r.contains(minute)) return true;
  }
  return false;
}

Loaded<Channels> Channels::load(std::string_view json, const std::string& file) {
  return load_config<Channels>([&] {
    ConfigFile root(json, file);
    const nlohmann::json& doc = root.json();
    Channels c;
    {
      ObjectReader portal = root.object("portal");
      c.portal_url_ = portal.string("url");
      portal.allow("source");
      portal.finish();
    }
    {
      ObjectReader schedules = root.object("schedules");
      for (const auto& item : doc.at("schedules").items()) {
        c.schedules_.emplace(item.key(), read_schedule(schedules.object(item.key())));
      }
      schedules.finish();
    }
    {
      ObjectReader channels = root.object("channels");
      for (const auto& item : doc.at("channels").items()) {
        ObjectReader r = channels.object(item.key());
        Channel ch;
        ch.id = item.key();
        ch.kind = r.string("kind");
        r.allow("source");
        if (ch.kind == "phone") {
          ch.number = r.string("number");
          if (!forms::phone::is_valid(ch.number)) r.fail("number", "not a valid Russian phone number: " + ch.number);
        } else if (ch.kind == "email") {
          ch.address = r.string("address");
          if (!forms::email::is_valid(ch.address)) r.fail("address", "not a valid e-mail address: " + ch.address);
          ch.reply_within_hours = static_cast<int>(r.integer("reply_within_hours", 1, 24 * 60));
        } else if (ch.kind != "chat" && ch.kind != "office") {
          r.fail("kind", "expected phone, email, chat or office");
        }
        ch.schedule = r.string_or("schedule", "");
        if (!ch.schedule.empty() && !c.schedules_.count(ch.schedule)) {
          r.fail("schedule", "unknown schedule \"" + ch.schedule + "\"");
        }
        r.finish();
        c.channels_.push_back(std::move(ch));
      }
      channels.finish();
    }
    for (const char* required : {"hotline", "chat_operator", "support_email", "mfc"}) {
      if (!c.channel(required)) root.fail("channels", std::string("missing channel \"") + required + "\"");
    }
    {
      ObjectReader phone = root.object("phone_services");
      phone.allow("source");
      const auto& periods = phone.required("periods");
      if (!periods.is_array()) phone.fail("periods", "expected an array");
      for (std::size_t i = 0; i < periods.size(); ++i) {
        ObjectReader p = phone.element(periods, "periods", i);
        PhonePeriod period;
        const std::string days = p.string("days");
        if (days != "weekdays" && days != "weekends") p.fail("days", "expected weekdays or weekends");
        period.days_off = days == "weekends";
        const std::string range = p.string("from") + "-" + p.string("to");
        period.time = parse_range(phone, "periods", i, range, true);
        period.services = p.strings("services");
        if (period.services.empty()) p.fail("services", "must list at least one service");
        p.finish();
        c.phone_periods_.push_back(std::move(period));
      }
      phone.finish();
    }
    {
      ObjectReader d = root.object("deadlines");
      d.allow("source");
      c.standard_days_ = static_cast<int>(d.integer("standard_working_days", 1, 60));
      c.urgent_days_ = static_cast<int>(d.integer("urgent_working_days", 1, 60));
      c.complex_days_ = static_cast<int>(d.integer("complex_working_days", 1, 120));
      d.finish();
    }
    root.finish();
    return c;
  });
}

const Channel* Channels::channel(std::string_view id) const {
  for (const auto& c : channels_) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

const Schedule* Channels::schedule(std::string_view id) const {
  const auto it = schedules_.find(id);
  return it == schedules_.end() ? nullptr : &it->second;
}

bool Channels::is_open(std::string_view channel_id, const DateTime& now) const {
  const Channel* ch = channel(channel_id);
  const Schedule* s = ch ? schedule(ch->schedule) : nullptr;
  return s && s->open_at(weekday(now.date), now.hour * 60 + now.minute);
}

std::optional<DateTime> Channels::next_opening(std::string_view channel_id, const DateTime& now) const {
  const Channel* ch = channel(channel_id);
  const Schedule* s = ch ? schedule(ch->schedule) : nullptr;
  if (!s) return std::nullopt;
  const long long today = days_from_civil(now.date);
  const int now_minute = now.hour * 60 + now.minute;
  for (int offset = 0; offset <= 7; ++offset) {
    const Date d = civil_from_days(today + offset);
    std::optional<int> earliest;
    for (const auto& r : s->days[static_cast<std::size_t>(weekday(d))]) {
      if (offset == 0 && r.from <= now_minute) continue;
      if (!earliest || r.from < *earliest) earliest = r.from;
    }
    if (earliest) return at_minute(d, *earliest);
  }
  return std::nullopt;
}

std::vector<std::string> Channels::phone_services(const DateTime& now, bool day_off) const {
  const int minute = now.hour * 60 + now.minute;
  for (const auto& p : phone_periods_) {
    if (p.days_off == day_off && p.time.contains(minute)) return p.services;
  }
  return {};
}

std::optional<DateTime> Channels::next_phone_service(std::string_view service, const DateTime& now,
                                                     const std::function<bool(const Date&)>& is_day_off) const {
  const long long today = days_from_civil(now.date);
  const int now_minute = now.hour * 60 + now.minute;
  for (int offset = 0; offset <= 7; ++offset) {
    const Date d = civil_from_days(today + offset);
    const bool off = is_day_off(d);
    std::optional<int> earliest;
    for (const auto& p : phone_periods_) {
      if (p.days_off != off || std::find(p.services.begin(), p.services.end(), service) == p.services.end()) continue;
      if (offset == 0 && p.time.from <= now_minute) continue;
      if (!earliest || p.time.from < *earliest) earliest = p.time.from;
    }
    if (earliest) return at_minute(d, *earliest);
  }
  return std::nullopt;
}

std::string Channels::describe_schedule(std::string_view schedule_id, const i18n::Messages& messages,
                                        std::string_view locale) const {
  const Schedule* s = schedule(schedule_id);
  if (!s) return {};
  auto hours = [&](const TimeRange& r) {
    return messages.format(locale, "chat.schedule.hours", {{"from", format_time(r.from)}, {"to", format_time(r.to)}});
  };
  auto day_name = [&](int d) { return messages.format(locale, "format.weekday_short." + std::to_string(d + 1)); };
  // Days with exactly one range, grouped while the range repeats.
  const auto same = [&](int a, int b) {
    const auto& x = s->days[static_cast<std::size_t>(a)];
    const auto& y = s->days[static_cast<std::size_t>(b)];
    return x.size() == 1 && y.size() == 1 && x[0].from == y[0].from && x[0].to == y[0].to;
  };
  bool all_same = true;
  for (int d = 1; d < 7; ++d) all_same = all_same && same(0, d);
  if (all_same) {
    const TimeRange& r = s->days[0][0];
    if (r.from == 0 && r.to == 24 * 60) return messages.format(locale, "chat.schedule.always");
    return messages.format(locale, "chat.schedule.daily", {{"hours", hours(r)}});
  }
  std::string out;
  for (int d = 0; d < 7;) {
    const auto& ranges = s->days[static_cast<std::size_t>(d)];
    if (ranges.empty()) {
      ++d;
      continue;
    }
    int last = d;
    while (last + 1 < 7 && same(d, last + 1)) ++last;
    std::string hours_text;
    for (const auto& r : ranges) hours_text += (hours_text.empty() ? "" : ", ") + hours(r);
    const std::string piece =
        last == d ? messages.format(locale, "chat.schedule.day", {{"day", day_name(d)}, {"hours", hours_text}})
                  : messages.format(locale, "chat.schedule.days",
                                    {{"first", day_name(d)}, {"last", day_name(last)}, {"hours", hours_text}});
    out += (out.empty() ? "" : "; ") + piece;
    d = last + 1;
  }
  return out;
}

}  // namespace support::chat
