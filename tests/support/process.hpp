// Runs a command line through the shell with given standard input, and
// collects its exit code and output. For tests of the command-line tools.
#pragma once

#include <string>

namespace support::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Quotes one argument for /bin/sh.
std::string shell_quote(const std::string& arg);

ProcessResult run_command(const std::string& command_line, const std::string& stdin_data = "");

// A fresh temporary directory for one test binary, removed at exit.
std::string temp_dir();
std::string write_temp_file(const std::string& name, const std::string& content);

}  // namespace support::test
