// support-api: the reference portal API server. Serves the support request
// API on loopback by default, stores requests in SQLite next to it.
#include <sys/stat.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "bundle/bundled_files.hpp"
#include "server/api_server.hpp"
#include "server/crypto.hpp"
#include "server/private_files.hpp"

namespace {

constexpr const char* kUsage = R"(usage: support-api [OPTIONS]
  --host HOST              address to bind (default 127.0.0.1)
  --port PORT              port, 0 for any free port (default 8080)
  --db FILE                SQLite database, created on first start (default ./support-demo.db)
  --secret-file FILE       key for access tokens, created 0600 on first start (default: the database path + .secret)
  --previous-secret-file FILE  the key before a rotation: tokens it signed still work until they expire
  --token-ttl SECONDS      how long an access token works after its request was created (default 7776000: 90 days)
  --cors-origin ORIGIN     allow this browser origin (repeatable)
  --demo-step SECONDS      move requests through the statuses every SECONDS (default 0: off)
  --rate-limit N           requests per minute per client address (default 120, 0: off)
  --rate-burst N           requests at once per client address (default 60)
  --max-body BYTES         largest request body (default 26214400)
  --threads N              worker threads (default 8); a connection gets one only with a whole request head
  --head-timeout SECONDS   time for a whole request head, from connect or the previous answer (default 10)
  --max-connections-per-address N   open connections per client address (default 32)
  --trusted-proxy ADDRESS  a reverse proxy in front (repeatable): its X-Forwarded-For names the client
                           for rate limits, and its connections are not limited per address
  --durability normal|full survive a process crash (normal) or also power loss (full)
  --idempotency-ttl SECONDS how long an Idempotency-Key is remembered (default 86400)
  --web-root [/PREFIX=]DIR serve the files under DIR at / or /PREFIX/ with the widget's CSP (repeatable)
  --quiet                  no request log
)";

support::server::ApiServer* running = nullptr;

void on_signal(int) {
  if (running) running->stop();
}

template <class T>
T loaded(support::Loaded<T> l, const char* what) {
  if (!l) throw std::runtime_error(std::string(what) + ": " + l.error);
  return std::move(*l.value);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace support;
  umask(077);  // everything this server writes (database, WAL, keys) holds personal data or secrets
  server::ServerOptions o;
  std::string secret_file, previous_secret_file;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "support-api: " << a << " needs a value\n" << kUsage;
        std::exit(2);
      }
      return argv[++i];
    };
    const auto number = [&]() {
      const std::string v = value();
      char* end = nullptr;
      const double d = std::strtod(v.c_str(), &end);
      if (end == v.c_str() || *end || d < 0) {
        std::cerr << "support-api: " << a << " expects a number\n";
        std::exit(2);
      }
      return d;
    };
    if (a == "--host") o.host = value();
    else if (a == "--port") o.port = static_cast<int>(number());
    else if (a == "--db") o.database = value();
    else if (a == "--secret-file") secret_file = value();
    else if (a == "--previous-secret-file") previous_secret_file = value();
    else if (a == "--token-ttl") o.token_ttl_seconds = std::max<std::int64_t>(1, static_cast<std::int64_t>(number()));
    else if (a == "--cors-origin") o.cors_origins.push_back(value());
    else if (a == "--demo-step") o.demo_step_seconds = static_cast<std::int64_t>(number());
    else if (a == "--rate-limit") o.rate_per_minute = number();
    else if (a == "--rate-burst") o.rate_burst = number();
    else if (a == "--max-body") o.max_body_bytes = static_cast<std::size_t>(number());
    else if (a == "--threads") o.threads = std::max(1, static_cast<int>(number()));
    else if (a == "--trusted-proxy") o.trusted_proxies.push_back(value());
    else if (a == "--head-timeout") o.head_timeout_seconds = std::max(1, static_cast<int>(number()));
    else if (a == "--max-connections-per-address") o.max_connections_per_address = std::max<std::size_t>(1, static_cast<std::size_t>(number()));
    else if (a == "--idempotency-ttl") o.idempotency_ttl_seconds = static_cast<std::int64_t>(number());
    else if (a == "--durability") {
      const std::string d = value();
      if (d != "normal" && d != "full") {
        std::cerr << "support-api: --durability expects normal or full\n";
        return 2;
      }
      o.durability = d == "full" ? server::Durability::full : server::Durability::normal;
    } else if (a == "--web-root") {
      std::string error;
      const auto mount = server::parse_web_mount(value(), error);
      if (!mount) {
        std::cerr << "support-api: " << error << "\n";
        return 2;
      }
      o.web_roots.push_back(*mount);
    } else if (a == "--quiet") o.log = false;
    else if (a == "--help") {
      std::cout << kUsage;
      return 0;
    } else {
      std::cerr << "support-api: unknown option " << a << "\n" << kUsage;
      return 2;
    }
  }
  try {
    o.secret = server::load_or_create_key(secret_file.empty() ? o.database + ".secret" : secret_file);
    if (!previous_secret_file.empty()) o.previous_secret = server::load_key(previous_secret_file);
    const auto files = bundle::all_files();
    auto forms = loaded(forms::FormsConfig::load(files), "forms data");
    auto messages = loaded(i18n::Messages::load(files), "catalogs");
    auto kb = loaded(chat::KnowledgeBase::load(files, forms, messages.locales()), "knowledge base");
    auto calendar = loaded(WorkCalendar::load(*bundle::file("common/data/work_calendar.json")), "work calendar");
    const server::Core core{std::move(forms), std::move(messages), std::move(kb), std::move(calendar)};
    server::ApiServer api(o, core);
    running = &api;
    std::signal(SIGPIPE, SIG_IGN);  // a client gone mid-response must not end the server
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    if (!api.run()) {
      std::cerr << "support-api: cannot listen on " << o.host << ":" << o.port << "\n";
      return 1;
    }
  } catch (const std::exception& e) {
    std::cerr << "support-api: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
