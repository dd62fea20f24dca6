// cpp-httplib (0.11, Debian's) gives each connection a worker thread from
// accept to close, and bounds only each single read: a client that sends one
// header line every few seconds holds its worker for ever, and a few such
// clients stall the server. GatedServer keeps connections in one poll thread
// (the gate) until a whole request head has arrived, within a deadline; only
// then does a worker run the request (cpp-httplib's own parsing and routing),
// and between keep-alive requests the connection goes back to the gate.
// Connections per client address and in total are limited at accept.
#pragma once

#include <httplib.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace support::server {

struct GateOptions {
  std::size_t workers = 8;
  std::chrono::milliseconds head_timeout{10000};      // a whole request head, from accept or from the previous answer
  std::chrono::milliseconds request_timeout{300000};  // reading one request, head to last body byte
  std::chrono::milliseconds read_timeout{10000}, write_timeout{10000};  // each read and write
  std::chrono::milliseconds linger{3};                 // a worker waits this long for the next keep-alive head
  std::size_t keep_alive_max = 1000;                   // requests per connection
  std::size_t max_per_address = 32;                    // open connections per client address
  std::size_t max_connections = 900;                   // in all (below select()'s FD_SETSIZE)
  std::size_t max_head_bytes = 64 * 1024;
  std::function<bool(const std::string& address)> unlimited;  // e.g. the trusted proxies: no per-address limit
  // Whole HTTP answers written as they are: connection refused for a limit, head too slow, head too large.
  std::string busy_response, timeout_response, too_large_response;
};

class GatedServer : public httplib::Server {
 public:
  explicit GatedServer(GateOptions options);
  ~GatedServer() override;

  // Call after listen_after_bind() returns: closes waiting connections and joins the threads.
  void shutdown_gate();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;

  // Called by cpp-httplib's accept loop for each new connection: hands it to the gate.
  bool process_and_close_socket(socket_t sock) override;
  // One request on a stream whose head is complete (cpp-httplib's parsing and routing).
  bool serve_one(httplib::Stream& stream, bool close_connection, bool& connection_closed);
};

// "HTTP/1.1 <status> <reason>" with a problem+json body, Connection: close.
std::string closing_response(int status, const char* reason, const std::string& problem_body, int retry_after_seconds = 0);

}  // namespace support::server
