// validate and password: one value from the command line, or one per line
// from standard input (batch mode, exit 0 unless the usage is wrong).
#include <string>

#include "cli/commands.hpp"
#include "forms/kinds.hpp"
#include "forms/phone.hpp"

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

Json string_list(const std::vector<std::string>& items) {
  Json out = Json::array();
  for (const auto& s : items) out.push_back(s);
  return out;
}

// The display form; a phone extension is worded per locale ("доб." / "ext.").
std::string display(const App& app, const std::string& kind, const forms::KindCheck& check) {
  if (kind != "phone") return check.formatted;
  const auto number = forms::phone::split(check.result.value);
  if (number.extension.empty()) return check.formatted;
  return app.messages.format(app.display_locale(), "format.phone_extension",
                             {{"number", check.formatted}, {"extension", number.extension}});
}

}  // namespace

int run_validate(const App& app) {
  if (app.args.positional.size() < 2) return usage_error("validate needs a KIND");
  const std::string& kind = app.args.positional[1];
  if (!forms::check_kind(kind, "")) return usage_error("unknown kind '" + kind + "'");
  const forms::KindContext context{app.today()};
  return for_each_value(app, 2, [&](const std::string& value) {
    const auto check = *forms::check_kind(kind, value, context);
    const auto& r = check.result;
    Json out{{"kind", kind}, {"input", value}, {"valid", r.ok()}};
    out["value"] = r.ok() ? Json(r.value) : Json();
    out["formatted"] = r.ok() ? Json(display(app, kind, check)) : Json();
    out["error"] = r.ok() ? Json() : Json(r.issue->code);
    app.describe(out, r.ok() ? nullptr : &*r.issue);
    print_json(out);
    return r.ok();
  });
}

int run_password(const App& app) {
  return for_each_value(app, 1, [&](const std::string& value) {
    const auto check = app.forms.passwords.check(value);
    Json errors = Json::array();
    for (const auto& e : check.errors) errors.push_back(e.code);
    Json out{{"valid", check.valid}, {"score", check.score}, {"errors", errors},
             {"warnings", string_list(check.warnings)}};
    if (app.locale) {
      // Errors first, then advice; each with its fix.
      Json messages = Json::array();
      auto add = [&](const forms::Issue& issue) {
        Json m{{"code", issue.code}};
        app.describe(m, &issue);
        messages.push_back(std::move(m));
      };
      for (const auto& e : check.errors) add(e);
      for (const auto& w : check.warnings) add({w, {}});
      out["strength"] = app.messages.format(*app.locale, "ui.password.strength." + std::to_string(check.score));
      out["messages"] = std::move(messages);
    }
    print_json(out);
    return check.valid;
  });
}

}  // namespace support::cli
