// Dates and date-times typed into forms. Real calendar dates only, and the
// caller states the allowed range (today comes from the caller: no clock here).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/calendar.hpp"
#include "forms/issue.hpp"

namespace support::forms::date {

struct Rules {
  std::optional<Date> not_before;  // e.g. 1900-01-01 for birth dates
  std::optional<Date> not_after;   // e.g. today for "not in the future"
};

// Accepts DD.MM.YYYY (also with / or -, one-digit day and month) and
// YYYY-MM-DD. Value: "YYYY-MM-DD". Codes: input.*, date.format,
// date.invalid, date.too_early {min}, date.future {max}.
Result validate(std::string_view text, const Rules& rules = {});
bool is_valid(std::string_view text, const Rules& rules = {});
std::optional<Date> parse(std::string_view text);
// Display form "DD.MM.YYYY".
std::string format(std::string_view text);

}  // namespace support::forms::date

namespace support::forms::datetime {

struct Rules {
  std::optional<Date> not_before;
  std::optional<DateTime> not_after;  // "now" in Moscow time
};

// A date as above, then a space (or "T") and HH:MM (Moscow time).
// Value: "YYYY-MM-DDTHH:MM:00+03:00". Codes: input.*, datetime.format,
// date.invalid, datetime.time, date.too_early {min}, datetime.future {max}.
Result validate(std::string_view text, const Rules& rules = {});
std::optional<DateTime> parse(std::string_view text);

}  // namespace support::forms::datetime
