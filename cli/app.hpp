// What every supportctl command needs: the loaded configuration, the options,
// the current time (the CLI is the I/O layer: it reads the clock and files),
// and JSON output that never fails on invalid UTF-8 in echoed input.
#pragma once

#include <iostream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/args.hpp"
#include "common/calendar.hpp"
#include "forms/forms_config.hpp"
#include "forms/issue.hpp"
#include "i18n/messages.hpp"

namespace support::cli {

using Json = nlohmann::ordered_json;

enum ExitCode { kValid = 0, kInvalid = 1, kUsage = 2 };

struct App {
  Args args;
  forms::FormsConfig forms;
  i18n::Messages messages;
  support::DateTime now;               // Moscow time: from --now, else the system clock
  std::optional<std::string> locale;   // --locale: results then carry "message" and "hint"

  support::Date today() const { return now.date; }
  const std::string& display_locale() const { return locale ? *locale : messages.default_locale(); }

  // With --locale, sets "message" and "hint" of `out` from `issue` (null when valid).
  void describe(Json& out, const forms::Issue* issue) const;
};

// One JSON object per line; invalid UTF-8 in strings becomes U+FFFD.
void print_json(const Json& j, std::ostream& out = std::cout);

// {"code":…, "key":…, "params":{…}}
Json issue_json(const forms::Issue& issue);

int usage_error(const std::string& message);

// Reads a whole file; nullopt (and `error`) when it is missing, not a regular
// file, or larger than max_bytes.
std::optional<std::string> read_file(const std::string& path, std::size_t max_bytes, std::string& error);

// The first max_bytes of a regular file (enough to tell its type).
std::optional<std::string> read_prefix(const std::string& path, std::size_t max_bytes, std::string& error);

}  // namespace support::cli
