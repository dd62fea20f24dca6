#include "forms/date_field.hpp"

#include <array>
#include <cstdio>

#include "forms/input_guard.hpp"

namespace support::forms {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

enum class Shape { ok, format, invalid };

// Splits "12.3.2026" or "2026-03-12" into year, month, day.
Shape parse_date_shape(std::string_view s, Date& out) {
  std::array<int, 3> value{};
  std::array<std::size_t, 3> width{};
  std::size_t group = 0;
  char separator = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (++width[group] > 4) return Shape::format;
      value[group] = value[group] * 10 + (c - '0');
    } else if (c == '.' || c == '/' || c == '-') {
      if (separator && c != separator) return Shape::format;
      separator = c;
      if (width[group] == 0 || ++group > 2) return Shape::format;
    } else {
      return Shape::format;
    }
  }
  if (group != 2 || width[2] == 0) return Shape::format;
  if (width[0] == 4 && width[1] <= 2 && width[2] <= 2) {
    out = {value[0], value[1], value[2]};
  } else if (width[0] <= 2 && width[1] <= 2 && width[2] == 4) {
    out = {value[2], value[1], value[0]};
  } else {
    return Shape::format;  // two-digit years are ambiguous: ask for four digits
  }
  return is_real_date(out.year, out.month, out.day) ? Shape::ok : Shape::invalid;
}

std::optional<Issue> check_range(const Date& d, const std::optional<Date>& min, const std::optional<Date>& max,
                                 const char* future_code) {
  if (min && d < *min) return Issue{"date.too_early", {{"min", to_iso(*min)}}};
  if (max && *max < d) return Issue{future_code, {{"max", to_iso(*max)}}};
  return std::nullopt;
}

}  // namespace

namespace date {

Result validate(std::string_view text, const Rules& rules) {
  if (auto issue = check_input(text, {64})) return Result::invalid(std::move(*issue));
  const std::string_view s = trim(text);
  if (s.empty()) return Result::invalid("input.empty");
  Date d;
  switch (parse_date_shape(s, d)) {
    case Shape::format: return Result::invalid("date.format");
    case Shape::invalid: return Result::invalid("date.invalid");
    case Shape::ok: break;
  }
  if (auto issue = check_range(d, rules.not_before, rules.not_after, "date.future")) {
    return Result::invalid(std::move(*issue));
  }
  return Result::valid(to_iso(d));
}

bool is_valid(std::string_view text, const Rules& rules) { return validate(text, rules).ok(); }

std::optional<Date> parse(std::string_view text) {
  const Result r = validate(text);
  if (!r.ok()) return std::nullopt;
  return parse_iso_date(r.value);
}

std::string format(std::string_view text) {
  const auto d = parse(text);
  if (!d) return std::string(text);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", d->day, d->month, d->year);
  return buf;
}

}  // namespace date

namespace datetime {

namespace {
Result check_datetime(const DateTime& t, const Rules& rules) {
  if (rules.not_before && t.date < *rules.not_before) {
    return Result::invalid("date.too_early", {{"min", to_iso(*rules.not_before)}});
  }
  if (rules.not_after && *rules.not_after < t) {
    return Result::invalid("datetime.future", {{"max", to_iso(*rules.not_after)}});
  }
  return Result::valid(to_iso(t));
}
}  // namespace

Result validate(std::string_view text, const Rules& rules) {
  if (auto issue = check_input(text, {64})) return Result::invalid(std::move(*issue));
  const std::string_view s = trim(text);
  if (s.empty()) return Result::invalid("input.empty");
  if (auto iso = parse_iso_datetime(s)) return check_datetime(*iso, rules);
  const auto split = s.find_first_of(" T");
  if (split == std::string_view::npos) return Result::invalid("datetime.format");
  const std::string_view time = trim(s.substr(split + 1));

  DateTime t;
  switch (parse_date_shape(s.substr(0, split), t.date)) {
    case Shape::format: return Result::invalid("datetime.format");
    case Shape::invalid: return Result::invalid("date.invalid");
    case Shape::ok: break;
  }
  const bool hh_mm = time.size() == 5 && time[2] == ':';
  const bool h_mm = time.size() == 4 && time[1] == ':';
  if (!hh_mm && !h_mm) return Result::invalid("datetime.format");
  const std::size_t colon = hh_mm ? 2 : 1;
  for (std::size_t i = 0; i < time.size(); ++i) {
    if (i != colon && (time[i] < '0' || time[i] > '9')) return Result::invalid("datetime.format");
  }
  t.hour = std::stoi(std::string(time.substr(0, colon)));
  t.minute = std::stoi(std::string(time.substr(colon + 1)));
  if (t.hour > 23 || t.minute > 59) return Result::invalid("datetime.time");
  return check_datetime(t, rules);
}

std::optional<DateTime> parse(std::string_view text) {
  const Result r = validate(text);
  if (!r.ok()) return std::nullopt;
  return parse_iso_datetime(r.value);
}

}  // namespace datetime

}  // namespace support::forms
