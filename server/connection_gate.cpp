#include "server/connection_gate.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace support::server {

namespace {

using Clock = std::chrono::steady_clock;

struct Connection {
  int fd = -1;
  std::string address;  // the peer's, for the per-address count and req.remote_addr
  int port = 0;
  std::string local_address;
  int local_port = 0;
  std::string buffer;        // bytes read and not yet consumed by a request
  std::size_t consumed = 0;  // of buffer
  std::size_t scanned = 0;   // bytes of buffer searched for the head's end while it trickles in
  std::size_t served = 0;    // requests answered on this connection
  Clock::time_point deadline;

  bool has_whole_head() {
    const std::size_t from = std::max(consumed, scanned >= 3 ? scanned - 3 : 0);
    scanned = buffer.size();
    return buffer.find("\r\n\r\n", from) != std::string::npos;
  }
  // After a request: drops what it consumed; what is left (a pipelined request) is searched afresh.
  void compact() {
    buffer.erase(0, consumed);
    consumed = scanned = 0;
  }
};

void address_of(const sockaddr_storage& a, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (a.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(a);
    inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    port = ntohs(v4.sin_port);
  } else if (a.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(a);
    inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    port = ntohs(v6.sin6_port);
  }
  ip = text;
}

int millis_until(Clock::time_point t) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(ms, 0, 3600 * 1000));
}

bool wait_for(int fd, short events, int timeout_ms) {
  pollfd p{fd, events, 0};
  int r;
  do {
    r = ::poll(&p, 1, timeout_ms);
  } while (r < 0 && errno == EINTR);
  return r > 0;
}

// Best effort, never blocking: the peer gets the answer if its window allows.
void send_and_forget(int fd, const std::string& bytes) {
  if (!bytes.empty()) (void)::send(fd, bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
}

// cpp-httplib's view of a connection whose head is in the buffer: reads come
// from the buffer first, then from the socket, each within the read timeout
// and all within the request's deadline.
class GateStream : public httplib::Stream {
 public:
  GateStream(Connection& c, const GateOptions& o, Clock::time_point deadline) : c_(c), o_(o), deadline_(deadline) {}

  bool is_readable() const override {
    return c_.consumed < c_.buffer.size() || wait_for(c_.fd, POLLIN, read_wait());
  }
  bool is_writable() const override { return wait_for(c_.fd, POLLOUT, static_cast<int>(o_.write_timeout.count())); }

  ssize_t read(char* ptr, size_t size) override {
    if (c_.consumed == c_.buffer.size()) {
      c_.buffer.clear();
      c_.consumed = c_.scanned = 0;
      if (!wait_for(c_.fd, POLLIN, read_wait())) return -1;
      char chunk[16 * 1024];
      const ssize_t n = ::recv(c_.fd, chunk, sizeof chunk, 0);
      if (n <= 0) return n;
      c_.buffer.assign(chunk, static_cast<std::size_t>(n));
    }
    const std::size_t n = std::min(size, c_.buffer.size() - c_.consumed);
    std::memcpy(ptr, c_.buffer.data() + c_.consumed, n);
    c_.consumed += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    return ::send(c_.fd, ptr, size, MSG_NOSIGNAL);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = c_.address;
    port = c_.port;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = c_.local_address;
    port = c_.local_port;
  }
  socket_t socket() const override { return c_.fd; }

 private:
  Connection& c_;
  const GateOptions& o_;
  Clock::time_point deadline_;

  int read_wait() const { return std::min(static_cast<int>(o_.read_timeout.count()), millis_until(deadline_)); }
};

// Runs whatever it is given at once: the accept loop's task only hands the
// socket to the gate, which never blocks.
struct InlineQueue : httplib::TaskQueue {
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {}
};

}  // namespace

struct GatedServer::Impl {
  GatedServer& server;
  GateOptions options;
  int wake = -1;  // eventfd: new connections for the gate, or stop

  std::mutex mutex;  // guards everything below
  bool stopping = false;
  std::vector<std::unique_ptr<Connection>> arriving;  // for the gate
  std::deque<std::unique_ptr<Connection>> ready;      // heads complete, for the workers
  std::condition_variable work;
  std::map<std::string, std::size_t> per_address;
  std::size_t open = 0;

