// The reference portal API over HTTP (cpp-httplib): creating support requests
// with idempotent retries, reading their status with an access token, and
// problem+json for every error. Validation, file checks, packaging, priority
// and deadlines all come from the same core the widget runs.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "chat/knowledge_base.hpp"
#include "common/work_calendar.hpp"
#include "server/request_store.hpp"
#include "server/static_site.hpp"
#include "forms/forms_config.hpp"
#include "i18n/messages.hpp"

namespace httplib {
class Server;
struct Request;
struct Response;
class ContentReader;
}  // namespace httplib

namespace support::server {

struct Core {
  forms::FormsConfig forms;
  i18n::Messages messages;
  chat::KnowledgeBase kb;  // urgent topics, deadlines
  WorkCalendar calendar;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  std::string database = "support-demo.db";
  std::string secret;           // HMAC key for access tokens
  std::string previous_secret;  // the key before a rotation: its tokens still verify (empty: none)
  std::int64_t token_ttl_seconds = 90 * 24 * 3600;  // a token works this long after its request was created
  std::vector<std::string> cors_origins;
  std::int64_t demo_step_seconds = 0;  // > 0: requests move through the statuses over time
  double rate_per_minute = 120, rate_burst = 60;
  std::size_t max_body_bytes = 25 * 1024 * 1024;
  int threads = 8;                 // workers; connections wait for a whole head without one
  int head_timeout_seconds = 10;   // a whole request head must arrive within this
  std::size_t max_connections_per_address = 32;  // trusted proxies: no limit
  std::vector<std::string> trusted_proxies;      // peers whose X-Forwarded-For is believed
  Durability durability = Durability::normal;
  std::int64_t idempotency_ttl_seconds = RequestStore::kDefaultKeyTtl;  // how long a key is remembered
  bool log = true;
  std::vector<WebMount> web_roots;  // static files (the built widget, pages) served beside the API
};

class ApiServer {
 public:
  ApiServer(ServerOptions options, const Core& core);
  ~ApiServer();

  // Binds, prints "listening on http://HOST:PORT" and serves until stop().
  bool run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace support::server
