// What every supportctl command needs: the facade over the bundled data, the
// options, the current time (the CLI is the I/O layer: it reads the clock and
// files) and JSON output, one object per line.
#pragma once

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/args.hpp"
#include "common/calendar.hpp"
#include "facade/facade.hpp"

namespace support::cli {

using Json = facade::Json;

enum ExitCode { kValid = 0, kInvalid = 1, kUsage = 2 };

struct App {
  Args args;
  std::unique_ptr<facade::Facade> core;
  support::DateTime now;               // Moscow time: from --now, else the system clock
  std::optional<std::string> locale;   // --locale: results then carry "message" and "hint"

  const std::string& display_locale() const { return locale ? *locale : core->messages().default_locale(); }
  // The facade's context: texts only with --locale, as before the facade existed.
  facade::CallContext context() const { return {locale.value_or(""), now}; }
};

// One JSON object per line; invalid UTF-8 in strings becomes U+FFFD.
void print_json(const Json& j, std::ostream& out = std::cout);

int usage_error(const std::string& message);

// Reads a whole file; nullopt (and `error`) when it is missing, not a regular
// file, or larger than max_bytes.
std::optional<std::string> read_file(const std::string& path, std::size_t max_bytes, std::string& error);

// The first max_bytes of a regular file (enough to tell its type).
std::optional<std::string> read_prefix(const std::string& path, std::size_t max_bytes, std::string& error);

// A bundled schema by id ("feedback"), or a schema file by path.
std::optional<forms::FormSchema> find_schema(const App& app, const std::string& name, std::string& error);

}  // namespace support::cli