  std::thread gate;
  std::vector<std::thread> workers;

  Impl(GatedServer& s, GateOptions o) : server(s), options(std::move(o)), wake(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
    gate = std::thread([this] { run_gate(); });
    for (std::size_t i = 0; i < std::max<std::size_t>(1, options.workers); ++i) workers.emplace_back([this] { run_worker(); });
  }

  void notify_gate() {
    const std::uint64_t one = 1;
    (void)!::write(wake, &one, sizeof one);
  }

  void close_connection(std::unique_ptr<Connection> c) {
    ::shutdown(c->fd, SHUT_RDWR);
    ::close(c->fd);
    std::lock_guard<std::mutex> lock(mutex);
    --open;
    const auto it = per_address.find(c->address);
    if (it != per_address.end() && --it->second == 0) per_address.erase(it);
  }

  void to_gate(std::unique_ptr<Connection> c) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      arriving.push_back(std::move(c));
    }
    notify_gate();
  }

  void to_workers(std::unique_ptr<Connection> c) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      ready.push_back(std::move(c));
    }
    work.notify_one();
  }

  // Accept-time checks; false: refused and closed.
  bool admit(int fd, Connection& c) {
    sockaddr_storage peer{}, local{};
    socklen_t peer_size = sizeof peer, local_size = sizeof local;
    getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size);
    getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size);
    address_of(peer, c.address, c.port);
    address_of(local, c.local_address, c.local_port);
    const bool unlimited = options.unlimited && options.unlimited(c.address);
    std::lock_guard<std::mutex> lock(mutex);
    std::size_t& mine = per_address[c.address];
    if (stopping || open >= options.max_connections || (!unlimited && mine >= options.max_per_address)) {
      if (mine == 0) per_address.erase(c.address);
      return false;
    }
    ++mine;
    ++open;
    return true;
  }

  void run_gate() {
    std::vector<std::unique_ptr<Connection>> waiting;
    std::vector<pollfd> polled;
    for (;;) {
      {
        std::lock_guard<std::mutex> lock(mutex);
        if (stopping) break;
        for (auto& c : arriving) waiting.push_back(std::move(c));
        arriving.clear();
      }
      polled.assign(1, pollfd{wake, POLLIN, 0});
      auto next = Clock::now() + std::chrono::seconds(1);
      for (const auto& c : waiting) {
        polled.push_back(pollfd{c->fd, POLLIN, 0});
        next = std::min(next, c->deadline);
      }
      const int r = ::poll(polled.data(), polled.size(), millis_until(next));
      if (r < 0 && errno != EINTR) break;
      if (polled[0].revents) {
        std::uint64_t count;
        (void)!::read(wake, &count, sizeof count);
      }
      const auto now = Clock::now();
      std::vector<std::unique_ptr<Connection>> still;
      for (std::size_t i = 0; i < waiting.size(); ++i) {
        auto& c = waiting[i];
        if (polled[i + 1].revents) {
          char chunk[16 * 1024];
          const ssize_t n = ::recv(c->fd, chunk, sizeof chunk, MSG_DONTWAIT);
          if (n == 0 && c->buffer.size() > c->consumed) {
            to_workers(std::move(c));  // a head cut short by the client's end: cpp-httplib answers 400 as it always did
            continue;
          }
          if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            close_connection(std::move(c));
            continue;
          }
          if (n > 0) c->buffer.append(chunk, static_cast<std::size_t>(n));
          if (c->has_whole_head()) {
            to_workers(std::move(c));
            continue;
          }
          if (c->buffer.size() - c->consumed > options.max_head_bytes) {
            send_and_forget(c->fd, options.too_large_response);
            close_connection(std::move(c));
            continue;
          }
        }
        if (now >= c->deadline) {
          // A keep-alive connection idle since its last answer just closes; a head begun and not finished gets 408.
          if (c->buffer.size() > c->consumed) send_and_forget(c->fd, options.timeout_response);
          close_connection(std::move(c));
          continue;
        }
        still.push_back(std::move(c));
      }
      waiting = std::move(still);
    }
    for (auto& c : waiting) close_connection(std::move(c));
  }

  void run_worker() {
    for (;;) {
      std::unique_ptr<Connection> c;
      {
        std::unique_lock<std::mutex> lock(mutex);
        work.wait(lock, [&] { return stopping || !ready.empty(); });
        if (ready.empty()) return;  // stopping, nothing left
        c = std::move(ready.front());
        ready.pop_front();
      }
      serve(std::move(c));
    }
  }

  // A client on keep-alive usually sends its next request at once: waiting a
  // moment for it saves the round trip through the gate (two thread
  // switches). The wait is short and bounded, so a slow client holds no worker.
  enum class Linger { head, none, gone };
  Linger linger_for_next_head(Connection& c) {
    const auto until = Clock::now() + options.linger;
    while (Clock::now() < until) {
      if (!wait_for(c.fd, POLLIN, std::max(1, millis_until(until)))) return Linger::none;
      char chunk[16 * 1024];
      const ssize_t n = ::recv(c.fd, chunk, sizeof chunk, MSG_DONTWAIT);
      if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) return Linger::gone;
      if (n > 0) c.buffer.append(chunk, static_cast<std::size_t>(n));
      if (c.has_whole_head()) return Linger::head;
    }
    return Linger::none;
  }

  // Requests while their heads are already here (pipelining), then back to the gate.
  void serve(std::unique_ptr<Connection> c) {
    for (;;) {
      bool last;
      {
        std::lock_guard<std::mutex> lock(mutex);
        last = stopping || ++c->served >= options.keep_alive_max;
      }
      bool closed = false;
      GateStream stream(*c, options, Clock::now() + options.request_timeout);
      const bool ok = server.serve_one(stream, last, closed);
      if (!ok || closed || last) return close_connection(std::move(c));
      c->compact();
      if (c->has_whole_head()) continue;
      const Linger next = linger_for_next_head(*c);
      if (next == Linger::head) continue;
      if (next == Linger::gone) return close_connection(std::move(c));
      c->deadline = Clock::now() + options.head_timeout;
      return to_gate(std::move(c));
    }
  }

  void shutdown() {
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (stopping) return;
      stopping = true;
    }
    notify_gate();
    work.notify_all();
    if (gate.joinable()) gate.join();
    for (auto& w : workers) {
      if (w.joinable()) w.join();
    }
    for (auto& c : arriving) close_connection(std::move(c));
    arriving.clear();
    for (auto& c : ready) close_connection(std::move(c));
    ready.clear();
    ::close(wake);
  }
};

