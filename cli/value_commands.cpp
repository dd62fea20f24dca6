// validate and password: one value from the command line, or one per line
// from standard input (batch mode, exit 0 unless the usage is wrong).
#include <string>

#include "cli/commands.hpp"

namespace support::cli {

namespace {

// Runs `check` on the argument, or on every input line in batch mode.
template <class Check>
int for_each_value(const App& app, std::size_t value_index, Check&& check) {
  if (app.args.positional.size() > value_index + 1) return usage_error("too many arguments");
  if (app.args.positional.size() == value_index + 1) return check(app.args.positional[value_index]) ? kValid : kInvalid;
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    check(line);
  }
  std::cout.flush();
  return kValid;
}

}  // namespace

int run_validate(const App& app) {
  if (app.args.positional.size() < 2) return usage_error("validate needs a KIND");
  const std::string& kind = app.args.positional[1];
  if (!app.core->validate(kind, "", app.context())) return usage_error("unknown kind '" + kind + "'");
  return for_each_value(app, 2, [&](const std::string& value) {
    const auto out = *app.core->validate(kind, value, app.context());
    std::cout << out.json << '\n';
    return out.valid;
  });
}

int run_password(const App& app) {
  // The person's own data, which a password must not contain.
  forms::password::UserInfo user;
  if (const auto* v = app.args.option("user-name")) user.full_name = *v;
  if (const auto* v = app.args.option("user-birth-date")) user.birth_date = *v;
  if (const auto* v = app.args.option("user-phone")) user.phone = *v;
  if (const auto* v = app.args.option("user-email")) user.email = *v;
  return for_each_value(app, 1, [&](const std::string& value) {
    const Json out = app.core->password(value, user, app.context());
    print_json(out);
    return out["valid"].get<bool>();
  });
}

int run_format(const App& app) {
  const auto& p = app.args.positional;
  if (p.size() < 2 || p.size() > 3) return usage_error("format needs KEY [PARAMS.json]");
  const Json out = app.core->format(p[1], p.size() == 3 ? p[2] : "", {app.display_locale(), app.now});
  print_json(out);
  return out.contains("error") ? kInvalid : kValid;
}

}  // namespace support::cli
