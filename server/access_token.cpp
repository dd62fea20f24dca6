#include "server/access_token.hpp"

#include <algorithm>

#include "server/crypto.hpp"

namespace support::server {

namespace {

std::string mac(const std::string& key, const std::string& number, const std::string& expires) {
  return hmac_token(key, "support-token-v1\n" + number + "\n" + expires);
}

}  // namespace

std::string issue_token(const std::string& key, const std::string& number, std::int64_t expires_unix) {
  const std::string expires = std::to_string(expires_unix);
  return expires + "." + mac(key, number, expires);
}

bool token_accepted(const TokenKeys& keys, const std::string& number, const std::string& token, std::int64_t now_unix) {
  const auto dot = token.find('.');
  const std::string expires = dot == std::string::npos ? std::string() : token.substr(0, dot);
  const std::string given = dot == std::string::npos ? std::string() : token.substr(dot + 1);
  const bool well_formed = !expires.empty() && expires.size() <= 12 &&
                           std::all_of(expires.begin(), expires.end(), [](char c) { return c >= '0' && c <= '9'; });
  // Both MACs are computed whatever the token, so timing tells nothing about which check failed.
  const bool by_current = constant_time_equal(given, mac(keys.current, number, expires));
  const bool by_previous = constant_time_equal(given, mac(keys.previous.empty() ? keys.current : keys.previous, number, expires));
  const bool signed_ok = by_current || (!keys.previous.empty() && by_previous);
  return well_formed && signed_ok && now_unix <= std::stoll(well_formed ? expires : std::string("0"));
}

}  // namespace support::server