GatedServer::GatedServer(GateOptions options) : impl_(std::make_unique<Impl>(*this, std::move(options))) {
  new_task_queue = [] { return new InlineQueue; };
  set_keep_alive_max_count(impl_->options.keep_alive_max);
}

GatedServer::~GatedServer() { shutdown_gate(); }

void GatedServer::shutdown_gate() { impl_->shutdown(); }

bool GatedServer::process_and_close_socket(socket_t sock) {
  auto c = std::make_unique<Connection>();
  c->fd = sock;
  if (!impl_->admit(sock, *c)) {
    send_and_forget(sock, impl_->options.busy_response);
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return false;
  }
  const int on = 1;
  setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);  // headers and body go out in separate writes
  c->deadline = Clock::now() + impl_->options.head_timeout;
  impl_->to_gate(std::move(c));
  return true;
}

bool GatedServer::serve_one(httplib::Stream& stream, bool close_connection, bool& connection_closed) {
  return process_request(stream, close_connection, connection_closed, nullptr);
}

std::string closing_response(int status, const char* reason, const std::string& problem_body, int retry_after_seconds) {
  std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n";
  if (retry_after_seconds > 0) head += "Retry-After: " + std::to_string(retry_after_seconds) + "\r\n";
  return head + "Content-Type: application/problem+json\r\nConnection: close\r\nContent-Length: " +
         std::to_string(problem_body.size()) + "\r\n\r\n" + problem_body;
}

}  // namespace support::server
