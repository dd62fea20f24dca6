#include "cli/args.hpp"

namespace support::cli {

const std::string* Args::option(const std::string& name) const {
  const auto it = options.find(name);
  return it == options.end() ? nullptr : &it->second;
}

std::optional<Args> Args::parse(int argc, char** argv, const std::set<std::string>& value_options,
                                std::string& error) {
  Args args;
  bool options_done = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (!options_done && a == "--") {
      options_done = true;
    } else if (!options_done && a.size() > 2 && a.compare(0, 2, "--") == 0) {
      const std::string name = a.substr(2);
      if (value_options.count(name) == 0) {
        error = "unknown option " + a;
        return std::nullopt;
      }
      if (i + 1 >= argc) {
        error = "option " + a + " needs a value";
        return std::nullopt;
      }
      args.options[name] = argv[++i];
    } else {
      args.positional.push_back(a);
    }
  }
  return args;
}

}  // namespace support::cli
