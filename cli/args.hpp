// Command-line arguments: positionals and "--name value" options in any
// order; "--" ends the options (for values that start with a dash).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace support::cli {

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;

  const std::string* option(const std::string& name) const;

  // nullopt and `error` set for an unknown option or a missing value.
  static std::optional<Args> parse(int argc, char** argv, const std::set<std::string>& value_options,
                                   std::string& error);
};

}  // namespace support::cli
