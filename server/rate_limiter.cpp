#include "server/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace support::server {

namespace {
constexpr std::size_t kMaxTracked = 100000;
}

RateLimiter::RateLimiter(double per_minute, double burst) : per_ms_(per_minute / 60000.0), burst_(std::max(1.0, burst)) {}

bool RateLimiter::allow(const std::string& client, std::int64_t now_ms, int& retry_after_seconds) {
  if (per_ms_ <= 0) return true;
  std::lock_guard<std::mutex> lock(mutex_);
  if (buckets_.size() > kMaxTracked) {
    // Full buckets hold no information: forget them.
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      const double tokens = std::min(burst_, it->second.tokens + static_cast<double>(now_ms - it->second.last_ms) * per_ms_);
      it = tokens >= burst_ ? buckets_.erase(it) : std::next(it);
    }
  }
  auto [it, inserted] = buckets_.try_emplace(client, Bucket{burst_, now_ms});
  Bucket& b = it->second;
  b.tokens = std::min(burst_, b.tokens + static_cast<double>(now_ms - b.last_ms) * per_ms_);
  b.last_ms = now_ms;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return true;
  }
  retry_after_seconds = static_cast<int>(std::ceil((1.0 - b.tokens) / per_ms_ / 1000.0));
  return false;
}

}  // namespace support::server
