// Load on the reference API over loopback: creating requests, then reading
// them with their tokens. Bounded in count and time; prints throughput and
// latency percentiles. Targets on 2 cores: >= 1,000 creates/s, >= 5,000 reads/s.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "bundle/bundled_files.hpp"
#include "common/calendar.hpp"
#include "forms/form_validator.hpp"
#include "forms/forms_config.hpp"
#include "forms/request_package.hpp"

using namespace support;
using Clock = std::chrono::steady_clock;

namespace {

struct Phase {
  std::vector<double> latencies_ms;
  std::size_t errors = 0;
  double seconds = 0;
};

void report(const char* name, Phase& p, double target_per_second) {
  std::sort(p.latencies_ms.begin(), p.latencies_ms.end());
  const std::size_t n = p.latencies_ms.size();
  const double rate = p.seconds > 0 ? static_cast<double>(n) / p.seconds : 0;
  const double p50 = n ? p.latencies_ms[n / 2] : 0, p99 = n ? p.latencies_ms[std::min(n - 1, n * 99 / 100)] : 0;
  std::printf("%-8s %7zu ok %4zu errors  %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms   target %5.0f req/s  %s\n", name, n, p.errors,
              rate, p50, p99, target_per_second, rate >= target_per_second && p.errors == 0 ? "ok" : "OVER");
}

std::string uuid(std::mt19937_64& rng) {
  const auto hex = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "0123456789abcdef"[rng() % 16];
    return s;
  };
  return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-a" + hex(3) + "-" + hex(12);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: api_load PORT [CREATES READS THREADS SECONDS]\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const std::size_t creates = argc > 2 ? std::stoul(argv[2]) : 5000, reads = argc > 3 ? std::stoul(argv[3]) : 20000;
  const int threads = argc > 4 ? std::atoi(argv[4]) : 8;
  const double limit_seconds = argc > 5 ? std::atof(argv[5]) : 20;

  const auto forms = forms::FormsConfig::load(bundle::all_files());
  const auto& schema = *forms.value->schema("feedback");
  const nlohmann::json form = {{"subject", "Не приходит SMS-код"},
                               {"description", "Третий день не приходит код подтверждения на телефон."},
                               {"phone", "+79161234567"},
                               {"email", "ivan@mail.ru"},
                               {"consent", true}};
  const auto values = forms::validate_form(schema, form, {moscow_from_unix(std::time(nullptr))}).values;
  const forms::ClientContext client{"ru", "1.0.0", "web", "/help", "access.sms_code", {}, to_iso(moscow_from_unix(std::time(nullptr)))};
  const std::string request = forms::package_request(schema, values, client, {}, {}).value;
  const std::string boundary = "loadBoundary";
  const std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\nContent-Type: application/json\r\n\r\n" +
                           request + "\r\n--" + boundary + "--\r\n";

  std::mutex mutex;
  std::vector<std::pair<std::string, std::string>> created;  // number, token
  auto run = [&](std::size_t total, auto&& one) {
    Phase phase;
    std::atomic<std::size_t> next{0};
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::duration<double>(limit_seconds);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&, t] {
        httplib::Client http("127.0.0.1", port);
        http.set_keep_alive(true);
        http.set_tcp_nodelay(true);
        std::mt19937_64 rng(static_cast<std::uint64_t>(t) * 7919 + 1);
        std::vector<double> mine;
        std::size_t errors = 0;
        for (std::size_t i; (i = next++) < total && Clock::now() < deadline;) {
          const auto t0 = Clock::now();
          const bool ok = one(http, rng, i);
          const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
          ok ? mine.push_back(ms) : static_cast<void>(++errors);
        }
        std::lock_guard<std::mutex> lock(mutex);
        phase.latencies_ms.insert(phase.latencies_ms.end(), mine.begin(), mine.end());
        phase.errors += errors;
      });
    }
    for (auto& w : workers) w.join();
    phase.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return phase;
  };

  Phase create_phase = run(creates, [&](httplib::Client& http, std::mt19937_64& rng, std::size_t) {
    const auto r = http.Post("/api/v1/support/requests", {{"Idempotency-Key", uuid(rng)}}, body,
                             "multipart/form-data; boundary=" + boundary);
    if (!r || r->status != 201) return false;
    const auto j = nlohmann::json::parse(r->body);
    std::lock_guard<std::mutex> lock(mutex);
    created.emplace_back(j["number"], j["access_token"]);
    return true;
  });
  if (created.empty()) {
    std::fprintf(stderr, "no request was created\n");
    return 1;
  }
  Phase read_phase = run(reads, [&](httplib::Client& http, std::mt19937_64&, std::size_t i) {
    const auto& [number, token] = created[i % created.size()];
    const auto r = http.Get(("/api/v1/support/requests/" + number).c_str(), {{"Authorization", "Bearer " + token}});
    return r && r->status == 200;
  });
  std::printf("portal API over loopback, %d client threads, at most %.0f s per phase\n", threads, limit_seconds);
  report("create", create_phase, 1000);
  report("read", read_phase, 5000);
  return 0;
}
