// A bare TCP connection to a loopback server, for tests that behave the way
// no HTTP library would: sending a request head a line at a time, or holding
// a connection open without a word.
#pragma once

#include <string>

namespace support::test {

class RawConnection {
 public:
  // Connects to 127.0.0.1:port from `source` (any 127.x.y.z address); throws on failure.
  explicit RawConnection(int port, const std::string& source = "127.0.0.1");
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool send(const std::string& bytes);  // false when the peer has gone
  void finish_sending();                // shutdown(SHUT_WR): the server reads the end
  // What arrives within `timeout_ms` (until the peer closes or a pause of that length).
  std::string receive(int timeout_ms);
  // True while the server keeps the connection: nothing to read and not closed.
  bool open_and_quiet();
  // True when the server has closed (or reset) the connection within `timeout_ms`.
  bool closed_within(int timeout_ms);

 private:
  int fd_ = -1;
  bool eof_ = false;
};

}  // namespace support::test
