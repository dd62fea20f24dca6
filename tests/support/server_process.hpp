// The real API server as a child process on a loopback port, for integration
// tests: started with options, its log captured, stopped or killed.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace support::test {

class ServerProcess {
 public:
  // Starts SUPPORT_API_PATH with --host 127.0.0.1 --port 0 --db DB and `options`.
  ServerProcess(const std::string& db, const std::vector<std::string>& options = {});
  ~ServerProcess();

  int port() const { return port_; }
  const std::string& db() const { return db_; }
  std::string log() const;  // what it printed so far
  void terminate();         // SIGTERM and wait
  void kill_hard();         // SIGKILL and wait: no chance to flush anything

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string db_, log_path_;
};

// The first column of every row `sql` selects from a server's database, read-only.
std::vector<std::string> query_column(const std::string& db, const std::string& sql);

// Rows in the requests table of a server's database.
long long count_requests(const std::string& db);

}  // namespace support::test
