// A token bucket per client address: `burst` requests at once, refilled at
// `per_minute`. Thread-safe; idle buckets are dropped so the table stays small.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace support::server {

class RateLimiter {
 public:
  RateLimiter(double per_minute, double burst);  // per_minute <= 0: no limit

  // True when the request may go ahead; else the seconds to wait.
  bool allow(const std::string& client, std::int64_t now_ms, int& retry_after_seconds);

 private:
  struct Bucket {
    double tokens;
    std::int64_t last_ms;
  };
  double per_ms_, burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace support::server
