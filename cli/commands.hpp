// supportctl commands; each returns the process exit code.
#pragma once

#include "cli/app.hpp"

namespace support::cli {

int run_validate(const App& app);        // validate KIND [VALUE]
int run_password(const App& app);        // password [VALUE]
int run_validate_form(const App& app);   // validate-form SCHEMA FORM.json
int run_sniff(const App& app);           // sniff FILE [--name NAME] [--schema SCHEMA] [--mime MIME]
int run_match(const App& app);           // match [TEXT]
int run_eval(const App& app);            // eval FILE.tsv
int run_chat(const App& app);            // chat: a conversation from standard input

}  // namespace support::cli
