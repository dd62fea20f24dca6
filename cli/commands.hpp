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
int run_package(const App& app);         // package SCHEMA FORM.json [--client F] [--attachments F]
int run_email(const App& app);           // email SCHEMA FORM.json [--number N]
int run_format(const App& app);          // format KEY [PARAMS.json]

}  // namespace support::cli
