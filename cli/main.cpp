// supportctl: the support core on the command line, for scripts, evaluation
// and benchmarks. Reads files and the clock (the core does neither) and
// prints one JSON object per result.
#include <ctime>
#include <iostream>

#include "bundle/bundled_files.hpp"
#include "cli/commands.hpp"

namespace {

constexpr const char* kUsageText = R"(usage: supportctl COMMAND [ARGS] [OPTIONS]

  validate KIND [VALUE]        check one value (or one per line from stdin)
                               KIND: snils inn inn10 inn12 ogrn ogrnip passport
                                     phone email name date birth_date datetime
  password [VALUE]             policy and strength of a password (or one per line)
        [--user-name N] [--user-birth-date D] [--user-phone P] [--user-email E]
  validate-form SCHEMA FORM    check a whole form (SCHEMA: bundled id or file)
  sniff FILE                   check an attachment by its content
        [--name NAME] [--mime MIME] [--schema SCHEMA]
  match [TEXT]                 rank knowledge-base topics for a message
                               (without TEXT: lines "locale<TAB>text" from stdin)
  eval FILE.tsv                accuracy and latency on a labelled set
                               (columns topic, locale, query; --verbose 1 lists misses)
  chat                         a conversation: one message per line from stdin,
                               "/ACTION" presses a button (e.g. /helped:no);
                               --state 1 prints the final state
  package SCHEMA FORM          the request for the portal API from a valid form
        [--client CLIENT.json] [--attachments FACTS.json]
  email SCHEMA FORM [--number N]   the e-mail for when the API cannot be reached
  format KEY [PARAMS]          one catalog message (PARAMS: a JSON object)
  help                         this text

options: --now YYYY-MM-DDTHH:MM (Moscow time; default: the system clock)
         --locale ru|en  add the error's text ("message") and how to fix it ("hint")
exit codes: 0 valid, 1 invalid, 2 usage error (batch mode: 0 unless usage error)
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace support;
  using namespace support::cli;

  std::string error;
  auto args = Args::parse(argc, argv, {"name", "mime", "schema", "now", "locale", "verbose", "state", "client", "attachments", "number",
                                           "user-name", "user-birth-date", "user-phone", "user-email"}, error);
  if (!args) return usage_error(error);
  if (args->positional.empty() || args->positional[0] == "help") {
    (args->positional.empty() ? std::cerr : std::cout) << kUsageText;
    return args->positional.empty() ? kUsage : kValid;
  }

  // The knowledge base takes most of the start-up: only the commands that use it load it.
  const std::string command = args->positional[0];
  const bool needs_chat = command == "match" || command == "eval" || command == "chat" || command == "package" || command == "email";
  std::string load_error;
  auto core = facade::Facade::load(bundle::all_files(), load_error, needs_chat);
  if (!core) {
    std::cerr << "supportctl: bundled data is invalid: " << load_error << '\n';
    return kUsage;
  }
  App app{std::move(*args), std::move(core), support::moscow_from_unix(std::time(nullptr)), std::nullopt};
  if (const std::string* locale = app.args.option("locale")) {
    if (!app.core->messages().catalog(*locale)) return usage_error("--locale expects one of: ru, en");
    app.locale = *locale;
  }
  if (const std::string* now = app.args.option("now")) {
    const auto parsed = support::parse_iso_datetime(*now);
    if (!parsed) return usage_error("--now expects YYYY-MM-DDTHH:MM");
    app.now = *parsed;
  }

  if (command == "validate") return run_validate(app);
  if (command == "password") return run_password(app);
  if (command == "validate-form") return run_validate_form(app);
  if (command == "sniff") return run_sniff(app);
  if (command == "match") return run_match(app);
  if (command == "eval") return run_eval(app);
  if (command == "chat") return run_chat(app);
  if (command == "package") return run_package(app);
  if (command == "email") return run_email(app);
  if (command == "format") return run_format(app);
  return usage_error("unknown command '" + command + "'");
}
