// The API server's request parsing end to end: the real server (the core,
// SQLite in a temporary directory) on a loopback port, fed one HTTP request
// per input. The first byte chooses what the rest is:
//   0: the multipart body of POST /api/v1/support/requests (boundary "fuzz"),
//   1: a request number, NUL, an access token for GET .../requests/{number},
//   2: raw bytes of a whole HTTP request.
// Any answer is fine except none and 500: hostile input must get a 4xx with
// the field, never an internal error (issue 9, fault 3).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "bundle/bundled_files.hpp"
#include "server/api_server.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/support/bundled.hpp"
#include "tests/support/chat_fixture.hpp"

using namespace support;

namespace {

int free_loopback_port() {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    throw std::runtime_error("no free loopback port");
  }
  ::close(s);
  return ntohs(a.sin_port);
}

struct RunningServer {
  server::Core core;
  std::unique_ptr<server::ApiServer> api;
  std::thread thread;
  int port = 0;

  RunningServer()
      : core{test::forms_config(), test::messages(), test::knowledge_base(),
             [] {
               auto c = WorkCalendar::load(*bundle::file("common/data/work_calendar.json"));
               if (!c) throw std::runtime_error(c.error);
               return std::move(*c.value);
             }()} {
    char dir[] = "/tmp/fuzz-server-XXXXXX";
    if (!::mkdtemp(dir)) throw std::runtime_error("mkdtemp");
    server::ServerOptions o;
    o.port = port = free_loopback_port();
    o.database = std::string(dir) + "/fuzz.db";
    o.secret = std::string(32, 'k');
    o.cors_origins = {"https://www.gosuslugi.ru"};
    o.rate_per_minute = 0;  // off: one client sends every input
    o.log = false;
    api = std::make_unique<server::ApiServer>(o, core);
    thread = std::thread([this] { api->run(); });
    for (int i = 0; i < 200 && exchange("GET /api/v1/health HTTP/1.1\r\nHost: f\r\nConnection: close\r\n\r\n").empty(); ++i) {
      ::usleep(20000);
    }
  }

  // Sends the bytes, half-closes, reads the answer until the server closes.
  std::string exchange(const std::string& request) const {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    timeval timeout{30, 0};
    ::setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    std::string answer;
    if (::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) {
      for (std::size_t sent = 0; sent < request.size();) {
        const ssize_t n = ::send(s, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
      }
      ::shutdown(s, SHUT_WR);
      char buf[4096];
      for (ssize_t n; (n = ::recv(s, buf, sizeof buf, 0)) > 0;) answer.append(buf, static_cast<std::size_t>(n));
    }
    ::close(s);
    return answer;
  }
};

const RunningServer& running() {
  static const RunningServer* s = new RunningServer();  // lives until exit: its thread serves every input
  return *s;
}

std::string next_uuid() {
  static unsigned long long n = 0;
  char buf[40];
  std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%012llx", ++n);
  return buf;
}

std::string create_request(std::string_view body) {
  return "POST /api/v1/support/requests HTTP/1.1\r\nHost: f\r\nConnection: close\r\n"
         "Origin: https://www.gosuslugi.ru\r\nAccept-Language: en\r\n"
         "Content-Type: multipart/form-data; boundary=fuzz\r\nIdempotency-Key: " +
         next_uuid() + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

std::string status_request(std::string_view number, std::string_view token) {
  return "GET /api/v1/support/requests/" + std::string(number) + " HTTP/1.1\r\nHost: f\r\nConnection: close\r\n" +
         "Authorization: Bearer " + std::string(token) + "\r\n\r\n";
}

}  // namespace

// The fixtures are built before fuzzing starts, so the time limit goes to inputs.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)running();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest = fuzz::whole(data + 1, size - 1);
  std::string request;
  switch (data[0] % 3) {
    case 0: request = create_request(rest); break;
    case 1: {
      const auto p = fuzz::parts(data + 1, size - 1, 2);
      request = status_request(p[0], p[1]);
      break;
    }
    default: request = std::string(rest);
  }
  const std::string answer = running().exchange(request);
  if (data[0] % 3 != 2) FUZZ_CHECK(answer.rfind("HTTP/1.1 ", 0) == 0);
  if (answer.rfind("HTTP/1.1 500", 0) == 0) {
    std::fprintf(stderr, "500 answer:\n%.2000s\n", answer.c_str());
    std::abort();
  }
  return 0;
}
